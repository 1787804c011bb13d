using Stepwise.Mining;
using Stepwise.Simulation.Discovery;
using Stepwise.Simulation.Distributions;
using Stepwise.Simulation.Engine;

namespace Stepwise.Simulation.Tests;

/// <summary>
/// A step's work in a log without start times: the gaps between a person's completions, as the step assessment's
/// handling time counts them. Worked by hand on a small log, and counted on the help-desk log outside the code.
/// </summary>
public class WorkGapTests
{
    private static readonly double[] RegisterGaps = [300, 420, 540, 600, 660, 780];

    /// <summary>
    /// Six days; on day k (from 09:00), with g the k-th of <see cref="RegisterGaps"/>:
    /// 0 Ann registers a{k}; g Ann registers b{k}; g+120 Bob registers c{k}; g+180 Ann reviews c{k}; g+420 Ann
    /// reviews a{k}. Ann's gaps: Register (b) g, the first step of its case; Review (c) 180, but c was due only 60 s
    /// before (Bob's registration), so 60; Review (a) 240, due g+420 before, so 240. Gaps across days exceed an hour.
    /// Register: 300, 420, 540, 600, 660, 780 (median 570). Review: six of 180 cut to 60 and six of 240 (median 210
    /// uncut, 150 cut).
    /// </summary>
    internal static EventLog HandWorkedLog()
    {
        var builder = new EventLogBuilder();
        var origin = new DateTimeOffset(2024, 3, 4, 9, 0, 0, TimeSpan.Zero);
        for (int k = 0; k < RegisterGaps.Length; k++)
        {
            var day = origin.AddDays(k);
            double g = RegisterGaps[k];
            builder.Add($"a{k}", "Register", day, "Ann");
            builder.Add($"b{k}", "Register", day.AddSeconds(g), "Ann");
            builder.Add($"c{k}", "Register", day.AddSeconds(g + 120), "Bob");
            builder.Add($"c{k}", "Review", day.AddSeconds(g + 180), "Ann");
            builder.Add($"a{k}", "Review", day.AddSeconds(g + 420), "Ann");
        }

        return builder.Build();
    }

    [Fact]
    public void FirstStepOfACase_KeepsItsGaps_NotCutToZero()
    {
        var model = ModelDiscovery.Discover(HandWorkedLog(), new DiscoveryOptions { CalibrationReplications = 0 });
        var register = model.Activities.Single(a => a.Name == "Register");

        // Every registration opens its case: when it became due is not in the log, so its gaps are kept as they are.
        Assert.Equal(DistributionKind.Empirical, register.Duration.Kind);
        Assert.Equal(RegisterGaps, register.Duration.Quantiles!);
        Assert.Equal(570, Distribution.EmpiricalQuantile(register.Duration.Quantiles!, 0.5), 9);
        Assert.Contains("work estimated from 6 gaps of at most 60 minutes between a person's completions, median 570 s (the step assessment's handling time) (", register.Note, StringComparison.Ordinal);
        Assert.Contains("every execution opens a case, whose start in the log is when its first step was recorded done, so that work lies before the start and takes no staff time in the simulation", register.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void LaterStep_GapLongerThanSinceTheStepWasDue_IsCutAndTheNoteSaysHowMany()
    {
        var model = ModelDiscovery.Discover(HandWorkedLog(), new DiscoveryOptions { CalibrationReplications = 0 });
        var review = model.Activities.Single(a => a.Name == "Review");

        Assert.Equal([60, 60, 60, 60, 60, 60, 240, 240, 240, 240, 240, 240], review.Duration.Quantiles!);
        Assert.Contains("work estimated from 12 gaps of at most 60 minutes between a person's completions, median 210 s (the step assessment's handling time); 6 of them were longer than the time since the case's previous step ended and are cut to it, as work cannot begin before the step is due (median then 150 s) (", review.Note, StringComparison.Ordinal);
        Assert.DoesNotContain("opens", review.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void StepAlwaysDoneWhenDue_TakesNoWorkInTheSimulation()
    {
        // Registration always opens its case (its time from due to done is 0): the simulation gives it no staff time,
        // though its work, estimated from the gaps, is not 0; the reviews take theirs.
        var model = ModelDiscovery.Discover(HandWorkedLog(), new DiscoveryOptions { CalibrationReplications = 0 });
        var register = model.Activities.Single(a => a.Name == "Register");
        Assert.Equal(DistributionKind.Constant, register.Elapsed!.Kind);
        Assert.Equal(0, register.Elapsed.Value);

        var result = Simulator.Run(model, new SimulationOptions { Replications = 2, Seed = 3, Horizon = TimeSpan.FromDays(30) });
        int r = model.Activities.ToList().FindIndex(a => a.Name == "Register");
        int v = model.Activities.ToList().FindIndex(a => a.Name == "Review");
        Assert.All(result.Replications, x => Assert.True(x.StepExecutions[r] > 0));
        Assert.All(result.Replications, x => Assert.Equal(0, x.StepWorkSeconds[r]));
        Assert.All(result.Replications, x => Assert.True(x.StepWorkSeconds[v] > 0));
    }

    [Fact]
    public void Helpdesk_AssignSeriousness_WorkAsCountedOutsideTheCode()
    {
        // Counted with a separate script over the unzipped XES (same person, previous completion in any case, gaps
        // above 0 and at most 60 minutes, cut to the time since the case's previous event except at a case's first
        // event): 'Assign seriousness' 2,577 gaps, uncut median 600 s, 5 cut, median 599 s; 'Insert ticket' (always
        // first) 32 gaps, median 799 s; 'Closed' 2,094 gaps, none cut, median 1142.5 s.
        var model = ModelDiscovery.Discover(RealLogs.Helpdesk, new DiscoveryOptions { CalibrationReplications = 0 });
        var assign = model.Activities.Single(a => a.Name == "Assign seriousness");
        Assert.Contains("work estimated from 2,577 gaps of at most 60 minutes between a person's completions, median 600 s (the step assessment's handling time); 5 of them were longer than the time since the case's previous step ended and are cut to it, as work cannot begin before the step is due (median then 599 s)", assign.Note, StringComparison.Ordinal);
        Assert.Equal(DistributionKind.Empirical, assign.Duration.Kind);
        Assert.Equal(599, Distribution.EmpiricalQuantile(assign.Duration.Quantiles!, 0.5), 6);

        var insert = model.Activities.Single(a => a.Name == "Insert ticket");
        Assert.Contains("work estimated from 32 gaps of at most 60 minutes between a person's completions, median 799 s (the step assessment's handling time) (", insert.Note, StringComparison.Ordinal);
        Assert.InRange(insert.Duration.Cdf(799), 0.3, 0.7); // a fitted family: its median near the gaps' median

        var closed = model.Activities.Single(a => a.Name == "Closed");
        Assert.Contains("work estimated from 2,094 gaps of at most 60 minutes between a person's completions, median 1142.5 s (the step assessment's handling time) (", closed.Note, StringComparison.Ordinal);
    }
}
