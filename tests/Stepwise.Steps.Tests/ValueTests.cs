using Stepwise.Mining;
using Stepwise.Steps.Evidence;
using Stepwise.Steps.Value;

namespace Stepwise.Steps.Tests;

public class ValueTests
{
    [Fact]
    public void Suggest_Helpdesk_ClassesFromTheEvidenceWithReasons()
    {
        var steps = StepEvidenceSet.Compute(Logs.Helpdesk);

        var classes = ValueClassifier.Suggest(steps).ToDictionary(v => v.Step);

        Assert.Equal(ValueClass.NonValueAdding, classes["Wait"].Class);
        Assert.Contains("waiting", classes["Wait"].Reason, StringComparison.Ordinal);
        Assert.Equal(ValueClass.ValueAdding, classes["Resolve ticket"].Class);
        Assert.Equal(ValueClass.BusinessValueAdding, classes["Closed"].Class);
        Assert.Equal(ValueClass.NonValueAdding, classes["DUPLICATE"].Class);
        Assert.All(classes.Values, v => Assert.False(v.SetByUser));
    }

    [Fact]
    public void Suggest_UserClass_OverridesAndSaysSo()
    {
        var steps = StepEvidenceSet.Compute(Logs.Helpdesk);

        var wait = ValueClassifier.Suggest(steps, new Dictionary<string, ValueClass> { ["Wait"] = ValueClass.BusinessValueAdding }).Single(v => v.Step == "Wait");

        Assert.Equal((ValueClass.BusinessValueAdding, true, "set by the user"), (wait.Class, wait.SetByUser, wait.Reason));
    }

    [Fact]
    public void Suggest_MostlyRepeats_NonValueAdding()
    {
        var log = new EventLogBuilder()
            .Add("c1", "Review", Logs.At(8)).Add("c1", "Draft", Logs.At(8.5)).Add("c1", "Review", Logs.At(9)).Add("c1", "Draft", Logs.At(9.5)).Add("c1", "Review", Logs.At(10))
            .Build();

        var review = ValueClassifier.Suggest(StepEvidenceSet.Compute(log)).Single(v => v.Step == "Review");

        Assert.Equal(ValueClass.NonValueAdding, review.Class);
        Assert.Equal("67% of its instances repeat it after other work (rework)", review.Reason);
    }

    [Fact]
    public void Compute_ValueAddedShare_HandlingOfValueAddingStepsOverThroughput()
    {
        // One case of 10 hours: Register (30 min, BVA), Resolve (2h, VA), Close (10 min, BVA): 2h of 10h is value-adding.
        var log = new EventLogBuilder()
            .Add("c1", "Register", Logs.At(8.5), "ann", Logs.At(8))
            .Add("c1", "Resolve", Logs.At(12), "ann", Logs.At(10))
            .Add("c1", "Close", Logs.At(18), "ann", Logs.At(18 - (10 / 60.0)))
            .Build();
        var steps = StepEvidenceSet.Compute(log);
        var handling = HandlingTimes.Resolve(log);

        var share = ValueAddedShare.Compute(log, handling, ValueClassifier.Suggest(steps), steps.TotalThroughputSeconds);

        Assert.Equal(0.2, share.Share, 9);
        Assert.Contains("'Resolve'", share.Method, StringComparison.Ordinal);
        Assert.Contains("measured", share.Method, StringComparison.Ordinal);
    }
}
