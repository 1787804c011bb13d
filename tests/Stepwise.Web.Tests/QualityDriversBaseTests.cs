using System.Globalization;
using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components;
using Stepwise.Review.Common;
using Stepwise.Review.Testing;
using Stepwise.Testing;
using Stepwise.Web.Components.Pages.Quality;
using Stepwise.Workbench.Accounts;
using Stepwise.Workbench.Quality;
using Stepwise.Workbench.Reviews;
using Stepwise.Workbench.Survey;

namespace Stepwise.Web.Tests;

/// <summary>
/// The Results page on the British Airways reviews, whose features are skipped by many reviewers: the drivers say how
/// many responses they rest on (those that scored every modelled feature, far fewer than all), the feature left out of
/// the model (wifi, the worst rated) is named with its score, a grid quadrant that praises a feature is qualified when
/// the same feature misses its target, and the segments' adjustment names the comparisons it was made over.
/// </summary>
public sealed class QualityDriversBaseTests
{
    private static readonly string Reviews = SharedData.PathOf("surveys/BA_AirlineReviews.csv");

    private static readonly string[] Items = ["SeatComfort", "CabinStaffService", "GroundService", "ValueForMoney", "Food&Beverages", "InflightEntertainment"];

    [Fact]
    public void Drivers_NameTheirBase_TheFeatureLeftOut_AndAQuadrantAtOddsWithAMissedTarget()
    {
        var (bench, lead, id) = PageContext.NewQualityReview("British Airways reviews");
        bench.Quality.SaveFeature(lead, id, new FeatureRequest { Name = "Cabin crew", Why = "The crew is what travellers remember." });
        bench.Quality.SaveMeasure(lead, id, new MeasureRequest { Metric = "Cabin crew top-2-box", Feature = "Cabin crew", Statistic = "top2", Column = "CabinStaffService", Method = "survey", Target = ">=60%", Frequency = "quarterly", Owner = "Head of cabin services" });
        bench.Quality.Analyse(lead, id, new FeedbackAnalysisRequest { Title = "Reviews", File = Reviews, Discover = 0 });

        // Counted here from the file, with a CSV reader of this test's own (quoted fields span lines).
        var (header, rows) = ReadCsv(Reviews);
        int Col(string name) => Array.IndexOf(header, name);
        bool Has(string[] r, string name) => r[Col(name)].Trim().Length > 0;
        var rated = rows.Where(r => Has(r, "OverallRating")).ToList();
        int complete = rated.Count(r => Items.All(i => Has(r, i)));
        var wifi = rated.Where(r => Has(r, "Wifi&Connectivity")).Select(r => double.Parse(r[Col("Wifi&Connectivity")], CultureInfo.InvariantCulture)).ToList();
        var crew = rows.Where(r => Has(r, "CabinStaffService")).Select(r => double.Parse(r[Col("CabinStaffService")], CultureInfo.InvariantCulture)).ToList();
        double crewMean = crew.Average(), crewTop2 = crew.Count(v => v >= 4) / (double)crew.Count;
        Assert.True(complete < rated.Count / 2, "most reviews skip one of the features");
        Assert.True(crewTop2 < 0.6 && (crewMean - 1) / 4 > 0.5, "the crew scores above the scale's middle yet misses a 60% top-2-box target");

        using var context = PageContext.Interactive(bench, lead);
        var page = context.Render<QualityResults>(p => p.Add(m => m.ReviewId, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#drivers tbody tr")));

        string basis = page.Find("#drivers-base").TextContent;
        Assert.StartsWith($"Worked out on the {complete.ToString("N0", CultureInfo.InvariantCulture)} of {rows.Count.ToString("N0", CultureInfo.InvariantCulture)} responses that scored all {Items.Length} features and OverallRating; together the features explain ", basis, StringComparison.Ordinal);

        var leftOut = Assert.Single(page.FindAll("#drivers-left-out li")).TextContent;
        Assert.Contains($"Wifi&Connectivity: answered by {wifi.Count.ToString("N0", CultureInfo.InvariantCulture)} of {rated.Count.ToString("N0", CultureInfo.InvariantCulture)} responses with an outcome", leftOut, StringComparison.Ordinal);
        Assert.Contains($"mean score {wifi.Average().ToString("0.00", CultureInfo.InvariantCulture)} out of 5", leftOut, StringComparison.Ordinal);

        var crewRow = page.FindAll("#drivers tbody tr").Single(r => r.QuerySelectorAll("td")[1].TextContent.Trim() == "CabinStaffService");
        string quadrant = crewRow.QuerySelectorAll("td")[^1].TextContent.Trim();
        Assert.EndsWith("on the grid (above the scale's split), but Cabin crew top-2-box misses its target", quadrant, StringComparison.Ordinal);
    }

    [Fact]
    public void Segments_SayHowManyComparisonsTheAdjustmentCovers_AndOnWhichMeasures()
    {
        var (bench, lead, id) = PageContext.NewQualityReview("British Airways reviews");
        bench.Quality.Analyse(lead, id, new FeedbackAnalysisRequest { Title = "Reviews", File = Reviews, Discover = 0 });
        var a = bench.Quality.Analyses(lead, id).Single().Value;

        using var context = PageContext.Interactive(bench, lead);
        var page = context.Render<QualityResults>(p => p.Add(m => m.ReviewId, id));
        page.WaitForAssertion(() => Assert.Contains("Holm's adjustment", page.Markup, StringComparison.Ordinal));

        // The page's table shows one measure; the adjustment covered both, each group against the rest, and a segment
        // of two groups (verified or not) once: counted here from the groups the page lists.
        Assert.Equal(["Recommended", "OverallRating"], a.SegmentComparedOn.Order(StringComparer.Ordinal).Reverse());
        int perMeasure = a.Segments.Where(s => s.AdjustedPValue is not null).GroupBy(s => s.Segment).Sum(g => g.Count() == 2 ? 1 : g.Count());
        Assert.True(a.Segments.GroupBy(s => s.Segment).Any(g => g.Count() == 2), "the reviews have a segment of two groups");
        Assert.Equal(2 * perMeasure, a.SegmentComparisons);
        Assert.Contains($"Holm's adjustment for all {a.SegmentComparisons!.Value.ToString("N0", CultureInfo.InvariantCulture)} comparisons made on ", page.Markup, StringComparison.Ordinal);
    }

    // RFC 4180: fields separated by commas, quoted fields may hold commas, doubled quotes and line breaks.
    internal static (string[] Header, List<string[]> Rows) ReadCsv(string path)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        string text = File.ReadAllText(path);
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { field.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { i++; }
                fields.Add(field.ToString()); field.Clear();
                records.Add([.. fields]); fields.Clear();
            }
            else { field.Append(c); }
        }

        if (field.Length > 0 || fields.Count > 0) { fields.Add(field.ToString()); records.Add([.. fields]); }
        return (records[0], [.. records.Skip(1).Where(r => r.Length == records[0].Length)]);
    }
}
