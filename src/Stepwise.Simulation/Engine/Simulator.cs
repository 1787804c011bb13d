using Stepwise.Simulation.Model;
using Stepwise.Simulation.Scenarios;
using Stepwise.Simulation.Statistics;

namespace Stepwise.Simulation.Engine;

/// <summary>
/// Runs replications of a model, as-is or with a scenario, in parallel. Replication i depends only on the model, the
/// scenario, the seed and i, so results are the same whatever the number of threads.
/// </summary>
public static class Simulator
{
    /// <summary>Runs <paramref name="model"/> (with <paramref name="scenario"/> applied, when given).</summary>
    /// <exception cref="SimulationFileException">The model or scenario is not valid.</exception>
    public static SimulationResult Run(SimulationModel model, SimulationOptions? options = null, Scenario? scenario = null, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= new SimulationOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Replications);
        var compiled = CompiledModel.Compile(model, scenario, options.Start ?? model.Start);
        double horizon = (options.Horizon ?? TimeSpan.FromDays(model.HorizonDays)).TotalSeconds;
        if (!(horizon > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The horizon must be longer than zero.");
        }

        var results = new ReplicationResult[options.Replications];
        int done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelism ?? Environment.ProcessorCount, CancellationToken = cancellation };
        Parallel.For(0, options.Replications, parallel, i =>
        {
            results[i] = new ReplicationRun(compiled, options.Seed, i, horizon, options.MaxDrain.TotalSeconds).Run(cancellation);
            progress?.Report((double)Interlocked.Increment(ref done) / options.Replications);
        });

        var notes = new List<string>();
        if (scenario is not null)
        {
            notes.AddRange(ScenarioCheck.Flags(scenario, model));
        }

        if (Kpis.CostNote(compiled.Model) is { } cost)
        {
            notes.Add(cost);
        }

        return new SimulationResult(scenario?.Name ?? "as-is", compiled.Model, results, Summarise(results, compiled.Model)) { Notes = notes };
    }

    /// <summary>Compares a scenario's run with the as-is run, KPI by KPI (paired by replication index).</summary>
    public static IReadOnlyList<KpiComparison> Compare(SimulationResult asIs, SimulationResult scenario)
    {
        ArgumentNullException.ThrowIfNull(asIs);
        ArgumentNullException.ThrowIfNull(scenario);
        var list = new List<KpiComparison>();
        foreach (var kpi in asIs.Kpis)
        {
            var other = scenario.Kpi(kpi.Key);
            if (other is null)
            {
                continue;
            }

            int n = Math.Min(kpi.Values.Count, other.Values.Count);
            var diffs = new double[n];
            for (int i = 0; i < n; i++)
            {
                diffs[i] = other.Values[i] - kpi.Values[i];
            }

            list.Add(new KpiComparison(kpi.Key, kpi.Label, kpi.Unit, kpi.Estimate, other.Estimate, Estimate.Of(diffs)));
        }

        return list;
    }

    private static List<KpiEstimate> Summarise(ReplicationResult[] results, SimulationModel model)
    {
        var perReplication = results.Select(r => Kpis.Of(r, model)).ToArray();
        var list = new List<KpiEstimate>();
        for (int k = 0; k < perReplication[0].Count; k++)
        {
            var values = perReplication.Select(v => v[k].Value).ToArray();
            var first = perReplication[0][k];
            list.Add(new KpiEstimate(first.Key, first.Label, first.Unit, Estimate.Of(values), values));
        }

        return list;
    }
}
