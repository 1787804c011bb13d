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

    /// <summary>How many past steps decide the next one, 1 to 8 (default: chosen from the log's paths by the Bayesian information criterion).</summary>
    public int? RoutingHistory { get; init; }

    /// <summary>Cost of one staff hour in every pool, for cost per case (default: not costed). With a model file it replaces every pool's rate.</summary>
    public double? CostPerHour { get; init; }

    /// <summary>Staff on shift per pool when the log cannot tell (pool name to people), replacing the people seen working. Discovery only.</summary>
    public IReadOnlyDictionary<string, double> Staff { get; init; } = new Dictionary<string, double>();

    /// <summary>Call records only: the calls that began from this instant.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Call records only: the calls that began before this instant.</summary>
    public DateTimeOffset? To { get; init; }

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
        if (CostPerHour is { } cost && !(cost >= 0 && double.IsFinite(cost)))
        {
            v.Add("cost_per_hour", "must be a cost of 0 or more.");
        }

        foreach (var (pool, people) in Staff ?? new Dictionary<string, double>())
        {
            if (!(people > 0 && double.IsFinite(people)))
            {
                v.Add("staff", $"'{pool}={people.ToString(System.Globalization.CultureInfo.InvariantCulture)}': a pool needs more than 0 staff (with nobody on shift its work is never done).");
            }
        }

        if (From is { } from && To is { } to && to <= from)
        {
            v.Add("to", "must be after from.");
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
        CapacityOverrides = Staff ?? new Dictionary<string, double>(),
        ServiceLevel = ServiceLevelTarget is { } t ? new Simulation.Model.ServiceLevel(ServiceLevelMeasure.Throughput, t.TotalSeconds) : null,
        Seed = Seed,
        MaxParallelism = Threads,
    };

    /// <summary>A model file's model with the service level and cost per hour of this request applied.</summary>
    public SimulationModel Adjust(SimulationModel model, ServiceLevelMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (ServiceLevelTarget is { } t)
        {
            model = model with { ServiceLevel = new Simulation.Model.ServiceLevel(model.ServiceLevel?.Measure ?? measure, t.TotalSeconds) };
        }

        if (CostPerHour is { } c)
        {
            model = model with { Pools = [.. model.Pools.Select(p => p with { CostPerHour = c })] };
        }

        return model;
    }

    /// <summary>The attribute a simulation formed its pools of staff by, read back from the discovery settings it kept
    /// (<see cref="DescribeDiscovery"/>): "pools by org:role; routing ..." gives <c>org:role</c>; null for the default
    /// grouping (org:group when the log has it, else one pool), a model file, or settings that do not say.</summary>
    public static string? PoolsByOf(string? discovery)
    {
        const string Prefix = "pools by ", Default = "org:group (one pool without it)", Next = "; routing on ";
        if (discovery is null || !discovery.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        int end = discovery.IndexOf(Next, Prefix.Length, StringComparison.Ordinal);
        string attribute = end < 0 ? string.Empty : discovery[Prefix.Length..end];
        return attribute.Length == 0 || attribute == Default ? null : attribute;
    }

    /// <summary>Discovery settings in words, kept with a simulation as evidence.</summary>
    public string DescribeDiscovery() => Model is not null
        ? $"model file {Path.GetFileName(Model)}"
        : $"pools by {(string.IsNullOrWhiteSpace(PoolsBy) ? "org:group (one pool without it)" : PoolsBy)}; routing on {(RoutingHistory is { } k ? $"the last {k} steps" : "the history the log's paths support")}; cost per staff hour {(CostPerHour is { } c ? c.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : "not costed")}" + (Staff is { Count: > 0 } ? "; staff " + string.Join(", ", Staff.Select(s => $"{s.Key}={s.Value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}")) : string.Empty) + (ServiceLevel is null ? string.Empty : $"; service level {ServiceLevel}");
}
