using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Stepwise.Steps.Satisfaction;

/// <summary>
/// Ordinary least squares of a score on an intercept and indicator columns, with heteroscedasticity-robust (HC3)
/// standard errors (MacKinnon and White, 1985): Var(b) = (X'X)^-1 [sum_i x_i x_i' e_i^2 / (1 - h_i)^2] (X'X)^-1, where
/// h_i is the leverage of row i. Columns that are (nearly) linear combinations of the intercept and the columns kept
/// before them are left out and reported as not estimable, since no data can separate their effect.
/// </summary>
internal sealed class LinearModel
{
    private LinearModel(Coefficient[] coefficients, double residualSd, int n, int parameters)
    {
        Coefficients = coefficients;
        ResidualSd = residualSd;
        N = n;
        Parameters = parameters;
    }

    /// <summary>One entry per column given, in order.</summary>
    public IReadOnlyList<Coefficient> Coefficients { get; }

    /// <summary>The residual standard deviation.</summary>
    public double ResidualSd { get; }

    /// <summary>Rows used.</summary>
    public int N { get; }

    /// <summary>Parameters estimated, including the intercept.</summary>
    public int Parameters { get; }

    /// <summary>Fits <paramref name="y"/> on <paramref name="columns"/> (each with one value per row).</summary>
    public static LinearModel Fit(double[] y, IReadOnlyList<double[]> columns, double confidence)
    {
        int n = y.Length;
        var kept = SelectIndependent(columns, n);
        int p = kept.Count + 1;
        var result = new Coefficient[columns.Count];
        for (int j = 0; j < result.Length; j++)
        {
            result[j] = Coefficient.NotEstimable;
        }

        if (n <= p + 1)
        {
            return new LinearModel(result, double.NaN, n, p);
        }

        var x = Matrix<double>.Build.Dense(n, p);
        for (int i = 0; i < n; i++)
        {
            x[i, 0] = 1;
        }

        for (int k = 0; k < kept.Count; k++)
        {
            var column = columns[kept[k]];
            for (int i = 0; i < n; i++)
            {
                x[i, k + 1] = column[i];
            }
        }

        var yv = Vector<double>.Build.DenseOfArray(y);
        var qr = x.QR(QRMethod.Thin);
        var beta = qr.Solve(yv);
        var rInverse = qr.R.Inverse();
        var xtxInverse = rInverse * rInverse.Transpose();
        var residuals = yv - (x * beta);
        var q = qr.Q;
        var weighted = Matrix<double>.Build.Dense(n, p);
        double rss = 0;
        for (int i = 0; i < n; i++)
        {
            double h = 0;
            for (int k = 0; k < p; k++)
            {
                h += q[i, k] * q[i, k];
            }

            double e = residuals[i];
            rss += e * e;
            double scale = e / Math.Max(1e-8, 1 - h);
            for (int k = 0; k < p; k++)
            {
                weighted[i, k] = x[i, k] * scale;
            }
        }

        var meat = weighted.TransposeThisAndMultiply(weighted);
        var covariance = xtxInverse * meat * xtxInverse;
        int df = n - p;
        double t = StudentT.InvCDF(0, 1, df, 1 - ((1 - confidence) / 2));
        for (int k = 0; k < kept.Count; k++)
        {
            double b = beta[k + 1];
            double se = Math.Sqrt(Math.Max(0, covariance[k + 1, k + 1]));
            double stat = se > 0 ? b / se : 0;
            double pValue = se > 0 ? Math.Min(1, 2 * StudentT.CDF(0, 1, df, -Math.Abs(stat))) : 1;
            result[kept[k]] = new Coefficient(true, b, se, pValue, b - (t * se), b + (t * se));
        }

        return new LinearModel(result, Math.Sqrt(rss / df), n, p);
    }

    /// <summary>Indices of columns that are not (nearly) linear combinations of the intercept and the columns before them,
    /// by Gram-Schmidt on the centred columns.</summary>
    private static List<int> SelectIndependent(IReadOnlyList<double[]> columns, int n)
    {
        var basis = new List<double[]>();
        var kept = new List<int>();
        for (int j = 0; j < columns.Count; j++)
        {
            var v = new double[n];
            double mean = 0;
            for (int i = 0; i < n; i++)
            {
                mean += columns[j][i];
            }

            mean /= Math.Max(1, n);
            double original = 0;
            for (int i = 0; i < n; i++)
            {
                v[i] = columns[j][i] - mean;
                original += v[i] * v[i];
            }

            if (original <= 0)
            {
                continue;
            }

            // Two passes of orthogonalisation keep the residual accurate (modified Gram-Schmidt with re-orthogonalisation).
            for (int pass = 0; pass < 2; pass++)
            {
                foreach (var u in basis)
                {
                    double dot = 0;
                    for (int i = 0; i < n; i++)
                    {
                        dot += u[i] * v[i];
                    }

                    for (int i = 0; i < n; i++)
                    {
                        v[i] -= dot * u[i];
                    }
                }
            }

            double residual = 0;
            for (int i = 0; i < n; i++)
            {
                residual += v[i] * v[i];
            }

            if (residual < 1e-6 * original)
            {
                continue;
            }

            double norm = Math.Sqrt(residual);
            for (int i = 0; i < n; i++)
            {
                v[i] /= norm;
            }

            basis.Add(v);
            kept.Add(j);
        }

        return kept;
    }

    /// <summary>A column's coefficient.</summary>
    /// <param name="Estimable">False when the column was left out as collinear.</param>
    /// <param name="Value">The coefficient.</param>
    /// <param name="StandardError">Its HC3 standard error.</param>
    /// <param name="PValue">Two-sided p-value (t with n - p degrees of freedom).</param>
    /// <param name="Lower">Lower confidence bound.</param>
    /// <param name="Upper">Upper confidence bound.</param>
    internal readonly record struct Coefficient(bool Estimable, double Value, double StandardError, double PValue, double Lower, double Upper)
    {
        public static Coefficient NotEstimable { get; } = new(false, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
    }
}
