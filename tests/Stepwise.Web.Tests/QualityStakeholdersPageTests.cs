using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;
using Stepwise.Review.People;
using Stepwise.Review.Testing;
using Stepwise.Web.Components.Pages;
using Stepwise.Web.Components.Pages.Quality;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Accounts;
using Stepwise.Workbench.Quality;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Web.Tests;

/// <summary>
/// A quality review's sign-offs need an accountable stakeholder: its own menu leads to a Stakeholders page that adds
/// one (bound to an account, who then signs the plan for themselves), and the pages that say nobody can agree the plan
/// or the actions link to it.
/// </summary>
public sealed class QualityStakeholdersPageTests
{
    [Fact]
    public void QualityMenu_HasStakeholders_AndThePlanSaysWhereToAddTheAccountableOne()
    {
        var (bench, lead, id) = NewQualityReview();
        using var context = Context(bench, lead);

        var plan = context.Render<QualityPlan>(p => p.Add(m => m.ReviewId, id));
        plan.WaitForAssertion(() => plan.Find("#plan-sign-heading"));
        string href = $"/quality/{id}/stakeholders";
        Assert.Contains(plan.FindAll("nav.subnav a"), a => a.GetAttribute("href") == href && a.TextContent.Trim() == "Stakeholders");
        Assert.DoesNotContain(plan.FindAll("nav.subnav a"), a => a.GetAttribute("href")!.EndsWith("/scope", StringComparison.Ordinal));
        Assert.Contains("No stakeholder is accountable", plan.Find(".signoffs p").TextContent, StringComparison.Ordinal);
        Assert.Equal(href, plan.Find(".signoffs a.accountable-link").GetAttribute("href"));

        var overview = context.Render<QualityOverview>(p => p.Add(m => m.ReviewId, id));
        overview.WaitForAssertion(() => Assert.Equal(href, overview.Find("#add-accountable").GetAttribute("href")));
    }

    [Fact]
    public void AddingTheAccountableStakeholder_BoundToTheLead_LetsThemSignThePlan()
    {
        var (bench, lead, id) = NewQualityReview();
        using var context = Context(bench, lead);

        var page = context.Render<QualityStakeholders>(p => p.Add(m => m.ReviewId, id));
        page.WaitForAssertion(() => page.Find("#stakeholder-form"));
        Assert.Contains("No stakeholder is accountable yet", page.Find("#signoff-state").TextContent, StringComparison.Ordinal);

        page.Find("#sh-name").Change("Lena Lead");
        page.Find("#sh-group").Change("senior-managers");
        page.Find("#sh-role").Change("accountable");
        page.Find("#sh-account").Change("lead");
        page.Find("#stakeholder-form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Lena Lead is saved as a stakeholder.", page.Markup, StringComparison.Ordinal));
        var saved = Assert.Single(bench.Reviews.Stakeholders(lead, id)).Value;
        Assert.Equal(RaciRole.Accountable, saved.Role);
        Assert.Equal(StakeholderGroup.SeniorManagers, saved.Group);
        Assert.Equal(lead.UserId, saved.UserId);
        Assert.Contains("Lena Lead: signs for themselves as Lena Lead", page.Find("#signoff-state").TextContent, StringComparison.Ordinal);
        Assert.Single(page.FindAll("#stakeholders tbody tr"));

        // The plan page now offers the lead their own decision, and no longer points to the stakeholders page.
        var plan = context.Render<QualityPlan>(p => p.Add(m => m.ReviewId, id));
        plan.WaitForAssertion(() => plan.Find(".signoffs form.sign-form"));
        Assert.Empty(plan.FindAll(".signoffs a.accountable-link"));
        plan.Find(".signoffs form.sign-form").Submit();
        plan.WaitForAssertion(() => Assert.True(bench.Reviews.Agreement(lead, id, new ArtefactRef(ArtefactKind.QualityReview, id)).IsAgreed));
    }

    [Fact]
    public void ProcessReview_HasNoQualityStakeholdersPage()
    {
        var (bench, lead, id) = PageContext.NewReview();
        using var context = Context(bench, lead);

        var page = context.Render<QualityStakeholders>(p => p.Add(m => m.ReviewId, id));
        page.WaitForAssertion(() => Assert.Contains("Scope and people", page.Markup, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("#stakeholder-form"));
    }

    private static (Workbench.Workbench Bench, Actor Lead, Guid Review) NewQualityReview()
    {
        var (bench, lead, id) = PageContext.NewQualityReview("Passenger satisfaction");
        bench.Quality.SaveFeature(lead, id, new FeatureRequest { Name = "Overall satisfaction", Why = "What the airline is judged on." });
        return (bench, lead, id);
    }

    private static BunitContext Context(Workbench.Workbench bench, Actor actor)
    {
        var context = PageContext.For(bench, actor);
        context.Services.AddSingleton(TimeProvider.System);
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return context;
    }
}
