using Bunit;
using Stepwise.Review.Evaluation;
using Stepwise.Web.Components.Shared;

namespace Stepwise.Web.Tests;

public sealed class RiskGridTests
{
    [Fact]
    public void Render_Risks_EachInItsCellNumberedAsInTheTableAndShadedByExposure()
    {
        using var context = new BunitContext();
        Risk[] risks = [new("Closed too early", 4, 3), new("Agents <resist>", 1, 1), new("Backlog grows", 4, 3), new("Outage", 5, 5)];

        var grid = context.Render<RiskGrid>(p => p.Add(g => g.Risks, risks));

        var rows = grid.FindAll("tbody tr");
        Assert.Equal(["5 almost certain", "4", "3 possible", "2", "1 rare"], rows.Select(r => r.QuerySelector("th")!.TextContent.Trim()));
        string Cell(int likelihood, int impact) => rows[5 - likelihood].QuerySelectorAll("td")[impact - 1].TextContent.Trim();
        Assert.Equal("R1, R3", Cell(4, 3));
        Assert.Equal("R2", Cell(1, 1));
        Assert.Equal("R4", Cell(5, 5));
        Assert.Equal("none", Cell(3, 3));
        Assert.Equal("high", rows[0].QuerySelectorAll("td")[4].ClassName);
        Assert.Equal("medium", rows[1].QuerySelectorAll("td")[2].ClassName);
        Assert.Equal("low", rows[4].QuerySelectorAll("td")[0].ClassName);
    }
}
