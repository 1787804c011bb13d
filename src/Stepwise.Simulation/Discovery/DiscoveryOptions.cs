using Stepwise.Simulation.Model;

namespace Stepwise.Simulation.Discovery;

/// <summary>How to discover a simulation model from a log. Every property has a default; set only what differs.</summary>
public sealed record DiscoveryOptions
{
    /// <summary>Default options.</summary>
    public static DiscoveryOptions Default { get; } = new();

    /// <summary>
    /// The event attribute whose values are the pools (a team or group attribute, or <c>org:resource</c>); null takes
    /// <c>org:group</c> when the log has it, else one pool of all staff.
    /// </summary>
    public string? PoolAttribute { get; init; }

    /// <summary>How many past steps decide the next one (2 keeps loops and most variants at their real frequencies).</summary>
    public int RoutingHistory { get; init; } = 2;

    /// <summary>An hour of the week is working time when at least this share of the busiest hour's events happen in it.</summary>
    public double WorkingHourThreshold { get; init; } = 0.05;

    /// <summary>The fewest executions of a step by one pool for the pool to get its own duration (when it differs).</summary>
    public int MinPoolSamples { get; init; } = 50;

    /// <summary>Capacity per pool given by the user, replacing the observed concurrency.</summary>
    public IReadOnlyDictionary<string, int> CapacityOverrides { get; init; } = new Dictionary<string, int>();

    /// <summary>Cost of one staff hour in every pool.</summary>
    public double CostPerHour { get; init; }

    /// <summary>The service level; null sets a throughput target at the log's 80th percentile, rounded up to the hour.</summary>
    public ServiceLevel? ServiceLevel { get; init; }
}
