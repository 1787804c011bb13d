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
    public void Suggest_WorkStepResumedAfterWaits_ValueAdding_PartTimerClose_NotValueAdding()
    {
        // 60 cases of a status log: Open, In progress, Awaiting customer, In progress again (half of the In progress
        // instances repeat it after other work), then Completed: in 24 cases (40%) exactly 7 days after, on a timer;
        // in the other 36 after 1 h to 13 h 57 m (0.37 h apart, no two within the timer band of each other). The other
        // waits differ from case to case (people's work, no timer).
        var builder = new EventLogBuilder();
        for (int i = 0; i < 60; i++)
        {
            string id = "c" + i;
            double resumed = 11 + (0.17 * i);
            builder.Add(id, "Open", Logs.At(8), "ann")
                .Add(id, "In progress", Logs.At(8.2 + (0.03 * i)), "bob")
                .Add(id, "Awaiting customer", Logs.At(10 + (0.1 * i)), "bob")
                .Add(id, "In progress", Logs.At(resumed), "bob")
                .Add(id, "Completed", Logs.At(resumed + (i < 24 ? 7 * 24 : 1 + (0.37 * (i - 24)))), i < 24 ? "system" : "bob");
        }

        var steps = StepEvidenceSet.Compute(builder.Build());
        var classes = ValueClassifier.Suggest(steps).ToDictionary(v => v.Step);

        Assert.Equal(ValueClass.ValueAdding, classes["In progress"].Class);
        Assert.Equal("the work for the customer is done in it ('in progress'); 50% of its instances repeat it after other work, rework the rework question asks about", classes["In progress"].Reason);
        Assert.Equal(ValueClass.NonValueAdding, classes["Awaiting customer"].Class);
        Assert.Equal(0.4, steps.Find("Completed")!.Timer!.Share, 9);
        Assert.Equal(ValueClass.BusinessValueAdding, classes["Completed"].Class);
        Assert.StartsWith("not value-adding: 40% of its instances come 7d 0h after the step before, set by a timer", classes["Completed"].Reason, StringComparison.Ordinal);
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

    [Fact]
    public void Statement_ValueAddedShare_GivesTheBasisAndThePerCaseFiguresNotABareShare()
    {
        // The case above: 2h of value-adding work, measured, in a throughput time of 10h.
        var log = new EventLogBuilder()
            .Add("c1", "Register", Logs.At(8.5), "ann", Logs.At(8))
            .Add("c1", "Resolve", Logs.At(12), "ann", Logs.At(10))
            .Add("c1", "Close", Logs.At(18), "ann", Logs.At(18 - (10 / 60.0)))
            .Build();
        var steps = StepEvidenceSet.Compute(log);

        var share = ValueAddedShare.Compute(log, HandlingTimes.Resolve(log), ValueClassifier.Suggest(steps), steps.TotalThroughputSeconds);

        Assert.Equal("measured", share.Basis);
        Assert.StartsWith("Value-added share of throughput time: 20%, that is about 2h 00m of value-adding work per case (measured) against a mean throughput time of 10h 00m per case.", share.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void Statement_RealHelpdesk_SaysTheTimesAreEstimatedAndPutsTheShareInContext()
    {
        var steps = StepEvidenceSet.Compute(Logs.Helpdesk);
        var handling = HandlingTimes.Resolve(Logs.Helpdesk);

        var share = ValueAddedShare.Compute(Logs.Helpdesk, handling, ValueClassifier.Suggest(steps), steps.TotalThroughputSeconds);

        // By hand from the parts: value-adding seconds over throughput seconds, and both per case.
        Assert.Equal(share.ValueAddingSeconds / share.ThroughputSeconds, share.Share, 12);
        Assert.Equal(4580, share.Cases);
        Assert.Contains("estimated", share.Basis, StringComparison.Ordinal);
        Assert.Contains(ValueAddedShare.Percent(share.Share) + ", that is about ", share.Statement, StringComparison.Ordinal);
        Assert.Contains("an estimate from the gaps between a person's completions, not a measurement", share.Statement, StringComparison.Ordinal);
        Assert.Contains("against a mean throughput time of 40d 20h per case", share.Statement, StringComparison.Ordinal);
        Assert.Contains("rather than with 100%", share.Statement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.000050556, "0.0051%")]
    [InlineData(0.00834, "0.83%")]
    [InlineData(0.0834, "8.3%")]
    [InlineData(0.1234, "12%")]
    [InlineData(0.0, "0%")]
    public void Percent_TwoSignificantDigits(double share, string expected) => Assert.Equal(expected, ValueAddedShare.Percent(share));
}
