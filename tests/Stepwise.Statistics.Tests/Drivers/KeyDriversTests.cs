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
