using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;
using Stepwise.Review.Testing;
using Stepwise.Web.Components.Pages;
using Stepwise.Web.Security;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Accounts;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Web.Tests;

/// <summary>
/// The review overview's aims: shown to everyone, changed (with the title) by owners and analysts through the layer,
/// recorded in the history; viewers get no form, and a stale edit shows the conflict and keeps what was typed.
/// </summary>
public sealed class ReviewOverviewPageTests
{
    [Fact]
    public void Owner_ChangesTitleAndAims_SavedAndInTheHistory()
    {
        var (bench, lead) = Bench();
        var id = bench.Reviews.Create(lead, new NewReview { Title = "Help desk", Aims = ["Resolve faster"] }).Id;
        using var context = Context(bench, lead);
        var page = context.Render<ReviewOverview>(p => p.Add(m => m.ReviewId, id));
        page.WaitForAssertion(() => Assert.Equal(["Resolve faster"], page.FindAll("ul.aims li").Select(li => li.TextContent)));
        Assert.Equal("Resolve faster", page.Find("#review-aims").GetAttribute("value") ?? page.Find("#review-aims").TextContent);

        page.Find("#review-title").Change("Help desk tickets 2026");
        page.Find("#review-aims").Change("Resolve faster\n\n  Fewer reopened tickets  \n");
        page.Find("form[name=review-details], form").Submit();

        page.WaitForAssertion(() => Assert.Equal(["Resolve faster", "Fewer reopened tickets"], page.FindAll("ul.aims li").Select(li => li.TextContent)));
        Assert.Equal("Help desk tickets 2026", page.Find("h1").TextContent);
        Assert.Contains("The title and aims are saved.", page.Markup, StringComparison.Ordinal);
        Assert.Equal("Help desk tickets 2026", bench.Reviews.Get(lead, id).Title);
        var line = bench.Reviews.HistoryLines(lead, id, new ArtefactRef(ArtefactKind.Review, id))[^1];
        Assert.Equal("Lena Lead", line.By);
        Assert.Contains(line.Changes, c => c.Field == "title");
    }

    [Fact]
    public void Viewer_SeesTheAims_ButNoForm()
    {
        var (bench, lead) = Bench();
        var id = bench.Reviews.Create(lead, new NewReview { Title = "Help desk", Aims = ["Resolve faster"] }).Id;
        bench.Accounts.CreateUser(lead, new NewUser { Name = "vic", DisplayName = "Vic Viewer" });
        bench.Reviews.SetMember(lead, id, new NewMember { User = "vic", Role = "viewer" });
        using var context = Context(bench, bench.Accounts.CommandLineUser("vic"));

        var page = context.Render<ReviewOverview>(p => p.Add(m => m.ReviewId, id));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("ul.aims li")));
        Assert.Empty(page.FindAll("#review-title"));
        Assert.Empty(page.FindAll("#review-aims"));
    }

    [Fact]
    public void StaleEdit_ShowsWhoChangedIt_AndKeepsWhatWasTyped()
    {
        var (bench, lead) = Bench();
        var id = bench.Reviews.Create(lead, new NewReview { Title = "Help desk" }).Id;
        bench.Accounts.CreateUser(lead, new NewUser { Name = "ana", DisplayName = "Ana Analyst" });
        bench.Reviews.SetMember(lead, id, new NewMember { User = "ana", Role = "analyst" });
        using var context = Context(bench, lead);
        var page = context.Render<ReviewOverview>(p => p.Add(m => m.ReviewId, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#review-title")));

        bench.Reviews.SaveDetails(bench.Accounts.CommandLineUser("ana"), id, new ReviewDetails { Title = "Service desk" });
        page.Find("#review-title").Change("Help desk tickets");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Ana Analyst", page.Markup, StringComparison.Ordinal));
        Assert.Equal("Help desk tickets", page.Find("#review-title").GetAttribute("value"));
        Assert.Equal("Service desk", bench.Reviews.Get(lead, id).Title);
    }

    private static (Workbench.Workbench Bench, Actor Lead) Bench()
    {
        var bench = new Workbench.Workbench(new InMemoryWorkspaceStore(), new ManualClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)), new SequentialIds());
        bench.Accounts.CreateFirstAdministrator(new NewUser { Name = "lead", DisplayName = "Lena Lead", Password = "correct horse battery" });
        return (bench, bench.Accounts.CommandLineUser("lead"));
    }

    private static BunitContext Context(Workbench.Workbench bench, Actor actor)
    {
        var context = new BunitContext();
        context.Services.AddLogging();
        context.Services.AddSingleton(bench);
        context.Services.AddSingleton<AuthenticationStateProvider>(new SignedIn(ActorPrincipal.From(actor)));
        context.Services.AddScoped<SignedInUser>();
        return context;
    }
}
