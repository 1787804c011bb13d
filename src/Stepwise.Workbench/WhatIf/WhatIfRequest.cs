using Stepwise.Simulation.Discovery;
using Stepwise.Simulation.Engine;
using Stepwise.Simulation.Model;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.WhatIf;

/// <summary>
/// How to run a what-if simulation: replications, seed, horizon, how the model is discovered (pools, routing history,
/// cost per staff hour, service level) or which model file to use, and whether to check the model against the data.
/// Field names match the command line's options (<c>routing_history</c> is <c>--routing-history</c>).
/// </summary>
public sealed record WhatIfRequest
{
    /// <summary>Replications per run, 2 to 10,000 (default 30).</summary>
    public int Replications { get; init; } = 30;

    /// <summary>The seed; the same seed gives the same results (default 1).</summary>
    public long Seed { get; init; } = 1;

    /// <summary>The simulated period, e.g. 365d (default: the model's).</summary>
    public string? Horizon { get; init; }

    /// <summary>The attribute that forms the pools of staff (default org:group when present).</summary>
    public string? PoolsBy { get; init; }

    /// <summary>How many past steps decide the next one, 1 to 8 (default 2).</summary>
    public int RoutingHistory { get; init; } = 2;

    /// <summary>Cost of one staff hour, for cost per case (default 0).</summary>
    public double CostPerHour { get; init; }

    /// <summary>The service-level target on throughput time, e.g. 5d (for call records, the answer-time target, e.g. 60s).</summary>
    public string? ServiceLevel { get; init; }

    /// <summary>Skip the check of the as-is model against the data.</summary>
    public bool NoValidation { get; init; }

    /// <summary>The most replications run at once (default one per core); results do not depend on it.</summary>
    public int? Threads { get; init; }

    /// <summary>A model file (JSON or YAML) to use instead of discovering one.</summary>
    public string? Model { get; init; }

    /// <summary>Checks every field.</summary>
    public Validation Validate()
    {
        var v = new Validation();
        v.Between("replications", Replications, 2, 10_000);
        v.Between("routing_history", RoutingHistory, 1, 8);
        v.Between("threads", Threads, 1, 1024);
        if (!(CostPerHour >= 0 && double.IsFinite(CostPerHour)))
        {
            v.Add("cost_per_hour", "must be 0 or more.");
        }

        v.Duration("horizon", Horizon, positive: true);
        v.Duration("service_level", ServiceLevel, positive: true);
        v.Text("pools_by", PoolsBy, 200, required: false).Text("model", Model, 4000, required: false);
        return v;
    }

    /// <summary>The simulation options.</summary>
    public SimulationOptions ToOptions()
    {
        var v = Validate();
        v.ThrowIfAny();
        return new SimulationOptions { Replications = Replications, Seed = Seed, Horizon = v.Duration("horizon", Horizon), MaxParallelism = Threads };
    }

    /// <summary>The service-level target, if given.</summary>
    public TimeSpan? ServiceLevelTarget => new Validation().Duration("service_level", ServiceLevel, positive: true);

    /// <summary>The options of discovering a model from an event log.</summary>
    public DiscoveryOptions ToDiscovery() => new()
    {
        PoolAttribute = string.IsNullOrWhiteSpace(PoolsBy) ? null : PoolsBy.Trim(),
        RoutingHistory = RoutingHistory,
        CostPerHour = CostPerHour,
        ServiceLevel = ServiceLevelTarget is { } t ? new Simulation.Model.ServiceLevel(ServiceLevelMeasure.Throughput, t.TotalSeconds) : null,
    };

    /// <summary>Discovery settings in words, kept with a simulation as evidence.</summary>
    public string DescribeDiscovery() => Model is not null
        ? $"model file {Path.GetFileName(Model)}"
        : $"pools by {(string.IsNullOrWhiteSpace(PoolsBy) ? "org:group (one pool without it)" : PoolsBy)}; routing on the last {RoutingHistory} steps; cost per staff hour {CostPerHour.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}" + (ServiceLevel is null ? string.Empty : $"; service level {ServiceLevel}");
}
