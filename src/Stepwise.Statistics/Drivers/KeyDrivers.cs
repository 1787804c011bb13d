using MathNet.Numerics.LinearAlgebra;
using Stepwise.Statistics.Feedback;

namespace Stepwise.Statistics.Drivers;

/// <summary>
/// Key-driver analysis of item scores against an overall score or a yes/no outcome: correlations, Johnson's (2000)
/// relative weights, which share R² among correlated items where regression coefficients cannot, and the
/// importance-performance grid.
/// </summary>
public static class KeyDrivers
{
    /// <summary>
    /// Analyses <paramref name="items"/> against <paramref name="outcome"/> (NaN = missing; a yes/no outcome as 1/0).
    /// Items answered by fewer than <paramref name="minCoverage"/> of the responses that have an outcome are left out of
    /// the joint model (they still get correlations), so that one rarely answered item does not empty the
    /// listwise-complete sample.
    /// </summary>
    /// <param name="items">The item scores.</param>
    /// <param name="outcome">The outcome per response.</param>
    /// <param name="outcomeName">What the outcome is called.</param>
    /// <param name="minCoverage">The share of responses with an outcome an item needs to enter the joint model.</param>
    /// <param name="performanceSplit">Where the grid splits performance, as a percentage of each item's scale: the
    /// scale midpoint (50) by default, or a target (a target of 4 on a 1-5 scale is 75). Never the mean of the items:
    /// an item rated below the middle of its scale is never "possible overkill" because the others are worse.</param>
    /// <exception cref="ArgumentException">An item's length differs from the outcome's.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The split is outside 0..100.</exception>
    public static DriverAnalysis Analyse(IReadOnlyList<ScoreColumn> items, IReadOnlyList<double> outcome, string outcomeName, double minCoverage = 0.5, double performanceSplit = 50)
    {
        if (!(performanceSplit >= 0 && performanceSplit <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(performanceSplit), performanceSplit, "The performance split is a percentage of the scale, 0 to 100.");
        }

        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(outcome);
        int n = outcome.Count;
        int withOutcome = 0;
        for (int r = 0; r < n; r++)
        {
            if (!double.IsNaN(outcome[r]))
            {
                withOutcome++;
            }
        }

        var excluded = new List<string>();
        var modelled = new List<int>();
        var pairwise = new (int Answered, double R, double Rho)[items.Count];
        for (int j = 0; j < items.Count; j++)
        {
            if (items[j].Values.Count != n)
            {
                throw new ArgumentException($"Item '{items[j].Name}' has {items[j].Values.Count} values; the outcome has {n}.", nameof(items));
            }

            pairwise[j] = Correlations.PairwiseComplete(items[j].Values, outcome);
            if (pairwise[j].Answered < minCoverage * withOutcome)
            {
                excluded.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{items[j].Name}: answered by {pairwise[j].Answered:N0} of {withOutcome:N0} responses with an outcome"));
            }
            else if (double.IsNaN(pairwise[j].R))
            {
                excluded.Add($"{items[j].Name}: no variance");
            }
            else
            {
                modelled.Add(j);
            }
        }

        var rows = new List<int>(n);
        for (int r = 0; r < n; r++)
        {
            if (double.IsNaN(outcome[r]))
            {
                continue;
            }

            bool complete = true;
            foreach (int j in modelled)
            {
                if (double.IsNaN(items[j].Values[r]))
                {
                    complete = false;
                    break;
                }
            }

            if (complete)
            {
                rows.Add(r);
            }
        }

        var weights = new double[items.Count];
        var betas = new double[items.Count];
        Array.Fill(weights, double.NaN);
        Array.Fill(betas, double.NaN);
        double r2 = double.NaN;
        if (modelled.Count > 0 && rows.Count > modelled.Count + 1)
        {
            var columns = modelled.Select(j => items[j].Values).ToList();
            var (rw, beta, rSquared) = RelativeWeights(columns, outcome, rows);
            r2 = rSquared;
            for (int k = 0; k < modelled.Count; k++)
            {
                weights[modelled[k]] = rw[k];
                betas[modelled[k]] = beta[k];
            }
        }

        var drivers = new List<Driver>(items.Count);
        double meanImportance = modelled.Count == 0 ? double.NaN : 1.0 / modelled.Count;
        var performance = new double[items.Count];
        for (int j = 0; j < items.Count; j++)
        {
            performance[j] = items[j].Scale.ToPercent(Mean(items[j].Values));
        }

        for (int j = 0; j < items.Count; j++)
        {
            double importance = weights[j] / r2;
            GridQuadrant? quadrant = double.IsNaN(importance) ? null
                : importance >= meanImportance
                    ? (performance[j] >= performanceSplit ? GridQuadrant.KeepUpTheGoodWork : GridQuadrant.ConcentrateHere)
                    : (performance[j] >= performanceSplit ? GridQuadrant.PossibleOverkill : GridQuadrant.LowPriority);
            drivers.Add(new Driver(items[j].Name, pairwise[j].Answered, pairwise[j].R, pairwise[j].Rho, betas[j], weights[j], importance,
                Mean(items[j].Values), performance[j], TopTwo(items[j]), quadrant));
        }

        drivers.Sort((a, b) =>
        {
            double ia = double.IsNaN(a.Importance) ? -1 : a.Importance, ib = double.IsNaN(b.Importance) ? -1 : b.Importance;
            int c = ib.CompareTo(ia);
            return c != 0 ? c : Math.Abs(b.Correlation).CompareTo(Math.Abs(a.Correlation));
        });
        return new DriverAnalysis(outcomeName, drivers, rows.Count, r2, excluded) { PerformanceSplit = performanceSplit };
    }

    /// <summary>
    /// Reads a performance target for the grid: a percentage of the scale (<c>75%</c>) or a score on the items' scale
    /// (<c>4</c>, which needs every item on one scale), as the percentage <see cref="Analyse"/> takes.
    /// </summary>
    /// <exception cref="FormatException">The text is neither, is off the scale, or a score is given for items on different scales.</exception>
    public static double PerformanceSplitOf(string text, IReadOnlyList<ScoreColumn> items)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(items);
        string t = text.Trim();
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        if (t.EndsWith('%'))
        {
            return double.TryParse(t[..^1], System.Globalization.NumberStyles.Float, invariant, out double percent) && percent >= 0 && percent <= 100
                ? percent
                : throw new FormatException($"'{text}' is not a percentage of the scale from 0% to 100%.");
        }

        if (!double.TryParse(t, System.Globalization.NumberStyles.Float, invariant, out double score))
        {
            throw new FormatException($"'{text}' is neither a score (e.g. 4) nor a percentage of the scale (e.g. 75%).");
        }

        var scales = items.Select(i => i.Scale).Distinct().ToList();
        if (scales.Count != 1)
        {
            throw new FormatException($"the items are on different scales ({string.Join(", ", scales)}); give the target as a percentage of the scale, e.g. 75%.");
        }

        return scales[0].Contains(score) ? scales[0].ToPercent(score) : throw new FormatException($"{text} is off the items' scale {scales[0]}.");
    }

    /// <summary>
    /// Johnson's relative weights over the given rows: with R the items' correlation matrix and r their correlations
    /// with the outcome, Λ = R^½ (by eigen-decomposition), β = R^-½ r, and the weight of item j is Σₖ Λⱼₖ² βₖ²;
    /// the weights add up to R² = r' R⁻¹ r. Also returns the standardised regression coefficients R⁻¹ r.
    /// </summary>
    internal static (double[] Weights, double[] Betas, double RSquared) RelativeWeights(IReadOnlyList<IReadOnlyList<double>> items, IReadOnlyList<double> outcome, IReadOnlyList<int> rows)
    {
        int p = items.Count;
        var corr = Correlations.Matrix(items, outcome, rows);
        var rxx = Matrix<double>.Build.Dense(p, p, (i, j) => corr[i, j]);
        var rxy = Vector<double>.Build.Dense(p, i => corr[i, p]);
        var evd = rxx.Evd(Symmetricity.Symmetric);
        var q = evd.EigenVectors;
        var values = evd.EigenValues.Map(c => Math.Max(c.Real, 1e-12));
        var half = q * Matrix<double>.Build.DiagonalOfDiagonalVector(values.Map(Math.Sqrt)) * q.Transpose();
        var inverseHalf = q * Matrix<double>.Build.DiagonalOfDiagonalVector(values.Map(v => 1 / Math.Sqrt(v))) * q.Transpose();
        var beta = inverseHalf * rxy;
        var weights = new double[p];
        for (int j = 0; j < p; j++)
        {
            double w = 0;
            for (int k = 0; k < p; k++)
            {
                w += half[j, k] * half[j, k] * beta[k] * beta[k];
            }

            weights[j] = w;
        }

        var inverse = q * Matrix<double>.Build.DiagonalOfDiagonalVector(values.Map(v => 1 / v)) * q.Transpose();
        var betas = (inverse * rxy).ToArray();
        return (weights, betas, weights.Sum());
    }

    private static double Mean(IReadOnlyList<double> values)
    {
        double sum = 0;
        int n = 0;
        foreach (double v in values)
        {
            if (!double.IsNaN(v))
            {
                sum += v;
                n++;
            }
        }

        return n == 0 ? double.NaN : sum / n;
    }

    private static double TopTwo(ScoreColumn column)
    {
        int top = 0, n = 0;
        foreach (double v in column.Values)
        {
            if (!double.IsNaN(v))
            {
                n++;
                top += column.Scale.IsTopBox(v) ? 1 : 0;
            }
        }

        return n == 0 ? double.NaN : (double)top / n;
    }
}
