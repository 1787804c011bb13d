using Bunit;
using Stepwise.Web.Components.Pages;

namespace Stepwise.Web.Tests;

/// <summary>
/// The Analyse page's table of steps gives each step's cases that come back to it after another step (a return; a
/// repeat straight after itself is not one), with their share of the step's cases, and says what the column counts.
/// Expected figures were counted from the CSV file by a separate script (rows per number, stable-sorted by
/// sys_updated_at read day first; a step counts for a case when it occurs again after a different step), not by the
/// code under test.
/// </summary>
public sealed class AnalyseStepsReturnsTests(IncidentReview incidents) : IClassFixture<IncidentReview>
{
    [Fact]
    public void StepsTable_CasesWithReturns_CountAndShareOfTheStepsCases()
    {
        using var context = PageContext.For(incidents.Bench, incidents.Lead);

        var page = context.Render<ReviewAnalyse>(p => p.Add(m => m.ReviewId, incidents.Id));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("table[aria-label=Steps] tbody tr")));
        var headers = page.FindAll("table[aria-label=Steps] th").Select(h => h.TextContent).ToList();
        int column = headers.IndexOf("Cases with returns");
        Assert.True(column > 0, string.Join(" | ", headers));
        string Cell(string step) => page.FindAll("table[aria-label=Steps] tbody tr").Single(r => r.QuerySelector("td")!.TextContent == step).QuerySelectorAll("td")[column].TextContent;

        // Active: 829 of its 15,013 cases; Awaiting User Info 341 of 5,471; New 1 of 16,397; -100 none of 2.
        Assert.Equal("829 (5.5%)", Cell("Active"));
        Assert.Equal("341 (6.2%)", Cell("Awaiting User Info"));
        Assert.Equal("275 (1.1%)", Cell("Resolved"));
        Assert.Equal("1 (0%)", Cell("New"));
        Assert.Equal("0 (0%)", Cell("-100"));
        Assert.Contains("come back to it after another step (A, B, A)", page.Find("#returns-note").TextContent, StringComparison.Ordinal);
    }
}
