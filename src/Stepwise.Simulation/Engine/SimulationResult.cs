using Stepwise.Simulation.Model;
using Stepwise.Simulation.Statistics;

namespace Stepwise.Simulation.Engine;

/// <summary>The replications of one model (as-is or with a scenario) and its KPIs with confidence intervals.</summary>
public sealed class SimulationResult
{
    internal SimulationResult(string name, SimulationModel model, IReadOnlyList<ReplicationResult> replications, IReadOnlyList<KpiEstimate> kpis)
    {
        Name = name;
        Model = model;
        Replications = replications;
        Kpis = kpis;
    }

    /// <summary>What to know before reading the results: staffing changes that leave hours with nobody on shift, work
    /// that is not costed.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>"as-is" or the scenario's name.</summary>
    public string Name { get; }

    /// <summary>The model simulated (with the scenario's changes applied).</summary>
    public SimulationModel Model { get; }

    /// <summary>Each replication's measurements, by index.</summary>
    public IReadOnlyList<ReplicationResult> Replications { get; }

    /// <summary>The KPIs, in a fixed order.</summary>
    public IReadOnlyList<KpiEstimate> Kpis { get; }

    /// <summary>Events processed over all replications.</summary>
    public long Events => Replications.Sum(r => r.Events);

    /// <summary>The KPI with key <paramref name="key"/>, or null.</summary>
    public KpiEstimate? Kpi(string key) => Kpis.FirstOrDefault(k => k.Key == key);

    /// <summary>Throughput times of all replications together.</summary>
    public LogHistogram PooledThroughput()
    {
        var all = new LogHistogram();
        foreach (var r in Replications)
        {
            all.Merge(r.ThroughputSeconds);
        }

        return all;
    }
}
