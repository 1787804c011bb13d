using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearRegression;
using Stepwise.Statistics.Drivers;
using Stepwise.Statistics.Feedback;

namespace Stepwise.Statistics.Tests.Drivers;

public class KeyDriversTests
{
    [Fact]
    public void Analyse_OrthogonalItems_WeightsEqualSquaredCorrelations()
    {
        // Two balanced contrasts are uncorrelated; Johnson (2000): for uncorrelated predictors each relative weight is r².
        double[] x1 = [1, 3, 1, 3, 1, 3, 1, 3];
        double[] x2 = [1, 1, 3, 3, 1, 1, 3, 3];
        double[] noise = [0.3, -0.2, 0.1, -0.4, 0.2, 0.1, -0.3, 0.2];
        double[] y = [.. x1.Select((v, i) => (2 * v) + x2[i] + noise[i])];
        var result = KeyDrivers.Analyse([new ScoreColumn("a", ScoreScale.Likert5, x1), new ScoreColumn("b", ScoreScale.Likert5, x2)], y, "y");
        foreach (var d in result.Drivers)
        {
            Assert.Equal(d.Correlation * d.Correlation, d.RelativeWeight, 10);
        }
    }

    [Fact]
    public void Analyse_AirlineItemsAgainstSatisfaction_WeightsAddUpToOlsRSquared()
    {
        var t = SurveyFiles.Airline.Table;
        double[] outcome = [.. t.Outcome!.Select(o => o is bool b ? (b ? 1.0 : 0.0) : double.NaN)];
        var result = KeyDrivers.Analyse(t.Items, outcome, "satisfaction");
        Assert.Empty(result.Excluded);
        Assert.Equal(14, result.Drivers.Count);

        // Reference: ordinary least squares with an intercept, by MathNet's QR, on the same listwise-complete rows.
        var rows = Enumerable.Range(0, t.Count).Where(r => t.Items.All(i => !double.IsNaN(i.Values[r]))).ToArray();
        Assert.Equal(rows.Length, result.ModelCount);
        var x = Matrix<double>.Build.Dense(rows.Length, t.Items.Count + 1, (r, c) => c == 0 ? 1 : t.Items[c - 1].Values[rows[r]]);
        var yv = Vector<double>.Build.Dense(rows.Length, r => outcome[rows[r]]);
        var beta = MultipleRegression.QR(x, yv);
        var residual = yv - (x * beta);
        double mean = yv.Average();
        double r2 = 1 - (residual.DotProduct(residual) / yv.Sum(v => (v - mean) * (v - mean)));
        Assert.Equal(r2, result.RSquared, 8);
        Assert.Equal(r2, result.Drivers.Sum(d => d.RelativeWeight), 8);
        Assert.Equal(1.0, result.Drivers.Sum(d => d.Importance), 8);
        Assert.All(result.Drivers, d => Assert.NotNull(d.Quadrant));
    }

    [Fact]
    public void Analyse_ItemBelowScaleMidpoint_NeverPossibleOverkill()
    {
        // a drives y and averages 2.0 on 1-5 (25% of the scale); b barely drives it and averages 2.9 (47.5%). The mean
        // performance of the two is 36%, so a split at the mean would call b "possible overkill".
        double[] a = [1, 3, 1, 3, 1, 3, 1, 3, 2, 2];
        double[] b = [3, 3, 2, 4, 3, 3, 2, 4, 3, 2];
        double[] y = [1, 9, 2, 8, 1, 9, 2, 9, 5, 5];
        Assert.Equal(2.0, a.Average(), 12);
        Assert.Equal(2.9, b.Average(), 12);
        var items = new[] { new ScoreColumn("a", ScoreScale.Likert5, a), new ScoreColumn("b", ScoreScale.Likert5, b) };
        var result = KeyDrivers.Analyse(items, y, "y");
        var weak = result.Drivers.Single(d => d.Item == "b");
        Assert.True(weak.Importance < 0.5);
        Assert.Equal(47.5, weak.Performance, 10);
        Assert.Equal(GridQuadrant.LowPriority, weak.Quadrant);
        Assert.Equal(GridQuadrant.ConcentrateHere, result.Drivers.Single(d => d.Item == "a").Quadrant);

        // With a target of 2.6 on 1-5 (40% of the scale) b meets it: then, and only then, it may be overkill.
        var targeted = KeyDrivers.Analyse(items, y, "y", performanceSplit: 40);
        Assert.Equal(GridQuadrant.PossibleOverkill, targeted.Drivers.Single(d => d.Item == "b").Quadrant);
        Assert.Throws<ArgumentOutOfRangeException>(() => KeyDrivers.Analyse(items, y, "y", performanceSplit: 120));
    }

    [Fact]
    public void Analyse_BaItems_QuadrantSideFollowsTheRawMeanAgainstTheMidpoint()
    {
        var t = SurveyFiles.Ba.Table;
        var result = KeyDrivers.Analyse(t.Items, t.Overall!.Values, "OverallRating");
        foreach (var d in result.Drivers.Where(d => d.Quadrant is not null))
        {
            // Independent: the mean of the answered values against 3, the middle of 1-5.
            var values = t.Items.Single(i => i.Name == d.Item).Values.Where(v => !double.IsNaN(v)).ToArray();
            bool above = values.Average() >= 3;
            Assert.Equal(above, d.Quadrant is GridQuadrant.KeepUpTheGoodWork or GridQuadrant.PossibleOverkill);
        }
    }

    [Fact]
    public void Analyse_BaItemsAgainstOverall_RarelyAnsweredWifiLeftOutOfModel()
    {
        var t = SurveyFiles.Ba.Table;
        var result = KeyDrivers.Analyse(t.Items, t.Overall!.Values, "OverallRating");
        Assert.Contains(result.Excluded, e => e.StartsWith("Wifi&Connectivity", StringComparison.Ordinal));
        var wifi = result.Drivers.Single(d => d.Item == "Wifi&Connectivity");
        Assert.True(double.IsNaN(wifi.RelativeWeight));
        Assert.False(double.IsNaN(wifi.Correlation));
        Assert.InRange(result.RSquared, 0.5, 1);
    }

    [Fact]
    public void Spearman_TiedRanks_MatchesPearsonOfHandRanks()
    {
        double[] x = [1, 2, 2, 3, double.NaN];
        double[] y = [10, 30, 20, 40, 5];
        // Mid-ranks of x: 1, 2.5, 2.5, 4; ranks of y: 1, 3, 2, 4.
        Assert.Equal(Correlations.Pearson([1, 2.5, 2.5, 4], [1, 3, 2, 4]), Correlations.Spearman(x, y), 12);
        Assert.Equal(MathNet.Numerics.Statistics.Correlation.Pearson([1.0, 2, 2, 3], [10.0, 30, 20, 40]), Correlations.Pearson(x, y), 12);
    }
}

public class RelativeWeightsAgainstShapleyTests
{
    [Fact]
    public void Analyse_FiveCorrelatedAirlineItems_CloseToExactShapleyDecomposition()
    {
        // Reference computed another way: the Shapley (LMG) share of R² of each item, by brute force over every
        // subset of the other items, with R² of each subset from MathNet's least squares. Johnson (2000) shows relative
        // weights approximate this decomposition closely; both add up to the full R².
        var t = SurveyFiles.Airline.Table;
        string[] names = ["Inflight wifi service", "Ease of Online booking", "Online boarding", "Seat comfort", "Inflight entertainment"];
        var items = names.Select(n => t.FindScore(n)!).ToList();
        double[] y = [.. t.Outcome!.Select(o => o is bool b ? (b ? 1.0 : 0.0) : double.NaN)];
        var rows = Enumerable.Range(0, t.Count).Where(r => items.All(i => !double.IsNaN(i.Values[r]))).ToArray();

        double RSquared(int mask)
        {
            var cols = Enumerable.Range(0, names.Length).Where(j => (mask & (1 << j)) != 0).ToArray();
            var yv = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(rows.Length, r => y[rows[r]]);
            double mean = yv.Average();
            double total = yv.Sum(v => (v - mean) * (v - mean));
            if (cols.Length == 0)
            {
                return 0;
            }

            var x = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(rows.Length, cols.Length + 1, (r, c) => c == 0 ? 1 : items[cols[c - 1]].Values[rows[r]]);
            var residual = yv - (x * MultipleRegression.QR(x, yv));
            return 1 - (residual.DotProduct(residual) / total);
        }

        int p = names.Length;
        var r2 = new double[1 << p];
        for (int mask = 0; mask < r2.Length; mask++)
        {
            r2[mask] = RSquared(mask);
        }

        static double Factorial(int k) => k <= 1 ? 1 : k * Factorial(k - 1);
        var shapley = new double[p];
        for (int j = 0; j < p; j++)
        {
            for (int mask = 0; mask < r2.Length; mask++)
            {
                if ((mask & (1 << j)) != 0)
                {
                    continue;
                }

                int size = System.Numerics.BitOperations.PopCount((uint)mask);
                shapley[j] += Factorial(size) * Factorial(p - size - 1) / Factorial(p) * (r2[mask | (1 << j)] - r2[mask]);
            }
        }

        var result = KeyDrivers.Analyse(items, y, "satisfaction");
        Assert.Equal(r2[^1], result.RSquared, 8);
        for (int j = 0; j < p; j++)
        {
            var driver = result.Drivers.Single(d => d.Item == names[j]);
            Assert.InRange(driver.RelativeWeight, shapley[j] - 0.01, shapley[j] + 0.01);
        }

        var rankByWeight = result.Drivers.Select(d => d.Item).ToArray();
        var rankByShapley = Enumerable.Range(0, p).OrderByDescending(j => shapley[j]).Select(j => names[j]).ToArray();
        Assert.Equal(rankByShapley[0], rankByWeight[0]);
    }
}
