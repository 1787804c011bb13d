using Bunit;
using Stepwise.Web.Components.Pages;
using Stepwise.Workbench.Data;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Web.Tests;

/// <summary>
/// The scope pages: the form for a new stakeholder is empty again after one is added and keeps what was typed when
/// the add is refused; the choices of case types and channels speak of one case type or channel.
/// </summary>
public sealed class ReviewScopeFormTests
{
    [Fact]
    public void AddStakeholder_Saved_FormEmptyForTheNext()
    {
        var (bench, lead, id) = PageContext.NewReview();
        using var context = PageContext.For(bench, lead);
        var page = context.Render<ReviewScope>(p => p.Add(m => m.ReviewId, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#sh-name")));

        page.Find("#sh-name").Change("Tia Teamlead");
        page.Find("#sh-group").Change("front-line-staff");
        page.Find("#sh-role").Change("responsible");
        page.Find("#sh-position").Change("Team lead, first line");
        page.Find("#sh-name").Closest("form")!.Submit();

        page.WaitForAssertion(() => Assert.Contains("Tia Teamlead is saved as a stakeholder.", page.Markup, StringComparison.Ordinal));
        Assert.Contains(bench.Reviews.Stakeholders(lead, id), s => s.Value.Name == "Tia Teamlead" && s.Value.Position == "Team lead, first line");
        Assert.Equal("Add a stakeholder", page.Find("#sh-name").Closest("form")!.QuerySelector("h3")!.TextContent);
        Assert.True(string.IsNullOrEmpty(page.Find("#sh-name").GetAttribute("value")), "the name is kept after the add");
        Assert.True(string.IsNullOrEmpty(page.Find("#sh-position").GetAttribute("value")), "the position is kept after the add");
        Assert.Equal("team-leaders", page.Find("#sh-group").GetAttribute("value"));
        Assert.Equal("consulted", page.Find("#sh-role").GetAttribute("value"));
    }

    [Fact]
    public void AddStakeholder_Refused_WhatWasTypedKept()
    {
        var (bench, lead, id) = PageContext.NewReview();
        using var context = PageContext.For(bench, lead);
        var page = context.Render<ReviewScope>(p => p.Add(m => m.ReviewId, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#sh-name")));

        page.Find("#sh-name").Change(new string('x', 201));
        page.Find("#sh-role").Change("responsible");
        page.Find("#sh-position").Change("Team lead, first line");
        page.Find("#sh-name").Closest("form")!.Submit();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".alert-error, .alert-bad, [role=alert]")));
        Assert.Equal(new string('x', 201), page.Find("#sh-name").GetAttribute("value"));
        Assert.Equal("Team lead, first line", page.Find("#sh-position").GetAttribute("value"));
        Assert.Equal("responsible", page.Find("#sh-role").GetAttribute("value"));
        Assert.Single(bench.Reviews.Stakeholders(lead, id));
    }

    [Fact]
    public void ScopeEdit_AttributeChoices_NameOneCaseTypeOrChannel()
    {
        var (bench, lead, id) = PageContext.NewReview();
        bench.Reviews.SaveScope(lead, id, new ScopeRequest { End = ["Closed"] });
        bench.Reviews.SignOff(lead, id, new SignOffRequest { Artefact = "scope", Decision = "approve" });
        bench.Reviews.MoveStage(lead, id, "analyse");
        bench.Data.Import(lead, id, new ImportRequest { Path = LogWithCaseTypes() });
        using var context = PageContext.For(bench, lead);

        var page = context.Render<ReviewScopeEdit>(p => p.Add(m => m.ReviewId, id));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#sc-case_types-attr option")));
        Assert.Equal("None (every case type is in scope)", page.Find("#sc-case_types-attr option[value='']").TextContent);
        Assert.Equal("None (every channel is in scope)", page.Find("#sc-channels-attr option[value='']").TextContent);
        Assert.DoesNotContain("every case types", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("every channels", page.Markup, StringComparison.Ordinal);
    }

    // Four tickets with a product and a channel each: case attributes with few values, offered as choices.
    private static string LogWithCaseTypes()
    {
        var xes = new System.Text.StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<log xes.version=\"1.0\">\n");
        string[] products = ["Laptop", "Phone", "Laptop", "Printer"];
        for (int c = 0; c < products.Length; c++)
        {
            xes.Append(System.Globalization.CultureInfo.InvariantCulture, $"<trace><string key=\"concept:name\" value=\"T{c}\"/><string key=\"product\" value=\"{products[c]}\"/><string key=\"channel\" value=\"{(c % 2 == 0 ? "phone" : "e-mail")}\"/>");
            xes.Append(System.Globalization.CultureInfo.InvariantCulture, $"<event><string key=\"concept:name\" value=\"Open\"/><date key=\"time:timestamp\" value=\"2026-01-0{c + 1}T09:00:00.000+00:00\"/></event>");
            xes.Append(System.Globalization.CultureInfo.InvariantCulture, $"<event><string key=\"concept:name\" value=\"Closed\"/><date key=\"time:timestamp\" value=\"2026-01-0{c + 1}T12:00:00.000+00:00\"/></event></trace>\n");
        }

        xes.Append("</log>\n");
        string path = Path.Combine(Path.GetTempPath(), $"stepwise-case-types-{Guid.NewGuid():N}.xes");
        File.WriteAllText(path, xes.ToString());
        return path;
    }
}
