using Stepwise.Mining;
using Stepwise.Mining.Discovery;
using Stepwise.Mining.IO;
using Stepwise.Steps.Evidence;
using Stepwise.Steps.Questions;
using Stepwise.Steps.Scorecard;
using Stepwise.Steps.Value;
using Stepwise.Testing;

namespace Stepwise.Steps.Tests;

/// <summary>Steps whose wait is set by a timer (a rule of the system) are recognised and questioned as rules.</summary>
public class TimerTests
{
    private const double Day = 86400;

    /// <summary>
    /// 40 cases: Open (ann), Resolve (bob) after 1 to 40 hours, Close. 30 cases are closed by the system exactly 7 days
    /// after the resolution (6 of them an hour early or late, as a timer kept in local time does across a clock change),
    /// 10 by bob himself after 2 to 20 hours.
    /// </summary>
    private static EventLog AutoClose()
    {
        var builder = new EventLogBuilder();
        for (int i = 0; i < 40; i++)
        {
            string id = "c" + i;
            double resolved = 1 + i;
            double close = i < 30 ? resolved + (7 * 24) + (i < 3 ? 1 : i < 6 ? -1 : 0) : resolved + 2 + (2 * (i - 30));
            builder.Add(id, "Open", Logs.At(8), "ann")
                .Add(id, "Resolve", Logs.At(8 + resolved), "bob")
                .Add(id, "Close", Logs.At(8 + close), i < 30 ? "system" : "bob");
        }

        return builder.Build();
    }

    [Fact]
    public void Detect_MostWaitsAtOneValue_DominantValueWithItsShareAndTheOthersMedian()
    {
        var close = StepEvidenceSet.Compute(AutoClose()).Find("Close")!;

        var timer = close.Timer;
        Assert.NotNull(timer);
        Assert.Equal(TimerTest.DominantValue, timer.Test);
        Assert.Equal(7 * Day, timer.Seconds, 6);
        Assert.Equal(30, timer.Matching); // 7 days ± 1 hour is within 1%
        Assert.Equal(40, timer.Waits);
        Assert.Equal(0.75, timer.Share, 9);

        // The others wait 2, 4, ..., 20 hours: median (10 + 12) / 2 = 11 hours.
        Assert.Equal(11 * 3600, timer.OthersMedianSeconds, 6);
        Assert.Null(StepEvidenceSet.Compute(AutoClose()).Find("Resolve")!.Timer);
    }

    [Fact]
    public void Detect_NearlyConstantWait_RecognisedByItsVariation()
    {
        // 30 waits of 30 days plus 0 to 29 hours: mean 734.5 hours, population standard deviation of 0..29 hours
        // sqrt((30^2 - 1) / 12) hours.
        var waits = Enumerable.Range(0, 30).Select(i => (30 * Day) + (i * 3600.0)).ToArray();

        var timer = TimerDetection.Default.Detect(waits);

        Assert.NotNull(timer);
        Assert.Equal(TimerTest.NearlyConstant, timer.Test);
        Assert.Equal(Math.Sqrt(((30 * 30) - 1) / 12.0) / 734.5, timer.CoefficientOfVariation, 12);
    }

    [Fact]
    public void Detect_WaitsOfPeoplesWork_NoTimer()
    {
        // Waits spread over hours and days (a log-uniform spread from 10 minutes to 10 days), and waits of seconds
        // (events recorded together), are not timers; neither is a sample too small to tell.
        var spread = Enumerable.Range(0, 500).Select(i => 600 * Math.Pow(1440, i / 499.0)).ToArray();
        var together = Enumerable.Repeat(2.0, 100).ToArray();
        var few = Enumerable.Repeat(Day, 19).ToArray();

        Assert.Null(TimerDetection.Default.Detect(spread));
        Assert.Null(TimerDetection.Default.Detect(together));
        Assert.Null(TimerDetection.Default.Detect(few));
        Assert.NotNull(TimerDetection.Default.Detect([.. few, Day]));
    }

    [Fact]
    public void Generate_TimerStep_AsksWhetherTheRuleIsRightNotWhoCouldDoIt()
    {
        var log = AutoClose();
        var steps = StepEvidenceSet.Compute(log);
        var evidence = new QuestionEvidence(steps, HandlingTimes.Resolve(log), ValueClassifier.Suggest(steps), DirectlyFollowsGraph.Discover(log));
        var settings = new QuestionSettings { MinCases = 1 };

        var questions = QuestionGenerator.Generate(evidence, settings);

        // Without the timer the same evidence raises a waiting, a hand-over and a combine question about 'Close'.
        var untimed = QuestionGenerator.Generate(evidence with { Steps = StepEvidenceSet.Compute(log, timers: TimerDetection.Default with { MinShare = 1 }) }, settings);
        Assert.Contains(untimed, q => q.Id == "waiting/Close");
        Assert.Contains(untimed, q => q.Id == "handover/Close");
        Assert.Contains(untimed, q => q.Id == "combine/Resolve/Close");

        var timer = Assert.Single(questions, q => q.Step == "Close");
        Assert.Equal("timer/Close", timer.Id);
        Assert.Equal(QuestionTrigger.Timer, timer.Trigger);
        Assert.Equal(ChallengeKind.AskWhy, timer.Challenge);
        Assert.Contains("75.0% of 'Close' instances (30 of 40) come 7d 0h after the step before", timer.Text, StringComparison.Ordinal);
        Assert.Contains("Is the rule right", timer.Text, StringComparison.Ordinal);
        Assert.Contains("The other 25.0% wait a median 11h 00m", timer.Text, StringComparison.Ordinal);
        Assert.Equal(untimed.Single(q => q.Id == "waiting/Close").Impact, timer.Impact, 12);
    }

    /// <summary>
    /// 40 cases, Open (ann), Resolve (bob), Close. Cases t0..t29 are opened from Friday 09:00 ten minutes apart, resolved
    /// half an hour later and closed by the system exactly 7 days after resolution; cases m0..m9 are opened on day 2
    /// from 09:00 ten minutes apart, resolved half an hour later and closed by carol on day 3 from 09:00, five minutes
    /// apart (22h 45m to 23h 30m after their resolution). The gaps between one resource's completions: bob's
    /// resolutions and the system's closes ten minutes, carol's closes five.
    /// </summary>
    private static EventLog TimedAndWorkedCloses()
    {
        var builder = new EventLogBuilder();
        for (int i = 0; i < 30; i++)
        {
            var open = Logs.At(9).AddMinutes(10 * i);
            builder.Add("t" + i, "Open", open, "ann").Add("t" + i, "Resolve", open.AddMinutes(30), "bob").Add("t" + i, "Close", open.AddMinutes(30).AddDays(7), "system");
        }

        for (int j = 0; j < 10; j++)
        {
            var open = Logs.At(9, days: 2).AddMinutes(10 * j);
            builder.Add("m" + j, "Open", open, "ann").Add("m" + j, "Resolve", open.AddMinutes(30), "bob").Add("m" + j, "Close", Logs.At(9, days: 3).AddMinutes(5 * j), "carol");
        }

        return builder.Build();
    }

    [Fact]
    public void Cost_ClosesTheTimerSets_NoLabourAndNotInTheEstimate()
    {
        var log = TimedAndWorkedCloses();
        var model = new Costing.CostModel { DefaultRate = 60 };

        var report = Costing.ActivityCosting.Compute(log, model);

        // By hand: the 30 system closes come 7 days after resolution (75% of the waits: the timer); they get no handling
        // time. The estimate for the 10 closes carol did rests on her gaps alone, 5 minutes (9 gaps), not on the
        // system's 10-minute gaps (29 of them, which made the old estimate 10 minutes for all 40 closes: 400.00).
        // Close costs 10 x 5 min x 60/h = 50.00; Resolve 40 x 10 min x 60/h = 400.00.
        var close = report.Find("Close")!;
        Assert.Equal(HandlingTimeBasis.Estimated, close.Handling.Basis);
        Assert.Equal(300, close.Handling.PerInstanceSeconds, 6);
        Assert.Equal(9, close.Handling.EstimateSamples);
        Assert.Equal(30, close.Handling.TimerInstances);
        Assert.Equal(7 * Day, close.Handling.Timer!.Seconds, 6);
        Assert.Equal(50, close.LabourCost, 9);
        Assert.Equal(Costing.CostCoverage.Full, close.Coverage);
        Assert.Equal(400, report.Find("Resolve")!.LabourCost, 9);
        Assert.Equal(0, report.Handling.SecondsOf(2)); // t0's close
        Assert.Contains("none, so no labour cost, for the 30 of 40 'Close' instances that come 7d 0h after the step before: a timer sets them, the system does them", report.HandlingMethod, StringComparison.Ordinal);

        // Without the timer test, or with a standard time from the user, every close is costed as work.
        var untimed = Costing.ActivityCosting.Compute(log, model with { Handling = new HandlingTimeOptions { Timers = null } }).Find("Close")!;
        Assert.Equal(400, untimed.LabourCost, 9);
        Assert.Equal(0, untimed.Handling.TimerInstances);
        var standard = Costing.ActivityCosting.Compute(log, model with { Handling = new HandlingTimeOptions { StandardTimes = new Dictionary<string, TimeSpan> { ["Close"] = TimeSpan.FromMinutes(2) } } }).Find("Close")!;
        Assert.Equal(40 * 2 / 60.0 * 60, standard.LabourCost, 9);
        Assert.Equal(0, standard.Handling.TimerInstances);
    }

    [Fact]
    public void Assess_StepMostlySetByATimer_ClassedAutomaticWithoutANonValueAddingQuestion()
    {
        var log = TimedAndWorkedCloses();

        var card = StepReview.Assess(log, new StepReviewOptions { Cost = new Costing.CostModel { DefaultRate = 60 }, Settings = StepSettings.Default with { Questions = new QuestionSettings { MinCases = 1 } } });

        var close = card.Find("Close")!;
        Assert.Equal(ValueClass.NonValueAdding, close.Value.Class);
        Assert.StartsWith("an automatic step: 75% of its instances come 7d 0h after the step before, set by a timer", close.Value.Reason, StringComparison.Ordinal);
        Assert.Equal(50, close.Cost!.TotalCost, 9);
        Assert.Contains(card.Questions, q => q.Id == "timer/Close");
        Assert.DoesNotContain(card.Questions, q => q.Id == "non-value-adding/Close");

        // The same thresholds drive the scorecard and the costing: with a share of 80% needed, neither sees a timer.
        var strict = StepReview.Assess(log, new StepReviewOptions { Cost = new Costing.CostModel { DefaultRate = 60 }, Settings = StepSettings.Default with { Questions = new QuestionSettings { Timers = TimerDetection.Default with { MinShare = 0.8 } } } }).Find("Close")!;
        Assert.Null(strict.Step.Timer);
        Assert.Equal(0, strict.Handling.TimerInstances);
        Assert.NotEqual(ValueClass.NonValueAdding, strict.Value.Class);
    }

    [Fact]
    public void IncidentExport_ClosedInstancesTheTimerSets_AreTheOnesItCounts()
    {
        var log = Logs.Incidents;

        var card = StepReview.Assess(log, new StepReviewOptions { Cost = new Costing.CostModel { DefaultRate = 35 } });

        // One rule: the instances the costing leaves without labour are exactly the waits the timer test counted
        // (21,386 of 24,985 by an independent count with Python's csv module, waits within 4.976 to 5.076 days).
        var closed = card.Find("Closed")!;
        Assert.Equal(closed.Step.Timer!.Matching, closed.Handling.TimerInstances);
        Assert.Equal(21386, closed.Handling.TimerInstances);
        Assert.Equal(24985, closed.Step.Events);
        Assert.Equal(ValueClass.NonValueAdding, closed.Value.Class);
        Assert.True(closed.Cost!.Share < 0.2, $"Closed is {closed.Cost.Share:P1} of the cost");
    }

    [Fact]
    public void Helpdesk_Closed_IsAFifteenDayTimerAndItsQuestionsAskAboutTheRule()
    {
        var log = Logs.Helpdesk;
        var card = StepReview.Assess(log);

        var closed = card.Find("Closed")!.Step;
        var timer = closed.Timer!;
        Assert.Equal(TimerTest.DominantValue, timer.Test);
        Assert.InRange(timer.Seconds, (15 * Day) - 300, (15 * Day) + 300);

        // Independently: the elapsed waits before 'Closed' within an hour of 15 days, counted case by case.
        int closedId = log.ActivityNames.IdOf("Closed");
        int near = 0, waits = 0;
        for (int c = 0; c < log.CaseCount; c++)
        {
            for (int e = log.CaseStart(c) + 1; e < log.CaseEnd(c); e++)
            {
                if (log.Activities[e] == closedId)
                {
                    waits++;
                    near += Math.Abs(((log.Times[e] - log.Times[e - 1]) / (double)TimeSpan.TicksPerSecond) - (15 * Day)) <= 3600 ? 1 : 0;
                }
            }
        }

        Assert.Equal(waits, timer.Waits);
        Assert.InRange(timer.Matching, near, near * 1.05);
        Assert.InRange(timer.Share, 0.30, 0.32);

        // Today's top three questions were about the timer as if it were work: waiting, hand-over and combine.
        var top = card.Questions.Take(3).ToList();
        Assert.Equal("timer/Closed", top[0].Id);
        Assert.DoesNotContain(card.Questions, q => q.Step == "Closed" && (q.Trigger is QuestionTrigger.Waiting or QuestionTrigger.Handover or QuestionTrigger.Sequence or QuestionTrigger.Bounce));
        Assert.DoesNotContain(card.Questions, q => q.Text.Contains("Could whoever does the previous step do this one too", StringComparison.Ordinal) && q.Step == "Closed");
        Assert.All(card.Steps.Where(s => s.Name != "Closed"), s => Assert.Null(s.Step.Timer));
    }

    [Fact]
    public void IncidentExport_ClosedFiveDaysAfterResolution_OnlyThatStepIsATimer()
    {
        var steps = StepEvidenceSet.Compute(Logs.Incidents);

        var closed = steps.Find("Closed")!.Timer!;
        Assert.InRange(closed.Seconds, (5 * Day) - 3600, (5 * Day) + 3600);
        Assert.InRange(closed.Share, 0.8, 0.9);
        Assert.All(steps.Steps.Where(s => s.Name != "Closed"), s => Assert.Null(s.Timer));
    }

    [Fact]
    public void Bpic2013_NoStepOfPeoplesWorkIsATimer_TheClosedSubStatusIs()
    {
        Assert.All(StepEvidenceSet.Compute(Logs.Bpic2013).Steps, s => Assert.Null(s.Timer));

        var bySubStatus = EventLogFile.Read(SharedData.PathOf("eventlogs/bpic2013_incidents.xes.gz"), new EventLogReadOptions { Xes = new XesLogOptions { Classifier = "concept:name lifecycle:transition" } }).Log;
        var steps = StepEvidenceSet.Compute(bySubStatus);
        Assert.NotNull(steps.Find("Completed+Closed")!.Timer);
        Assert.All(steps.Steps.Where(s => s.Name != "Completed+Closed"), s => Assert.Null(s.Timer));
    }
}
