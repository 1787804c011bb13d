using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Review.Common;
using Stepwise.Review.Testing;
using Stepwise.Testing;
using Stepwise.Web.Api.Uploads;
using Stepwise.Web.Components.Pages.Quality;
using Stepwise.Web.Security;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Accounts;
using Stepwise.Workbench.Quality;
using Stepwise.Workbench.Reviews;
using Stepwise.Workbench.Survey;

namespace Stepwise.Web.Tests;

/// <summary>
/// The quality review's Results and Comments pages on the airline passenger survey: the drivers' table numbers its
/// rows as the importance-performance grid numbers its points, so a reader can find a numbered point's row; the grid
/// reads performance in percent of the scale; a survey without comments says where to analyse a file with them.
/// </summary>
public sealed class QualityResultsPageTests
{
    [Fact]
    public void DriversTable_NumbersEachFeatureAsTheGridDoes_MostImportantFirst()
    {
        var (bench, lead, id) = AnalysedSurvey();
        using var context = Context(bench, lead);

        var page = context.Render<QualityResults>(p => p.Add(m => m.ReviewId, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#drivers tbody tr")));

        var drivers = bench.Quality.Analyses(lead, id).Single().Value.Drivers;
        var byImportance = drivers.OrderByDescending(d => d.Importance).ToList();
        Assert.True(byImportance.Count > 3, "the survey has several service features");
        Assert.Equal("No.", page.Find("#drivers thead th").TextContent.Trim());
        var rows = page.FindAll("#drivers tbody tr");
        Assert.Equal(drivers.Count, rows.Count);
        Assert.Contains(drivers, d => d.Correlation < 0);
        for (int i = 0; i < rows.Count; i++)
        {
            var cells = rows[i].QuerySelectorAll("td");
            string number = (i + 1).ToString(CultureInfo.InvariantCulture);
            Assert.Equal(number, cells[0].TextContent.Trim());
            Assert.Equal(byImportance[i].Item, cells[1].TextContent.Trim());
            // Correlations (two of the airline survey's are negative) with a minus sign, not a hyphen.
            Assert.Equal(byImportance[i].Correlation.ToString("0.00", CultureInfo.InvariantCulture).Replace('-', '−'), cells[3].TextContent.Trim());

            // The grid's point of that feature carries the same number.
            Assert.Contains(page.FindAll("figure g.item title"), t => t.TextContent.StartsWith($"{number} {byImportance[i].Item}:", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void DriversGrid_SaysPerformanceInPercentOfTheScale_AsTheTableDoes()
    {
        var (bench, lead, id) = AnalysedSurvey();
        using var context = Context(bench, lead);

        var page = context.Render<QualityResults>(p => p.Add(m => m.ReviewId, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#drivers tbody tr")));

        var analysis = bench.Quality.Analyses(lead, id).Single().Value;
        string split = (analysis.PerformanceSplit ?? 50).ToString("0", CultureInfo.InvariantCulture);
        string grid = page.FindAll("figure").Single(f => f.QuerySelector("g.item") is not null).InnerHtml;
        Assert.Contains($"split at {split}% performance", grid, StringComparison.Ordinal);
        var top = analysis.Drivers.MaxBy(d => d.Importance)!;
        Assert.Contains($"1 {top.Item}: performance {top.Performance.ToString("0", CultureInfo.InvariantCulture)}%,", grid, StringComparison.Ordinal);
    }

    [Fact]
    public void ResultsAndSegments_EachScoreWithItsScale_EachColumnNamedForWhatItHolds()
    {
        var (bench, lead, id) = AnalysedSurvey();
        using var context = Context(bench, lead);

        var page = context.Render<QualityResults>(p => p.Add(m => m.ReviewId, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#results tbody tr")));

        // The airline survey rates every service feature from 1 to 5 (0 means not applicable): a mean reads "out of 5",
        // as its target does; a share of a yes/no outcome reads as a percentage, as its target does.
        var analysis = bench.Quality.Analyses(lead, id).Single().Value;
        var boarding = analysis.Results.Single(r => r.Metric == "Online boarding score");
        var row = page.FindAll("#results tbody tr").Single(r => r.QuerySelector("td")!.TextContent == "Online boarding score").QuerySelectorAll("td");
        Assert.Equal(boarding.Value.ToString("0.00", CultureInfo.InvariantCulture) + " out of 5", row[2].TextContent.Trim());
        Assert.Equal("≥ 3.5 out of 5", row[4].TextContent.Trim());
        var satisfied = analysis.Results.Single(r => r.Metric == "Satisfied passengers");
        var shareRow = page.FindAll("#results tbody tr").Single(r => r.QuerySelector("td")!.TextContent == "Satisfied passengers").QuerySelectorAll("td");
        Assert.Equal((satisfied.Value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%", shareRow[2].TextContent.Trim());
        Assert.Equal("≥ 50%", shareRow[4].TextContent.Trim());

        // No bare "Value": the segments' column says what it holds, here the planned share of satisfied passengers.
        var headings = page.FindAll("#segments thead th").Select(h => h.TextContent.Trim()).ToList();
        Assert.DoesNotContain("Value", headings);
        Assert.Contains("Satisfied passengers (share)", headings);
        Assert.Contains("Mean score (out of 5)", page.FindAll("#drivers thead th").Select(h => h.TextContent.Trim()));
    }

    [Fact]
    public void CommentsPage_SurveyWithoutComments_SaysWhyAndWhereToAnalyseAFileWithThem()
    {
        var (bench, lead, id) = AnalysedSurvey();
        Assert.Equal(0, bench.Quality.Analyses(lead, id).Single().Value.Comments);
        using var context = Context(bench, lead);

        var page = context.Render<QualityComments>(p => p.Add(m => m.ReviewId, id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#no-themes")));

        var empty = page.Find("#no-themes");
        Assert.Contains("has no free-text column", empty.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/quality/{id}/results#analyse-panel", empty.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void Results_FileWithZerosAmongOneToFiveItems_AsksWhetherZeroMeansNotApplicable()
    {
        // Read with 0 as not applicable, nothing is left to decide; read without, the items holding a 0 (the source's
        // "not applicable", e.g. Inflight wifi service) are named and the others are read from 0 as well.
        var (bench, lead, id) = AnalysedSurvey();
        bench.Quality.Analyse(lead, id, new FeedbackAnalysisRequest { Title = "Read as scores", File = SharedData.PathOf("surveys/airline_passenger_satisfaction_kaggle_test.csv"), Discover = 0 });
        var analyses = bench.Quality.Analyses(lead, id);
        using var context = Context(bench, lead);

        var page = context.Render<QualityResults>(p => p.Add(m => m.ReviewId, id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#analysis-pick")));
        var warning = Assert.Single(page.FindAll(".read-warning"));
        Assert.Contains("'Inflight wifi service'", warning.TextContent, StringComparison.Ordinal);
        Assert.Contains("if 0 means not applicable", warning.TextContent, StringComparison.Ordinal);
        Assert.Contains("'Seat comfort'", warning.TextContent, StringComparison.Ordinal);

        page.Find("#analysis-pick").Change(analyses.Single(a => a.Value.Title == "Passenger survey").Value.Id.ToString());
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".read-warning")));
    }

    private static (Workbench.Workbench Bench, Actor Lead, Guid Review) AnalysedSurvey()
    {
        var (bench, lead, id) = PageContext.NewQualityReview("Passenger satisfaction");
        bench.Quality.SaveFeature(lead, id, new FeatureRequest { Name = "Overall satisfaction", Why = "What the airline is judged on." });
        bench.Quality.SaveMeasure(lead, id, new MeasureRequest { Metric = "Satisfied passengers", Feature = "Overall satisfaction", Statistic = "csat", Column = "satisfaction", Method = "survey", Target = ">=50%", Frequency = "quarterly", Owner = "Head of customer experience" });
        bench.Quality.SaveMeasure(lead, id, new MeasureRequest { Metric = "Online boarding score", Feature = "Overall satisfaction", Statistic = "mean", Column = "Online boarding", Method = "survey", Target = ">=3.5", Frequency = "monthly", Owner = "Digital channels manager" });
        bench.Quality.Analyse(lead, id, new FeedbackAnalysisRequest { Title = "Passenger survey", File = SharedData.PathOf("surveys/airline_passenger_satisfaction_kaggle_test.csv"), Read = new FeedbackReadRequest { NotApplicable = ["0"] }, Discover = 0 });
        return (bench, lead, id);
    }

    private static BunitContext Context(Workbench.Workbench bench, Actor actor) => PageContext.Interactive(bench, actor);
}
