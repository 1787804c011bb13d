using MathNet.Numerics.LinearAlgebra;
using Stepwise.Statistics.Sampling;
using Stepwise.Steps.Satisfaction;

namespace Stepwise.Steps.Tests;

public class LinearModelTests
{
    [Fact]
    public void Fit_RandomDesign_MatchesMathNetAndTheHc3Formula()
    {
        var random = new SeededRandom(9);
        int n = 400;
        var columns = new List<double[]> { new double[n], new double[n], new double[n] };
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            columns[0][i] = random.NextDouble() < 0.3 ? 1 : 0;
            columns[1][i] = random.NextDouble() < 0.5 ? 1 : 0;
            columns[2][i] = random.NextDouble() < 0.1 ? 1 : 0;
            // Heteroscedastic noise: larger where the first column is 1.
            y[i] = 5 - columns[0][i] + (0.5 * columns[2][i]) + ((random.NextDouble() - 0.5) * (1 + (2 * columns[0][i])));
        }

        var model = LinearModel.Fit(y, columns, 0.95);

        // Reference: the least-squares solution and the HC3 sandwich written out with explicit inverses.
        var x = Matrix<double>.Build.Dense(n, 4, (i, j) => j == 0 ? 1 : columns[j - 1][i]);
        var yv = Vector<double>.Build.DenseOfArray(y);
        var xtxInverse = (x.Transpose() * x).Inverse();
        var beta = xtxInverse * x.Transpose() * yv;
        var e = yv - (x * beta);
        var hat = x * xtxInverse * x.Transpose();
        var meat = Matrix<double>.Build.Dense(4, 4);
        for (int i = 0; i < n; i++)
        {
            var row = x.Row(i);
            double w = e[i] * e[i] / Math.Pow(1 - hat[i, i], 2);
            meat += row.OuterProduct(row) * w;
        }

        var covariance = xtxInverse * meat * xtxInverse;
        for (int j = 0; j < 3; j++)
        {
            Assert.True(model.Coefficients[j].Estimable);
            Assert.Equal(beta[j + 1], model.Coefficients[j].Value, 10);
            Assert.Equal(Math.Sqrt(covariance[j + 1, j + 1]), model.Coefficients[j].StandardError, 10);
        }

        var mathNet = MathNet.Numerics.LinearRegression.MultipleRegression.QR(x, yv);
        Assert.Equal(mathNet[1], model.Coefficients[0].Value, 10);
        Assert.Equal(4, model.Parameters);
    }

    [Fact]
    public void Fit_DuplicateColumn_ReportedNotEstimable()
    {
        var a = new double[] { 1, 0, 1, 0, 1, 0, 0, 1, 1, 0 };
        var b = new double[] { 0, 1, 0, 1, 0, 1, 1, 0, 0, 1 };
        var y = new double[] { 3, 1, 3, 1, 3, 1, 1, 3, 3.5, 1.5 };

        // b is 1 - a: a linear combination of the intercept and a, so it cannot be separated from them.
        var model = LinearModel.Fit(y, [a, b], 0.95);

        Assert.True(model.Coefficients[0].Estimable);
        Assert.False(model.Coefficients[1].Estimable);
        Assert.Equal(2.0, model.Coefficients[0].Value, 9);
    }
}
