using System.Globalization;
using Stepwise.Simulation.Engine;
using Stepwise.Simulation.Model;
using Stepwise.Simulation.Validation;

namespace Stepwise.Simulation.CallCentre;

/// <summary>
/// Simulates a contact-centre model over the period of its call records and compares: the share of calls in each
/// hour of the day, the mean wait, the share abandoned and the agents' utilisation (each within 15%).
/// </summary>
public static class CallCentreValidation
{
    /// <summary>The relative tolerance of every compared measure.</summary>
    public const double Tolerance = 0.15;

    /// <summary>Hours of the day with less than this share of calls are compared without a target.</summary>
    public const double MinHourShare = 0.01;

    /// <summary>Simulates <paramref name="model"/> and compares it with <paramref name="calls"/>.</summary>
    public static ValidationReport Validate(IReadOnlyList<CallRecord> calls, SimulationModel model, int replications = 10, long seed = 1, int? maxParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(model);
        var reached = calls.Where(c => c.ReachedAgents).ToList();
        var firstDay = reached.Min(c => c.Date);
        var lastDay = reached.Max(c => c.Date);
        var result = Simulator.Run(model, new SimulationOptions
        {
            Replications = replications,
            Seed = seed,
            Start = firstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            Horizon = TimeSpan.FromDays(lastDay.DayNumber - firstDay.DayNumber + 1),
            MaxParallelism = maxParallelism,
        });

        var metrics = new List<ValidationMetric>();
        var byHour = new double[24];
        foreach (var call in reached)
        {
            byHour[call.AskedForAgent % 86400 / 3600]++;
        }

        var simByHour = new double[24];
        double simArrivals = 0;
        foreach (var r in result.Replications)
        {
            for (int h = 0; h < 24; h++)
            {
                simByHour[h] += r.ArrivalsByHourOfDay[h];
            }

            simArrivals += r.Arrivals;
        }

        for (int h = 0; h < 24; h++)
        {
            double observed = byHour[h] / reached.Count;
            double simulated = simArrivals == 0 ? double.NaN : simByHour[h] / simArrivals;
            metrics.Add(new ValidationMetric("hourly arrivals", string.Create(CultureInfo.InvariantCulture, $"{h:00}:00-{h + 1:00}:00"), observed, simulated, observed >= MinHourShare ? Tolerance : null, "share"));
        }

        metrics.Add(new ValidationMetric("arrivals", "calls reaching the agents", reached.Count, simArrivals / replications, Tolerance, "count"));
        double observedWait = reached.Average(c => (double)c.Wait);
        double simulatedWait = result.Replications.Sum(r => r.WaitingSeconds.Sum) / result.Replications.Sum(r => (double)r.WaitingSeconds.Count);
        metrics.Add(new ValidationMetric("queue", "mean wait", observedWait, simulatedWait, Tolerance, "seconds"));
        double observedAbandon = (double)reached.Count(c => c.Outcome == CallOutcome.Abandoned) / reached.Count;
        double simulatedAbandon = result.Replications.Sum(r => (double)r.Abandoned) / simArrivals;
        metrics.Add(new ValidationMetric("queue", "abandonment share", observedAbandon, simulatedAbandon, Tolerance, "share"));

        // The records do not say how many agents answered calls: the data's utilisation is measured against the
        // model's own staffing over the same days, so that it shows whether the simulated load matches the real one.
        var capacity = model.Pools.First(p => p.Name == CallCentreDiscovery.AgentPool).Capacity.ToHourOfWeek();
        var origin = DateOnly.FromDateTime(model.Start);
        double staffSeconds = 0;
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            for (int h = 0; h < 24; h++)
            {
                staffSeconds += capacity[CallCentreDiscovery.HourOfWeek(day, h * 3600, origin)] * 3600;
            }
        }
        double busySeconds = reached.Where(c => c.Server is not null).Sum(c => (double)c.ServiceTime);
        double simulatedUtilisation = result.Replications.Sum(r => r.PoolBusySeconds.Sum()) / result.Replications.Sum(r => r.PoolStaffSeconds.Sum());
        metrics.Add(new ValidationMetric("agents", "utilisation", busySeconds / staffSeconds, simulatedUtilisation, Tolerance, "share"));
        double observedService = reached.Where(c => c.Outcome == CallOutcome.Served).Average(c => (double)c.ServiceTime);
        double simulatedService = result.Replications.Sum(r => r.StepWorkSeconds.Sum()) / result.Replications.Sum(r => (double)r.StepWaits.Sum());
        metrics.Add(new ValidationMetric("agents", "mean service time", observedService, simulatedService, null, "seconds"));

        var notes = new List<string>
        {
            "Calls that hung up in the voice-response unit never asked for an agent and are left out; PHANTOM records are excluded.",
            "Utilisation in the data = service seconds of calls with a named agent / the model's staff-hours over the same days (the records do not say how many agents answered calls).",
        };
        return new ValidationReport(metrics, double.NaN, replications, notes);
    }
}
