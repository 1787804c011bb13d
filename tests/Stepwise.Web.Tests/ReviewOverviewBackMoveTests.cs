using Bunit;
using Stepwise.Workbench.Decisions;
using Stepwise.Web.Components.Pages;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Web.Tests;

/// <summary>
/// Moving a review back a stage from its overview: without a reason the page refuses beside the reason field and the
/// review stays where it was; with one, the review moves back and the history keeps the reason.
/// </summary>
public sealed class ReviewOverviewBackMoveTests
{
    [Fact]
    public void ForwardMove_Refused_SaysWhyBesideTheButton()
    {
        // Without a scope the review stays at Scope; the refusal is said beside the button.
        var (bench, lead, id) = PageContext.NewReview();

        using var context = PageContext.For(bench, lead);
        var page = context.Render<ReviewOverview>(p => p.Add(m => m.ReviewId, id));
        page.WaitForAssertion(() => Assert.Contains(page.FindAll("button"), b => b.TextContent.Trim() == "Move to Analyse"));

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Move to Analyse").Click();
        page.WaitForAssertion(() => Assert.StartsWith("Not moved to Analyse: ", page.Find("#move-error").TextContent, StringComparison.Ordinal));
        Assert.Equal(Stepwise.Review.Reviews.Stage.Scope, bench.Reviews.Get(lead, id).Stage);
    }

    [Fact]
    public void BackMove_AsksWhy_ThenRecordsTheReason()
    {
        var (bench, lead, id) = PageContext.NewReview();
        bench.Reviews.SaveScope(lead, id, new ScopeRequest { End = ["Closed"] });
        bench.Reviews.SignOff(lead, id, new SignOffRequest { Artefact = "scope", Decision = "approve" });
        bench.Reviews.MoveStage(lead, id, "analyse");

        using var context = PageContext.For(bench, lead);
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
