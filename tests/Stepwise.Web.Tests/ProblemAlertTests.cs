using Bunit;
using Stepwise.Review.Common;
using Stepwise.Review.Scoping;
using Stepwise.Review.Testing;
using Stepwise.Review.Workspaces;
using Stepwise.Web.Components.Shared;
using Stepwise.Workbench.Accounts;
using Stepwise.Workbench.Problems;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Web.Tests;

public sealed class ProblemAlertTests
{
    [Fact]
    public void Render_TwoOwnersMoveTheSameReview_SecondSeesWhoChangedWhichField()
    {
        // Bob reads the review at stage Scope; meanwhile Alice moves it to Analyse and on to Challenge. Bob's "move to
        // Analyse" (a move back, which the rules allow) names the version he read, so it is refused as a conflict.
        var store = new InMemoryWorkspaceStore();
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var bench = new Workbench.Workbench(store, clock, new SequentialIds());
        bench.Accounts.CreateFirstAdministrator(new NewUser { Name = "admin", Password = "correct horse battery" });
        var admin = bench.Accounts.SignIn("admin", "correct horse battery").Actor!;
        bench.Accounts.CreateUser(admin, new NewUser { Name = "alice", DisplayName = "Alice Analyst", IsAdministrator = true });
        bench.Accounts.CreateUser(admin, new NewUser { Name = "bob", DisplayName = "Bob Boss", IsAdministrator = true });
        var alice = bench.Accounts.CommandLineUser("alice");
        var bob = bench.Accounts.CommandLineUser("bob");
        var review = bench.Reviews.Create(alice, new NewReview { Title = "Help desk" });
        new Workspace(store, clock, new SequentialIds(1000)).Save(review.Id, new Scope { Id = review.Id }, 0, "Alice Analyst");
        long read = bench.Reviews.Get(bob, review.Id).Version;
        bench.Reviews.MoveStage(alice, review.Id, "analyse", read);
        bench.Reviews.MoveStage(alice, review.Id, "challenge", read + 1);
        var refused = Record.Exception(() => bench.Reviews.MoveStage(bob, review.Id, "analyse", read));
        var problem = ProblemCatalog.Describe(refused!);
        using var context = new BunitContext();

        var alert = context.Render<ProblemAlert>(p => p.Add(a => a.Problem, problem));

        Assert.Equal(ProblemKind.Conflict, problem.Kind);
        string text = alert.Find("[role=alert]").TextContent;
        Assert.Contains("Alice Analyst", text, StringComparison.Ordinal);
        Assert.Contains("Stage", text, StringComparison.Ordinal);
        Assert.Contains($"You read version {read}", text, StringComparison.Ordinal);
        Assert.Contains("not saved", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SeveralBadFields_ListsEachWithItsLabel()
    {
        var problem = ProblemCatalog.Describe(new StepwiseException([new FieldError("title", "is required."), new FieldError("on_behalf_reason", "is required: say why.")]));
        using var context = new BunitContext();

        var alert = context.Render<ProblemAlert>(p => p.Add(a => a.Problem, problem));

        var items = alert.FindAll("li").Select(li => li.TextContent).ToList();
        Assert.Equal(["Title is required.", "On-behalf reason is required: say why."], items);
    }

    [Fact]
    public void Render_UserTextWithMarkup_IsEncodedNotInterpreted()
    {
        var problem = ProblemCatalog.Describe(new StepwiseException(ProblemKind.RuleBroken, "Title <script>alert(1)</script> is taken."));
        using var context = new BunitContext();

        var alert = context.Render<ProblemAlert>(p => p.Add(a => a.Problem, problem));

        Assert.Empty(alert.FindAll("script"));
        Assert.Contains("&lt;script&gt;", alert.Markup, StringComparison.Ordinal);
    }
}
