using System.Text.RegularExpressions;
using Stepwise.Review.Quality;
using Stepwise.Testing;
using Stepwise.Workbench.Quality;
using Stepwise.Workbench.Reviews;
using Stepwise.Workbench.Survey;

namespace Stepwise.Workbench.Tests;

/// <summary>
/// Findings worked out from an analysis quote the comments as every reader of the review sees them: the respondent's
/// own id never appears, only the pseudonym the comments page and the reports give it.
/// </summary>
public sealed class QualityFindingPrivacyTests
{
    private static readonly string Reviews = SharedData.PathOf("surveys/BA_AirlineReviews.csv");

    [Fact]
    public void FindingsFrom_TheAirlineReviews_QuoteResponsesByTheirPseudonymsOnly()
    {
        var f = new BenchFixture();
        var q = f.Bench.Quality;
        var id = f.Bench.Reviews.Create(f.Admin, new NewReview { Title = "Airline reviews", Quality = true }).Id;
        q.SaveFeature(f.Admin, id, new FeatureRequest { Name = "Overall experience", Why = "What travellers rate us on." });
        q.SaveMeasure(f.Admin, id, new MeasureRequest { Metric = "Overall rating", Feature = "Overall experience", Statistic = "mean", Column = "OverallRating", Method = "survey", Target = ">=6", Frequency = "quarterly", Owner = "Head of customer experience" });
        q.Analyse(f.Admin, id, new FeedbackAnalysisRequest { Title = "Reviews", File = Reviews, Discover = 0 });

        var findings = q.FindingsFrom(f.Admin, id, "Reviews");
        var quoted = findings.Where(x => x.Value.FindingKind == FindingKind.Theme).SelectMany(x => x.Value.Evidence)
            .Select(e => Regex.Match(e.Summary, @"\(response ([^)]+)\)$")).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(quoted);

        // The file's own ids (its first column, ReviewID: 0, 1, 2, ...) read by hand, and the pseudonyms of the comments page.
        var raw = File.ReadLines(Reviews).Skip(1).Select(l => l.Split(',')[0]).Where(s => s.Length > 0 && s.All(char.IsAsciiDigit)).ToHashSet(StringComparer.Ordinal);
        Assert.True(raw.Count > 3000);
        var shown = q.Comments(f.Admin, id)!.Themes.SelectMany(t => t.Quotes).Select(x => x.ResponseId).ToHashSet(StringComparer.Ordinal);
        foreach (var response in quoted)
        {
            Assert.DoesNotContain(response, raw);
            Assert.Contains(response, shown);
        }
    }
}
