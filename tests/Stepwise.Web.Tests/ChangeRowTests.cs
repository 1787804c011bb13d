using Stepwise.Review.Scoping;
using Stepwise.Simulation.Distributions;
using Stepwise.Simulation.Scenarios;
using Stepwise.Web.Stages;

namespace Stepwise.Web.Tests;

public sealed class ChangeRowTests
{
    [Fact]
    public void Request_EveryKindOfRow_BuildsTheChangesTheLayerReadsBack()
    {
        var rows = new[]
        {
            new ChangeRow { Kind = ChangeType.RemoveStep, First = "Wait" },
            new ChangeRow { Kind = ChangeType.Automate, First = "Assign seriousness", Duration = "2m", Cost = 0.05m },
            new ChangeRow { Kind = ChangeType.Merge, First = "Take in charge ticket", Second = "Resolve ticket" },
            new ChangeRow { Kind = ChangeType.Resequence, First = "Insert ticket", Second = "Assign seriousness" },
            new ChangeRow { Kind = ChangeType.Parallelise, Steps = "A | B\nC" },
            new ChangeRow { Kind = ChangeType.AddStaff, First = "Level 1", Staff = 2 },
            new ChangeRow { Kind = ChangeType.RemoveStaff, First = "Level 2", Staff = 1 },
            new ChangeRow { Kind = ChangeType.ChangeHours, First = "Level 1", Hours = "Mon-Fri 08:00-20:00", Staff = 4 },
            new ChangeRow { Kind = ChangeType.ReduceRework, First = "Resolve ticket", Second = "Take in charge ticket", Percent = 50 },
            new ChangeRow { Kind = ChangeType.SelfService, Percent = 12.5 },
            new ChangeRow { Kind = ChangeType.DemandGrowth, Factor = 1.1 },
        };

        var changes = ChangeRow.Request("All of them", null, rows, [], []).ToChanges();

        Assert.Equal(11, changes.Count);
        Assert.Contains(new RemoveStep("Wait"), changes);
        var automate = Assert.Single(changes.OfType<AutomateStep>());
        Assert.Equal(("Assign seriousness", 120.0, 0.05), (automate.Step, automate.Duration.MeanValue, automate.CostPerExecution));
        Assert.Contains(new MergeSteps("Take in charge ticket", "Resolve ticket"), changes);
        Assert.Contains(new MoveStep("Insert ticket", "Assign seriousness"), changes);
        Assert.Equal(["A", "B", "C"], Assert.Single(changes.OfType<ParallelSteps>()).Steps);
        Assert.Equal([("Level 1", 2), ("Level 2", -1)], changes.OfType<ChangeStaff>().Select(c => (c.Pool, c.Change)));
        Assert.Contains(new ChangeHours("Level 1", "Mon-Fri 08:00-20:00", 4), changes);
        Assert.Contains(new ReduceRework("Resolve ticket", "Take in charge ticket", 0.5), changes);
        Assert.Equal(0.125, Assert.Single(changes.OfType<SelfService>()).Share, 12);
        Assert.Equal(1.1, Assert.Single(changes.OfType<DemandGrowth>()).Factor, 12);
    }

    [Fact]
    public void Of_StoredChanges_RoundTripsThroughTheForm()
    {
        ScenarioChange[] stored =
        [
            new RemoveStep("Wait"),
            new AutomateStep("Assign seriousness", Distribution.Constant(60), 0.05),
            new ChangeStaff("Level 2", -1),
            new ReduceRework("Resolve ticket", "Take in charge ticket", 0.25),
            new SelfService(0.1),
        ];

        var again = ChangeRow.Request("Same", null, stored.Select(ChangeRow.Of), [], []).ToChanges();

        Assert.Equal(5, again.Count);
        Assert.Contains(new RemoveStep("Wait"), again);
        Assert.Contains(new ChangeStaff("Level 2", -1), again);
        Assert.Contains(new ReduceRework("Resolve ticket", "Take in charge ticket", 0.25), again);
        Assert.Equal(0.1, Assert.Single(again.OfType<SelfService>()).Share, 12);
        var automate = Assert.Single(again.OfType<AutomateStep>());
        Assert.Equal((60.0, 0.05), (automate.Duration.MeanValue, automate.CostPerExecution));
    }

    [Fact]
    public void Of_ADurationTheFormCannotShow_IsKeptAsStored()
    {
        var exponential = new AutomateStep("Assign seriousness", Distribution.Exponential(90));

        var row = ChangeRow.Of(exponential);
        var changes = ChangeRow.Request("Kept", null, [row], [], []).ToChanges();

        Assert.NotNull(row.KeptText);
        Assert.Same(exponential, Assert.Single(changes));
    }

    [Fact]
    public void Request_ABadDuration_IsReportedUnderTheKindsField()
    {
        var row = new ChangeRow { Kind = ChangeType.Automate, First = "Assign seriousness", Duration = "a minute" };

        var errors = ChangeRow.Request("Bad", null, [row], [], []).Validate().Errors;

        var error = Assert.Single(errors);
        Assert.Equal(ChangeRow.FieldOf(ChangeType.Automate), error.Field);
        Assert.Contains("is not a duration", error.Message, StringComparison.Ordinal);
    }
}
