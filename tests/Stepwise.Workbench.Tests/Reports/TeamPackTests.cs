using Stepwise.Charts;
using Stepwise.Reports;
using Stepwise.Workbench.Analyses;
using Stepwise.Workbench.Reports;
using Stepwise.Workbench.Steps;

namespace Stepwise.Workbench.Tests.Reports;

/// <summary>
/// The team leaders' scorecard on a log of completions alone: waits in a unit in which none reads 0.0, no empty
/// handling column (said once instead), and waiting defined as the log allows (completion to completion).
/// </summary>
public sealed class TeamPackTests
{
    [Fact]
    public void TeamLeaders_Scorecard_ShortWaitsReadable_NoHandlingColumn_WaitingFromCompletionToCompletion()
    {
        var r = new HelpdeskReview();
        r.Bench.Steps.Assess(r.Lead, r.Id, new AnalysisRequest(), new StepReviewRequest());

        var doc = r.Bench.Reports.Document(r.Lead, r.Id, new ReportRequest { Audience = "team-leaders" });

        var section = doc.Sections[0];
        var table = section.Blocks.OfType<TableBlock>().Single().Table;
        int wait = table.Columns.ToList().FindIndex(c => c.Name == "Waiting before, median");
        var column = table.Columns[wait];
        string Wait(string step) => column.Format(table.Rows.Single(row => row[0].Text == step)[wait]);

        // Medians worked out apart (Python, the standard library, on the cases ending with Closed as the scope says):
        // the longest wait is 30.0 days (Closed), the shortest above zero 825 s (Create SW anomaly) and 1,633 s
        // (Assign seriousness): 0.0 d and 0.0 d in days, 0.2 h and 0.5 h in hours.
        Assert.Equal(TimeUnit.Hours, column.TimeUnit);
        Assert.Equal("0.2 h", Wait("Create SW anomaly"));
        Assert.Equal("0.5 h", Wait("Assign seriousness"));
        Assert.Equal("720.0 h", Wait("Closed"));
        Assert.Equal("Work waits longest before 'Closed': 30.0 d (median).", section.Message);
        Assert.All(table.Rows.Where(row => row[wait].Kind == TableCellKind.Number && row[wait].Number > 0), row => Assert.NotEqual("0.0 h", column.Format(row[wait])));

        // The log records no start times: no handling column, said once in the note.
        Assert.DoesNotContain(table.Columns, c => c.Name.StartsWith("Handling", StringComparison.Ordinal));
        var note = section.Blocks.OfType<Note>().Single();
        Assert.Contains("records only when each step was completed, not when work on it started, so handling time is not measured", note.Text, StringComparison.Ordinal);

        var chart = (BarChart)section.Blocks.OfType<ChartBlock>().Single().Chart;
        Assert.StartsWith("Median time from the completion of the case's previous step to this step's completion", chart.Subtitle, StringComparison.Ordinal);
        Assert.DoesNotContain("start", chart.Subtitle!.Replace("no start times", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
