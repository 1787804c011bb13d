using System.Globalization;
using Bunit;
using Stepwise.Review.Common;
using Stepwise.Testing;
using Stepwise.Web.Components.Pages.Quality;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Quality;
using Stepwise.Workbench.Survey;

namespace Stepwise.Web.Tests;

/// <summary>
/// The Results page on the British Airways reviews, where 771 of the 3,701 reviewers give no type of traveller: the
/// segments show them as a row of their own ("Not stated") and name the base of the groups ("All with a
/// TypeOfTraveller (2,930)"), so the groups' 36.0% recommending is not read against the 40.5% of every review without
/// a word why; the drivers' importances (six features, a split of 16.7%) are written with the decimals that tell on
/// which side of the split each feature lies.
/// </summary>
public sealed class QualitySegmentsAndSplitTests : IClassFixture<QualitySegmentsAndSplitTests.Analysed>
{
    private static readonly string Reviews = SharedData.PathOf("surveys/BA_AirlineReviews.csv");

    private readonly Analysed _analysed;

    public QualitySegmentsAndSplitTests(Analysed analysed) => _analysed = analysed;

    [Fact]
    public void Segments_ReviewsWithoutATravellerType_AreARowOfTheirOwn_AndTheAllRowNamesItsBase()
    {
        // Counted here from the file with the test's own CSV reader: the share recommending among the reviews with a
        // traveller type, among those without one, and among all (2,930 at 36.0%, 771 at 57.6%, 3,701 at 40.5%).
        var (header, rows) = QualityDriversBaseTests.ReadCsv(Reviews);
        int type = Array.IndexOf(header, "TypeOfTraveller"), recommended = Array.IndexOf(header, "Recommended");
        var answered = rows.Where(r => r[recommended] is "yes" or "no").ToList();
        var stated = answered.Where(r => r[type].Trim().Length > 0).ToList();
        var blank = answered.Where(r => r[type].Trim().Length == 0).ToList();
        static double Yes(List<string[]> rs, int col) => rs.Count(r => r[col] == "yes") / (double)rs.Count;
        Assert.Equal((2930, 771), (stated.Count, blank.Count));
        string statedShare = Percent(Yes(stated, recommended)), blankShare = Percent(Yes(blank, recommended)), allShare = Percent(Yes(answered, recommended));
        Assert.Equal(("36.0%", "57.6%", "40.5%"), (statedShare, blankShare, allShare));

        using var context = PageContext.Interactive(_analysed.Bench, _analysed.Lead);
        var page = context.Render<QualityResults>(p => p.Add(m => m.ReviewId, _analysed.Review));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#segments tbody tr")));

        var rowsOfType = page.FindAll("#segments tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray())
            .Where(c => c[0] == "TypeOfTraveller" && c[3].EndsWith('%')).ToList();
        var all = Assert.Single(rowsOfType, c => c[1].StartsWith("All with a", StringComparison.Ordinal));
        Assert.Equal("All with a TypeOfTraveller (2,930)", all[1]);
        Assert.Equal(("2,930", statedShare), (all[2], all[3]));
        var none = Assert.Single(rowsOfType, c => c[1] == "Not stated");
        Assert.Equal(("771", blankShare), (none[2], none[3]));
        Assert.Equal("not tested", none[6]);

        // The note says how many were left out and why the "All" row differs from the figure over every review.
        var note = Assert.Single(page.FindAll("p.segments-base"), p => p.TextContent.StartsWith("TypeOfTraveller:", StringComparison.Ordinal)).TextContent;
        Assert.Contains($"771 of the 3,701 responses with Recommended have no TypeOfTraveller (“Not stated”, {blankShare})", note, StringComparison.Ordinal);
        Assert.Contains($"which is why that row differs from the figure over all 3,701 ({allShare})", note, StringComparison.Ordinal);
        // VerifiedReview has a value in every review: no note, its "All" row says its base.
        Assert.DoesNotContain(page.FindAll("p.segments-base"), p => p.TextContent.StartsWith("VerifiedReview:", StringComparison.Ordinal));

        // The chart draws the blank as a bar and names its dashed line with the base.
        var chart = page.FindAll("figure").Single(f => f.TextContent.Contains("by TypeOfTraveller", StringComparison.Ordinal)).InnerHtml;
        Assert.Contains("Not stated", chart, StringComparison.Ordinal);
        Assert.Contains("All with a TypeOfTraveller (2,930)", chart, StringComparison.Ordinal);
        Assert.DoesNotContain("All responses", chart, StringComparison.Ordinal);
    }

    [Fact]
    public void Drivers_ImportancesAndTheSplit_HaveTheDecimalsThatTellTheSide()
    {
        using var context = PageContext.Interactive(_analysed.Bench, _analysed.Lead);
        var page = context.Render<QualityResults>(p => p.Add(m => m.ReviewId, _analysed.Review));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#drivers tbody tr")));

        var drivers = _analysed.Bench.Quality.Analyses(_analysed.Lead, _analysed.Review).Single().Value.Drivers;
        Assert.Equal(6, drivers.Count);
        const double Split = 1.0 / 6;
        Assert.True(drivers.Count(d => d.Importance is >= 0.16 and < 0.17) >= 2, "features lie within a point of the 16.7% split");

        // The split is 16.7%, not "17%", in the sentence above the grid and in the grid's own note.
        Assert.Contains("at least 16.7% of the explained variation", page.Find("#drivers-split").TextContent, StringComparison.Ordinal);
        string grid = page.FindAll("figure").Single(f => f.QuerySelector("g.item") is not null).InnerHtml;
        Assert.Contains("and 16.7% importance", grid, StringComparison.Ordinal);

        // Each printed importance reads on the side of the printed split that the feature is on.
        string splitShown = Assert.Single(System.Text.RegularExpressions.Regex.Matches(page.Find("#drivers-split").TextContent, @"\d+\.\d+%")).Value;
        double splitPrinted = double.Parse(splitShown.TrimEnd('%'), CultureInfo.InvariantCulture);
        foreach (var row in page.FindAll("#drivers tbody tr"))
        {
            var cells = row.QuerySelectorAll("td");
            var d = drivers.Single(x => x.Item == cells[1].TextContent.Trim());
            string printed = cells[2].TextContent.Trim();
            Assert.Matches(@"^\d+\.\d+%$", printed);
            double value = double.Parse(printed.TrimEnd('%'), CultureInfo.InvariantCulture);
            Assert.True(d.Importance > Split ? value > splitPrinted : value < splitPrinted, $"{d.Item}: {printed} against a split of {splitShown}");
        }
    }

    private static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>The reviews analysed once for the class: a plan with the recommend share and the crew's top-2-box.</summary>
    public sealed class Analysed
    {
        public Analysed()
        {
            var (bench, lead, id) = PageContext.NewQualityReview("British Airways reviews");
            bench.Quality.SaveFeature(lead, id, new FeatureRequest { Name = "Recommendation", Why = "Whether travellers would fly again." });
            bench.Quality.SaveMeasure(lead, id, new MeasureRequest { Metric = "Recommending travellers", Feature = "Recommendation", Statistic = "csat", Column = "Recommended", Method = "survey", Target = ">=50%", Frequency = "quarterly", Owner = "Head of customer experience" });
            bench.Quality.Analyse(lead, id, new FeedbackAnalysisRequest { Title = "Reviews", File = Reviews, Discover = 0 });
            (Bench, Lead, Review) = (bench, lead, id);
        }

        public Workbench.Workbench Bench { get; }

        public Actor Lead { get; }

        public Guid Review { get; }
    }
}
