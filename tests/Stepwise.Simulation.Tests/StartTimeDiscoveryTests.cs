using Stepwise.Mining;
using Stepwise.Simulation.Discovery;
using Stepwise.Simulation.Distributions;
using Stepwise.Simulation.Randomness;
using Stepwise.Simulation.Validation;

namespace Stepwise.Simulation.Tests;

/// <summary>
/// Discovery from a log with start times, written here by an M/M/1 queue computed with Lindley's recursion (no use of
/// the engine): the model must find one server, exponential service, and reproduce the waiting the log shows.
/// </summary>
public class StartTimeDiscoveryTests
{
    private static EventLog QueueLog(int cases, double arrivalsPerHour, double meanServiceSeconds, ulong seed)
    {
        var random = new RandomStream(seed);
        var builder = new EventLogBuilder();
        var origin = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        double arrival = 0, wait = 0, previousService = 0, previousArrival = 0;
        for (int n = 0; n < cases; n++)
        {
            arrival += random.NextExponential() * 3600 / arrivalsPerHour;
            wait = n == 0 ? 0 : Math.Max(0, wait + previousService - (arrival - previousArrival));
            double service = random.NextExponential() * meanServiceSeconds;
            string id = $"c{n}";

            // Registration by the system (no resource), then service by the one agent, with its start time.
            builder.Add(id, "Register", origin.AddSeconds(arrival));
            builder.Add(id, "Serve", origin.AddSeconds(arrival + wait + service), "agent", origin.AddSeconds(arrival + wait));
            previousService = service;
            previousArrival = arrival;
        }

        return builder.Build();
    }

    [Fact]
    public void Discover_QueueLogWithStartTimes_OneServerExponentialServiceAndTheObservedWaiting()
    {
        // λ = 42 per hour, mean service 60 s: ρ = 0.7, M/M/1 mean wait ρ / (μ - λ) = 0.7 / 18 h = 140 s.
        var log = QueueLog(30_000, 42, 60, 17);
        var model = ModelDiscovery.Discover(log);

        var serve = model.Activities.Single(a => a.Name == "Serve");
        var register = model.Activities.Single(a => a.Name == "Register");
        Assert.Empty(register.Pools); // recorded without a resource: no staff
        Assert.Equal("Staff", Assert.Single(serve.Pools).Pool);
        Assert.Contains(serve.Duration.Kind, new[] { DistributionKind.Exponential, DistributionKind.Gamma, DistributionKind.Weibull });
        Assert.Equal(60, serve.Duration.MeanValue, 3.0);
        Assert.Equal(1, model.Pools.Single().Capacity.Max);
        Assert.Equal(42 * 168, model.Arrivals.CasesPerHour.WeeklyTotal, 0.03 * 42 * 168);

        var report = ModelValidation.Validate(log, model, replications: 10);
        var waiting = report.Find("waiting", "Serve")!;
        double observed = log.Activities.ToArray().Select((a, e) => (a, e)).Where(x => log.ActivityNames[x.a] == "Serve").Average(x => (log.StartTimes[x.e] - log.Times[x.e - 1]) / (double)TimeSpan.TicksPerSecond);
        Assert.Equal(observed, waiting.Observed, 1e-6 * observed);
        Assert.InRange(observed / 140, 0.85, 1.15); // the log itself is an M/M/1 queue
        Assert.InRange(Math.Abs(waiting.RelativeError), 0, 0.15);
        Assert.InRange(Math.Abs(report.Find("throughput", "median")!.RelativeError), 0, 0.15);
    }
}
