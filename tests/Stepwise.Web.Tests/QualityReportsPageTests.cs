using Bunit;
using Microsoft.AspNetCore.Components;
using Stepwise.Review.Common;
using Stepwise.Review.Testing;
using Stepwise.Testing;
using Stepwise.Web.Components.Pages;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Accounts;
using Stepwise.Workbench.Quality;
using Stepwise.Workbench.Reports;
using Stepwise.Workbench.Reviews;
using Stepwise.Workbench.Survey;

namespace Stepwise.Web.Tests;

/// <summary>
/// The Reports page of a quality review says what each quality pack holds, section by section, not what a process
/// review's packs hold (steps, scorecards, hand-overs, breaches), and names no page count.
/// </summary>
public sealed class QualityReportsPageTests
{
    [Fact]
    public void QualityReview_DescribesTheQualityPacks_NotTheProcessOnes()
    {
        var (bench, lead, id) = PageContext.NewQualityReview("Passenger satisfaction");
        bench.Quality.SaveFeature(lead, id, new FeatureRequest { Name = "Overall satisfaction", Why = "What the airline is judged on." });
        bench.Quality.SaveMeasure(lead, id, new MeasureRequest { Metric = "Satisfied passengers", Feature = "Overall satisfaction", Statistic = "csat", Column = "satisfaction", Method = "survey", Target = ">=50%", Frequency = "quarterly", Owner = "Head of customer experience" });
        bench.Quality.Analyse(lead, id, new FeedbackAnalysisRequest { Title = "Passenger survey", File = SharedData.PathOf("surveys/airline_passenger_satisfaction_kaggle_test.csv"), Read = new FeedbackReadRequest { NotApplicable = ["0"] }, Discover = 0 });
        using var context = PageContext.Interactive(bench, lead);

        var page = context.Render<ReviewReports>(p => p.Add(m => m.ReviewId, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("a.report-link")));

        var rows = page.FindAll("section[aria-labelledby=packs-heading] tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td")[0].TextContent);
        string[] processWords = ["step", "scorecard", "Hand-over", "hand-over", "breach", "options", "questions put to"];
        foreach (var (audience, what) in rows)
        {
            Assert.All(processWords, w => Assert.DoesNotContain(w, what, StringComparison.Ordinal));
            Assert.DoesNotContain("pages", what, StringComparison.OrdinalIgnoreCase);
        }

        // Each description names what the pack's document holds: its section headings, in words.
        var senior = bench.Reports.Document(lead, id, new ReportRequest { Audience = "senior-managers" });
        Assert.Contains(senior.Sections, s => s.Heading == "Results against targets");
        Assert.Contains("results against their targets", rows["Senior managers"], StringComparison.Ordinal);
        Assert.Contains("actions agreed", rows["Senior managers"], StringComparison.Ordinal);
        var team = bench.Reports.Document(lead, id, new ReportRequest { Audience = "team-leaders" });
        Assert.Contains(team.Sections, s => s.Heading == "The trend");
        Assert.Contains("trend", rows["Team leaders"], StringComparison.Ordinal);
        var partners = bench.Reports.Document(lead, id, new ReportRequest { Audience = "partners" });
        Assert.Contains(partners.Sections, s => s.Heading == "What we ask of you");
        Assert.Contains("what is asked of them", rows["Partners"], StringComparison.Ordinal);
        Assert.Contains("comment themes", rows["Analysts"], StringComparison.Ordinal);
    }
}
