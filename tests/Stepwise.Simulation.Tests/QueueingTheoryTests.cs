using Stepwise.Simulation.Distributions;
using Stepwise.Simulation.Engine;
using Stepwise.Simulation.Model;

namespace Stepwise.Simulation.Tests;

/// <summary>The kernel against queueing theory: formulas computed here, independently of the engine.</summary>
public class QueueingTheoryTests
{
    /// <summary>Erlang C: the probability that an arrival waits in an M/M/c queue with offered load a = λ/μ.</summary>
    private static double ErlangC(int c, double a)
    {
        double term = 1; // a^k / k!
        double sum = 0;
        for (int k = 0; k < c; k++)
        {
            sum += term;
            term *= a / (k + 1);
        }

        double last = term * c / (c - a); // a^c / c! * c / (c - a)
        return last / (sum + last);
    }

    private static (double WaitShare, double MeanWait, double Abandoned, long Ended) Pooled(SimulationResult result)
    {
        long ended = result.Replications.Sum(r => r.WaitingSeconds.Count);
        return (
            result.Replications.Sum(r => (double)r.CasesThatWaited) / ended,
            result.Replications.Sum(r => r.WaitingSeconds.Sum) / ended,
            result.Replications.Sum(r => (double)r.Abandoned) / result.Replications.Sum(r => (double)r.Arrivals),
            ended);
    }

    [Fact]
    public void MmcQueue_LongRun_MatchesErlangCWithin2Percent()
    {
        // λ = 40 per hour, mean service 6 minutes (μ = 10 per hour), 5 servers: a = 4, ρ = 0.8.
        const double lambda = 40, mu = 10;
        const int c = 5;
        var model = TestModels.Queue(lambda, Distribution.Exponential(3600 / mu), c);
        var result = Simulator.Run(model, new SimulationOptions { Replications = 16, Seed = 11, Horizon = TimeSpan.FromDays(365) });

        double expectedWaitShare = ErlangC(c, lambda / mu);
        double expectedMeanWait = expectedWaitShare / ((c * mu) - lambda) * 3600;
        var (waitShare, meanWait, _, ended) = Pooled(result);
        Assert.True(ended > 5_000_000, $"only {ended} customers");
        Assert.InRange(waitShare / expectedWaitShare, 0.98, 1.02);
        Assert.InRange(meanWait / expectedMeanWait, 0.98, 1.02);
    }

    [Fact]
    public void Mm1WithAbandonment_InfinitePatience_BehavesLikeMm1()
    {
        // ρ = 0.8, mean service 60 s: the M/M/1 mean wait is ρ / (μ - λ) = 0.8 / (60 - 48) hours = 240 s.
        var model = TestModels.Queue(48, Distribution.Exponential(60), 1, patience: Distribution.Constant(1e9));
        var result = Simulator.Run(model, new SimulationOptions { Replications = 8, Seed = 5, Horizon = TimeSpan.FromDays(180) });
        var (_, meanWait, abandoned, _) = Pooled(result);
        Assert.Equal(0, abandoned);
        Assert.InRange(meanWait / 240.0, 0.98, 1.02);
    }

    [Fact]
    public void Mm1WithAbandonment_VanishingPatience_AbandonsAsOftenAsTheServerIsBusy()
    {
        // When callers give up at once, only those who find the server free are served: the system is M/M/1/1 and the
        // share abandoned is the Erlang loss probability for one server, ρ / (1 + ρ) = 0.8 / 1.8.
        var model = TestModels.Queue(48, Distribution.Exponential(60), 1, patience: Distribution.Constant(0.001));
        var result = Simulator.Run(model, new SimulationOptions { Replications = 8, Seed = 6, Horizon = TimeSpan.FromDays(180) });
        var (_, _, abandoned, _) = Pooled(result);
        Assert.InRange(abandoned / (0.8 / 1.8), 0.98, 1.02);
    }

    [Fact]
    public void Mm1WithAbandonment_LongerPatience_FewerAbandon()
    {
        double previous = 1;
        foreach (double patience in new[] { 10.0, 60, 300, 3000 })
        {
            var model = TestModels.Queue(48, Distribution.Exponential(60), 1, patience: Distribution.Exponential(patience));
            var (_, _, abandoned, _) = Pooled(Simulator.Run(model, new SimulationOptions { Replications = 4, Seed = 7, Horizon = TimeSpan.FromDays(60) }));
            Assert.True(abandoned < previous, $"patience {patience}: {abandoned} not below {previous}");
            Assert.InRange(abandoned, 0, 0.8 / 1.8);
            previous = abandoned;
        }
    }

    [Fact]
    public void PriorityQueue_Mm1_MatchesCobhamsFormula()
    {
        // Non-preemptive priority M/M/1 (Cobham): W0 = λ E[S²] / 2 = ρ / μ; high: W0 / (1 - ρh); low: W0 / ((1 - ρh)(1 - ρ)).
        // λ = 48 per hour in two equal classes, mean service 60 s: ρ = 0.8, ρh = 0.4, W0 = 48 s -> 80 s and 400 s.
        var model = TestModels.Queue(48, Distribution.Exponential(60), 1, priorities: [0.5, 0.5], discipline: QueueDiscipline.Priority);
        var result = Simulator.Run(model, new SimulationOptions { Replications = 8, Seed = 8, Horizon = TimeSpan.FromDays(365) });
        double low = result.Replications.Sum(r => r.WaitingByPriority[0]) / result.Replications.Sum(r => (double)r.EndedByPriority[0]);
        double high = result.Replications.Sum(r => r.WaitingByPriority[1]) / result.Replications.Sum(r => (double)r.EndedByPriority[1]);
        Assert.InRange(high / 80.0, 0.97, 1.03);
        Assert.InRange(low / 400.0, 0.97, 1.03);
    }

    [Fact]
    public void FifoQueue_WithPriorityClasses_TreatsThemAlike()
    {
        var model = TestModels.Queue(48, Distribution.Exponential(60), 1, priorities: [0.5, 0.5], discipline: QueueDiscipline.Fifo);
        var result = Simulator.Run(model, new SimulationOptions { Replications = 4, Seed = 9, Horizon = TimeSpan.FromDays(120) });
        double low = result.Replications.Sum(r => r.WaitingByPriority[0]) / result.Replications.Sum(r => (double)r.EndedByPriority[0]);
        double high = result.Replications.Sum(r => r.WaitingByPriority[1]) / result.Replications.Sum(r => (double)r.EndedByPriority[1]);
        Assert.InRange(high / low, 0.95, 1.05);
        Assert.InRange((low + high) / 2 / 240.0, 0.95, 1.05);
    }
}
