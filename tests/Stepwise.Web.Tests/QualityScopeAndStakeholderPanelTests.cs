using Bunit;
using Stepwise.Web.Components.Pages;
using Stepwise.Workbench.Accounts;
using Stepwise.Workbench.Quality;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Web.Tests;

/// <summary>
/// A quality review's "scope" is its features and measurement plan: the process review's scope pages, reached with a
/// quality review's id, keep the quality menu and say where its features, plan and stakeholders are. A process review's
/// scope page adds, binds and refuses stakeholders with the shared stakeholder panel the quality pages use.
/// </summary>
public sealed class QualityScopeAndStakeholderPanelTests
{
    [Fact]
    public void ScopeOfAQualityReview_ShowsTheQualityMenu_AndWhereItsPlanAndStakeholdersAre()
    {
        var (bench, lead, id) = PageContext.NewQualityReview("Passenger satisfaction");
        using var context = PageContext.Interactive(bench, lead);

        Check(context.Render<ReviewScope>(p => p.Add(m => m.ReviewId, id)));
        Check(context.Render<ReviewScopeEdit>(p => p.Add(m => m.ReviewId, id)));

        void Check<T>(IRenderedComponent<T> page)
            where T : Microsoft.AspNetCore.Components.IComponent
        {
            page.WaitForAssertion(() => page.Find("nav.subnav"));
            var links = page.FindAll("nav.subnav a").Select(a => a.GetAttribute("href")).ToList();
            Assert.Contains($"/quality/{id}/plan", links);
            Assert.Contains($"/quality/{id}/stakeholders", links);
            Assert.DoesNotContain(links, l => l!.StartsWith("/reviews/", StringComparison.Ordinal));
            Assert.Equal($"/quality/{id}", page.Find(".breadcrumb a:last-of-type").GetAttribute("href"));

            var note = page.Find("#quality-scope");
            Assert.Contains("A quality review has no process scope", note.TextContent, StringComparison.Ordinal);
            Assert.Contains(note.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/quality/{id}/plan");
            Assert.Contains(note.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/quality/{id}/stakeholders");
            Assert.Empty(page.FindAll("#stakeholder-form, #scope-heading"));
        }
    }

    [Fact]
    public void ScopePage_UsesTheSharedStakeholderPanel_AndBindsAnAccount()
    {
        var (bench, lead, id) = PageContext.NewReview();
        bench.Accounts.CreateUser(lead, new NewUser { Name = "tia", DisplayName = "Tia Teamlead", Password = "correct horse battery" });
        using var context = PageContext.Interactive(bench, lead);
        var page = context.Render<ReviewScope>(p => p.Add(m => m.ReviewId, id));
        page.WaitForAssertion(() => page.Find("#stakeholder-form"));

        // The panel's table and form, with the RACI hint only the panel gives.
        Assert.NotNull(page.Find("div.stakeholders #stakeholders"));
        Assert.Contains("Every accountable stakeholder must approve", page.Find("#sh-role-hint").TextContent, StringComparison.Ordinal);
        Assert.Equal(("team-leaders", "consulted"), (page.Find("#sh-group").GetAttribute("value"), page.Find("#sh-role").GetAttribute("value")));

        page.Find("#sh-name").Change("Tia Teamlead");
        page.Find("#sh-role").Change("responsible");
        page.Find("#sh-account").Change("tia");
        page.Find("#stakeholder-form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Tia Teamlead is saved as a stakeholder.", page.Markup, StringComparison.Ordinal));
        var tia = bench.Accounts.Users(lead).Single(u => u.Name == "tia");
        Assert.Contains(bench.Reviews.Stakeholders(lead, id), s => s.Value.Name == "Tia Teamlead" && s.Value.UserId == tia.Id);
        Assert.Contains(page.FindAll("#stakeholders tbody tr"), r => r.TextContent.Contains("Tia Teamlead", StringComparison.Ordinal) && r.TextContent.Contains("Responsible", StringComparison.Ordinal));
        Assert.True(string.IsNullOrEmpty(page.Find("#sh-name").GetAttribute("value")), "the form is empty again for the next stakeholder");
    }
}
