using System.Globalization;
using Stepwise.Simulation.Engine;
using Stepwise.Simulation.Model;

namespace Stepwise.Simulation.Discovery;

/// <summary>
/// The step times of a log without start times include the time cases waited for someone to be free. The model adds
/// that waiting itself, from its pools, so each step's own time is what is left: its times are scaled by
/// f = max(0, 1 - Q/T), where T is the step's mean observed time and Q the mean waiting for staff the as-is model adds
/// before it, found by simulating the log's period (a fixed point, at most three rounds). Staffing changes then change
/// Q and so the throughput time; the rest stays as the log showed it.
/// </summary>
internal static class ElapsedCalibration
{
    private const int Rounds = 3;

    public static SimulationModel Calibrate(SimulationModel model, IReadOnlyDictionary<string, double> observedElapsed, DateTime start, TimeSpan horizon, DiscoveryOptions options, List<string> notes)
    {
        if (options.CalibrationReplications <= 0 || model.Pools.Count == 0 || !model.Activities.Any(a => a.Pools.Count > 0 && (a.Elapsed is not null || a.ElapsedByCase.Count > 0)))
        {
            return model;
        }

        var original = model.Activities;
        var factors = new double[original.Count];
        Array.Fill(factors, 1.0);
        var current = model;
        var queued = new double[original.Count];
        var executions = new double[original.Count];
        for (int round = 0; round < Rounds; round++)
        {
            var result = Simulator.Run(current, new SimulationOptions
            {
                Replications = options.CalibrationReplications,
                Seed = options.Seed,
                Start = start,
                Horizon = horizon,
                MaxParallelism = options.MaxParallelism,
            });
            bool changed = false;
            for (int a = 0; a < original.Count; a++)
            {
                var activity = original[a];
                double waits = result.Replications.Sum(r => (double)r.StepWaits[a]);
                double d = observedElapsed.GetValueOrDefault(activity.Name);
                if (activity.Pools.Count == 0 || waits == 0 || !(d > 0))
                {
                    continue;
                }

                queued[a] = result.Replications.Sum(r => r.StepWaitingSeconds[a]) / waits;
                executions[a] = waits / result.Replications.Count;
                double f = Math.Max(0, 1 - (queued[a] / d));
                changed |= Math.Abs(f - factors[a]) > 0.005;
                factors[a] = f;
            }

            if (!changed && round > 0)
            {
                break;
            }

            current = current with { Activities = [.. original.Select((x, i) => Scale(x, factors[i]))] };
        }

        var reduced = new List<string>();
        var tooFew = new List<string>();
        for (int a = 0; a < original.Count; a++)
        {
            if (factors[a] < 0.995)
            {
                reduced.Add(string.Create(CultureInfo.InvariantCulture, $"'{original[a].Name}' by {(1 - factors[a]) * 100:0.#}%"));
            }

            // Steps done a few times over the whole log would make this note say more than their data can.
            if (factors[a] == 0 && executions[a] >= 30 && queued[a] > observedElapsed.GetValueOrDefault(original[a].Name) * 1.1)
            {
                tooFew.Add(string.Create(CultureInfo.InvariantCulture, $"'{original[a].Name}' ({queued[a] / 3600:0.#} h waiting for staff against {observedElapsed.GetValueOrDefault(original[a].Name) / 3600:0.#} h observed)"));
            }
        }

        if (reduced.Count > 0)
        {
            notes.Add($"Calibration: the steps' times were shortened by the waiting for staff the model adds itself, so that together they match the log: {string.Join(", ", reduced)}.");
        }

        if (tooFew.Count > 0)
        {
            notes.Add($"Staff too few: even without any other waiting, cases wait longer for staff in the model than the log shows before {string.Join(", ", tooFew)}: the people seen working are fewer than those who did the work. Give the real staffing.");
        }

        return current;
    }

    private static ActivityModel Scale(ActivityModel activity, double factor)
    {
        if (factor >= 0.995)
        {
            return activity;
        }

        return activity with
        {
            Elapsed = activity.Elapsed?.Scaled(factor),
            ElapsedByCase = [.. activity.ElapsedByCase.Select(r => r with { Elapsed = r.Elapsed.Scaled(factor) })],
        };
    }
}
