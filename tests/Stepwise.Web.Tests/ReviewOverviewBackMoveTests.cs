using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Review.Common;
using Stepwise.Review.Testing;
using Stepwise.Testing;
using Stepwise.Workbench.Decisions;
using Stepwise.Web.Components.Pages;
using Stepwise.Web.Security;
using Stepwise.Workbench.Accounts;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Web.Tests;

/// <summary>
/// Moving a review back a stage from its overview: without a reason the page refuses beside the reason field and the
/// review stays where it was; with one, the review moves back and the history keeps the reason.
/// </summary>
public sealed class ReviewOverviewBackMoveTests
{
    [Fact]
    public void BackMove_AsksWhy_ThenRecordsTheReason()
    {
        var bench = new Workbench.Workbench(new InMemoryWorkspaceStore(), new ManualClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)), new SequentialIds());
        bench.Accounts.CreateFirstAdministrator(new NewUser { Name = "lead", DisplayName = "Lena Lead", Password = "correct horse battery" });
        var lead = bench.Accounts.CommandLineUser("lead");
        var id = bench.Reviews.Create(lead, new NewReview { Title = "Help desk tickets", Aims = ["Resolve tickets faster"] }).Id;
        bench.Reviews.SaveStakeholder(lead, id, new NewStakeholder { Name = "Lena Lead", Group = "senior-managers", Role = "accountable", Account = "lead" });
        bench.Reviews.SaveScope(lead, id, new ScopeRequest { End = ["Closed"] });
        bench.Reviews.SignOff(lead, id, new SignOffRequest { Artefact = "scope", Decision = "approve" });
        bench.Reviews.MoveStage(lead, id, "analyse");

        using var context = new BunitContext();
        context.Services.AddLogging();
        context.Services.AddSingleton(bench);
        context.Services.AddSingleton<AuthenticationStateProvider>(new SignedIn(ActorPrincipal.From(lead)));
        context.Services.AddScoped<SignedInUser>();
        var page = context.Render<ReviewOverview>(p => p.Add(m => m.ReviewId, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#back-reason")));

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Back to Scope").Click();
        page.WaitForAssertion(() => Assert.Contains("say why", page.Find("#back-reason-error").TextContent, StringComparison.Ordinal));
        Assert.Equal(Stepwise.Review.Reviews.Stage.Analyse, bench.Reviews.Get(lead, id).Stage);

        page.Find("#back-reason").Input("The end event must include 'Resolved' as well");
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Back to Scope").Click();
        page.WaitForAssertion(() => Assert.Equal(Stepwise.Review.Reviews.Stage.Scope, bench.Reviews.Get(lead, id).Stage));
        Assert.Contains(bench.Reviews.History(lead, id), h => h.Summary.Contains("The end event must include 'Resolved' as well", StringComparison.Ordinal)
            || h.Changes.Any(c => (c.After ?? "").Contains("The end event must include", StringComparison.Ordinal)));
    }
}
