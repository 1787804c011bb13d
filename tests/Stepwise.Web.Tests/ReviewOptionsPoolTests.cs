using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Testing;
using Stepwise.Web.Components.Pages.Stages;
using Stepwise.Web.Stages;
using Stepwise.Workbench.Data;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Web.Tests;

/// <summary>
/// The Options page offers the pools the simulation forms from the review's log for a change of staff, and a pool it
/// does not know is refused when the option is saved (not only when it is simulated), with the pools named and what
/// was typed kept; before a log is imported, the page says the pools come from it.
/// </summary>
public sealed class ReviewOptionsPoolTests
{
    [Fact]
    public void AddStaff_ToAPoolTheLogLacks_RefusedOnSave_NamingThePools_FormKept()
    {
        var (bench, lead, id) = StaffReview(imported: true);
        using var context = Context(bench, lead);
        var page = context.Render<ReviewOptions>(p => p.Add(m => m.ReviewId, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#opt-title")));

        page.Find("#opt-title").Change("More second line");
        page.FindAll("button").First(b => b.TextContent == "Add a change").Click();
        page.Find("#chg-kind-0").Change("AddStaff");
        page.Find("#chg-a-0").Change("Second line");
        page.Find("#chg-s-0").Change("2");
        Assert.Contains("knows these pools (one pool of all staff): Staff.", page.Find("#chg-pool-hint-0").TextContent, StringComparison.Ordinal);
        Assert.Equal(["Staff"], page.FindAll("#pool-names option").Select(o => o.GetAttribute("value")));
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("'Second line' is not a pool of staff", page.Find("#chg-error-0").TextContent, StringComparison.Ordinal));
        Assert.Contains("it forms one pool of all staff: Staff.", page.Find("#chg-error-0").TextContent, StringComparison.Ordinal);
        Assert.Equal("Second line", page.Find("#chg-a-0").GetAttribute("value"));
        Assert.Empty(bench.Options.List(lead, id));

        page.Find("#chg-a-0").Change("Staff");
        page.Find("form").Submit();
        page.WaitForAssertion(() => Assert.Single(bench.Options.List(lead, id)));
    }

    [Fact]
    public void AddStaff_BeforeTheLogIsImported_SaysThePoolsComeFromIt()
    {
        var (bench, lead, id) = StaffReview(imported: false);
        using var context = Context(bench, lead);
        var page = context.Render<ReviewOptions>(p => p.Add(m => m.ReviewId, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#opt-title")));

        page.FindAll("button").First(b => b.TextContent == "Add a change").Click();
        page.Find("#chg-kind-0").Change("AddStaff");

        Assert.Contains("No event log is imported yet, so the pools are not known", page.Find("#chg-pool-hint-0").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#pool-names option"));
    }

    private static BunitContext Context(Workbench.Workbench bench, Workbench.Access.Actor lead)
    {
        var context = PageContext.For(bench, lead);
        context.Services.AddSingleton(new SimulationRuns(TimeProvider.System));
        return context;
    }

    private static (Workbench.Workbench Bench, Workbench.Access.Actor Lead, Guid Review) StaffReview(bool imported)
    {
        var (bench, lead, id) = PageContext.NewReview();
        bench.Reviews.SaveScope(lead, id, new ScopeRequest { End = ["Closed"], Allow = ["add-staff", "remove-step"] });
        bench.Reviews.SignOff(lead, id, new SignOffRequest { Artefact = "scope", Decision = "approve" });
        bench.Reviews.MoveStage(lead, id, "analyse");
        if (imported)
        {
            bench.Data.Import(lead, id, new ImportRequest { Path = SharedData.PathOf("eventlogs/helpdesk.xes.gz") });
        }

        return (bench, lead, id);
    }
}
