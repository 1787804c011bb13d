using Bunit;
using Stepwise.Review.Reviews;
using Stepwise.Web.Components.Shared;

namespace Stepwise.Web.Tests;

public sealed class StageStepperTests
{
    [Fact]
    public void Render_AtChallenge_EarlierStagesDoneCurrentMarkedLaterToCome()
    {
        using var context = new BunitContext();

        var stepper = context.Render<StageStepper>(p => p.Add(s => s.Current, Stage.Challenge));

        var steps = stepper.FindAll("li.step");
        Assert.Equal(["Scope", "Analyse", "Challenge", "Evaluate", "Decide", "Implement", "Monitor"], steps.Select(s => s.QuerySelector(".step-name")!.TextContent));
        Assert.Equal(["done", "done", "current", "todo", "todo", "todo", "todo"], steps.Select(s => s.ClassList.First(c => c is "done" or "current" or "todo")));
        var current = Assert.Single(stepper.FindAll("[aria-current=step]"));
        Assert.Contains("Challenge", current.TextContent, StringComparison.Ordinal);
        Assert.Contains("(current stage)", current.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Closed_EveryStageDoneAndNoneCurrent()
    {
        using var context = new BunitContext();

        var stepper = context.Render<StageStepper>(p => p.Add(s => s.Current, Stage.Closed));

        Assert.All(stepper.FindAll("li.step"), s => Assert.Contains("done", s.ClassList));
        Assert.Empty(stepper.FindAll("[aria-current]"));
    }
}
