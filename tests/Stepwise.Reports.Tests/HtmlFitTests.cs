using Stepwise.Charts;
using Stepwise.Reports.Html;

namespace Stepwise.Reports.Tests;

/// <summary>
/// The tables of an HTML report fit the screen they are read on, measured in Chromium: a laptop (1366 px), a phone
/// (390 px) and an A4 page inside the print margins. None runs off to the right of the page or scrolls sideways in its
/// box. The tables are those of a board paper and an analyst's report (their columns and values as the demo
/// workspace's reports have them).
/// </summary>
public sealed class HtmlFitTests
{
    /// <summary>The options table of a board paper: nine columns, money among them (from the demo's senior managers' report).</summary>
    internal static ReportTable Options() => new(
        "Options: simulated change in throughput time, median, decision matrix (scores 1 poor to 5 best, criteria weighted) and NPV over 5 years at 5.0%",
        [TableColumn.Text("Option"), TableColumn.Text("Change (95% interval)"), TableColumn.Number("Speed (40%)", 0), TableColumn.Number("Cost (30%)", 0),
         TableColumn.Number("Customer effort (30%)", 0), TableColumn.Number("Weighted score (1-5)", 2), TableColumn.Money("NPV", "EUR"), TableColumn.Text("NPV range"),
         TableColumn.Number("Payback", 1, "years")],
        [
            ["no waiting step", "\u22121.3 d (\u22121.4 to \u22121.1)", 5, 4, 3, 4.1, 3379, "2,434 to 4,325 EUR", 1.6],
            ["halve rework", "\u22120.1 d (\u22120.3 to 0.1), unclear", 3, 3, 5, 3.6, 1824, TableCell.Empty, 3.6],
            ["automate triage", "\u22120.2 d (\u22120.4 to \u22120.1)", 2, 2, 3, 2.3, -6310, TableCell.Empty, 6.7],
        ]);

    /// <summary>A cost-benefit table of fourteen columns, eleven of them money (from the demo's analysts' report).</summary>
    internal static ReportTable CostBenefit() => new(
        "Cost-benefit cases",
        [TableColumn.Text("Option"), TableColumn.Money("One-off cost", "EUR", 2), TableColumn.Money("One-off saving", "EUR", 2), TableColumn.Money("Running cost a year", "EUR", 2),
         TableColumn.Money("Savings a year", "EUR", 2), TableColumn.Money("Savings a year, low", "EUR", 2), TableColumn.Money("Savings a year, high", "EUR", 2),
         TableColumn.Count("Years"), TableColumn.Percent("Discount rate", 1), TableColumn.Money("NPV", "EUR", 2), TableColumn.Money("NPV low", "EUR", 2),
         TableColumn.Money("NPV high", "EUR", 2), TableColumn.Number("Payback", 2, "years"), TableColumn.Text("Savings basis")],
        [
            ["no waiting step", 2000, 0, 0, 1242.48, 1024.09, 1460.86, 5, 0.05, 3379.29, 2433.77, 4324.76, 1.61,
             "Within service level (throughput <= 48d 1h) improves by 2.12 points [1.75, 2.5], valued at 585.00 a year a point; in the simulation of 2026-12-02 (20 replications, seed 7, data helpdesk.xes.gz sha256 fb133a5b7071)"],
            ["automate triage", 15000, 0, 1200, 1750.5, 1320.25, 2180.75, 5, 0.05, -6310.12, -8123.4, -4496.84, 6.7, "Staff time saved on triage"],
        ]);

    private static ReportDocument Document() => new()
    {
        Title = "Help desk tickets",
        Audience = "Senior managers",
        Date = new DateOnly(2026, 12, 2),
        Sections =
        [
            new ReportSection("Options", [new TableBlock(Options())]),
            new ReportSection("Cost-benefit", [new TableBlock(CostBenefit())]),
        ],
        Sources = [new DataSourceNote("helpdesk.xes.gz", "event log: 4,580 cases, 21,348 events, 21,348 rows read", "fb133a5b7071c3eb4f1e1d8eb0c1e5d3e8d6b1a44c8f3e6a1b0c9d8e7f6a5b4c", "2026-12-02 06:33 UTC by Improvement lead")],
    };

    [SkippableTheory]
    [InlineData("laptop", 1366, 768, false)]
    [InlineData("phone", 390, 844, false)]
    [InlineData("A4 page", HtmlInBrowser.A4ContentWidth, 900, true)]
    public void Html_TablesOfMoney_FitTheScreenOrPage_WithoutScrollingSideways(string screen, int width, int height, bool print)
    {
        foreach (var (name, html) in new[] { ("board paper", HtmlReport.Render(Document())), ("sample", HtmlReport.Render(SampleReport.Build())) })
        {
            var (tables, pageScroll) = HtmlInBrowser.Tables(html, width, height, print);
            Assert.NotEmpty(tables);
            Assert.True(pageScroll <= 0.5, $"{name} on a {screen}: the page scrolls {pageScroll:0} px sideways");
            Assert.All(tables, t =>
            {
                Assert.True(t.Left >= -0.5 && t.Right <= t.Viewport + 0.5, $"{name} on a {screen}: '{t.Caption}' lies from {t.Left:0} to {t.Right:0} px of {t.Viewport:0}");
                Assert.True(t.Scroll <= 0.5, $"{name} on a {screen}: '{t.Caption}' scrolls {t.Scroll:0} px sideways in its box");
            });
        }
    }

    [Fact]
    public void Html_NumbersRightAligned_HeadersFreeToWrap_CellsLabelledForNarrowScreens()
    {
        string html = HtmlReport.Render(Document());

        // Numbers and their headers right-aligned; a number never breaks, a header may.
        Assert.Contains("<th scope=\"col\" class=\"num\">NPV (EUR)</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\" data-label=\"NPV (EUR)\">3,379 EUR</td>", html, StringComparison.Ordinal);
        Assert.Contains("td.num { white-space: nowrap; }", html, StringComparison.Ordinal);
        Assert.Contains(".num { text-align: right !important; font-variant-numeric: tabular-nums; }", html, StringComparison.Ordinal);

        // Every cell of a table read row by row carries its column's header.
        Assert.Contains("<td data-label=\"Option\">no waiting step</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td data-label=\"Source\">helpdesk.xes.gz</td>", html, StringComparison.Ordinal);
        int cells = System.Text.RegularExpressions.Regex.Matches(html, "<td[ >]").Count;
        Assert.Equal(cells, System.Text.RegularExpressions.Regex.Matches(html, "<td[^>]* data-label=\"").Count);
    }
}
