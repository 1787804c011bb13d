using System.Globalization;
using System.Text.RegularExpressions;
using Stepwise.Review.Quality;
using Stepwise.Testing;
using Stepwise.Workbench.Quality;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Workbench.Tests;

/// <summary>
/// Findings worked out from an analysis of the British Airways reviews: a figure and its interval carry the same
/// decimals, and a p-value too small for three decimals reads "&lt; 0.001", never "0".
/// </summary>
public sealed partial class QualityFindingFiguresTests
{
    private static readonly string Reviews = SharedData.PathOf("surveys/BA_AirlineReviews.csv");
    private readonly BenchFixture _f = new();

    [Fact]
    public void FindingsFrom_BritishAirwaysReviews_FiguresAndIntervalsWithTheSameDecimals_PValuesNeverZero()
    {
        var id = _f.Bench.Reviews.Create(_f.Admin, new NewReview { Title = "British Airways reviews", Quality = true }).Id;
        var q = _f.Bench.Quality;
        q.SaveFeature(_f.Admin, id, new FeatureRequest { Name = "Cabin", Why = "What passengers judge the flight on." });
        // Targets out of reach, so every measure misses with confidence and becomes a finding with its interval.
        string[] scores = ["SeatComfort", "CabinStaffService", "GroundService", "ValueForMoney", "Food&Beverages", "InflightEntertainment"];
        foreach (string column in scores)
        {
            q.SaveMeasure(_f.Admin, id, new MeasureRequest { Metric = column + " score", Feature = "Cabin", Statistic = "mean", Column = column, Method = "survey", Target = ">=4.95", Frequency = "monthly" });
        }

        q.SaveMeasure(_f.Admin, id, new MeasureRequest { Metric = "Net promoters", Feature = "Cabin", Statistic = "nps", Column = "OverallRating", Method = "survey", Target = ">=60", Frequency = "monthly" });
        var analysis = q.Analyse(_f.Admin, id, new FeedbackAnalysisRequest { Title = "Reviews", File = Reviews, Discover = 4 }).Analysis.Value;

        var findings = q.FindingsFrom(_f.Admin, id, "Reviews").Select(f => f.Value).ToList();

        var gaps = findings.Where(f => f.FindingKind == FindingKind.Gap).ToList();
        Assert.Equal(analysis.Results.Count(r => r.Verdict == ResultVerdict.Missed), gaps.Count);
        Assert.True(gaps.Count >= 5, "the targets are out of reach");
        var figures = new List<double>();
        foreach (var gap in gaps)
        {
            var result = analysis.Results.Single(r => r.Metric == gap.Subject);
            var m = Interval().Match(gap.Evidence[0].Summary);
            Assert.True(m.Success, gap.Evidence[0].Summary);
            // The value, the lower and the upper end each rounded to two decimals, trailing zeros kept.
            Assert.Equal(result.Value.ToString("0.00", CultureInfo.InvariantCulture), m.Groups["value"].Value);
            Assert.Equal(result.Lower!.Value.ToString("0.00", CultureInfo.InvariantCulture), m.Groups["lower"].Value);
            Assert.Equal(result.Upper!.Value.ToString("0.00", CultureInfo.InvariantCulture), m.Groups["upper"].Value);
            Assert.StartsWith($"{gap.Subject} is {m.Groups["value"].Value} against a target", gap.Summary, StringComparison.Ordinal);
            figures.AddRange([result.Value, result.Lower.Value, result.Upper.Value]);
        }

        // At least one figure ends in 0 at two decimals, which "0.##" would have shortened.
        Assert.Contains(figures, v => Math.Round(Math.Abs(v) * 100) % 10 == 0);

        var themes = findings.Where(f => f.FindingKind == FindingKind.Theme).ToList();
        Assert.NotEmpty(themes);
        foreach (var theme in themes)
        {
            double p = analysis.Themes.Single(t => t.Name == theme.Subject).AdjustedPValue!.Value;
            string expected = p < 0.001 ? "< 0.001" : p.ToString("0.000", CultureInfo.InvariantCulture);
            Assert.Contains($"Holm-adjusted p {expected}", theme.Evidence[0].Summary, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"Holm-adjusted p 0(?![.\d])", theme.Evidence[0].Summary);
        }

        Assert.Contains(themes, t => t.Evidence[0].Summary.Contains("Holm-adjusted p < 0.001", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^(?<value>-?\d+\.\d\d) \(95% interval (?<lower>-?\d+\.\d\d) to (?<upper>-?\d+\.\d\d)\) from ")]
    private static partial Regex Interval();
}
