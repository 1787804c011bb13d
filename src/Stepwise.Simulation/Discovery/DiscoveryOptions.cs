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

    /// <summary>How many past steps decide the next one (1 to 8); null chooses it from the paths by the Bayesian
    /// information criterion (see <see cref="RoutingOrder"/>).</summary>
    public int? RoutingHistory { get; init; }

    /// <summary>An hour of the week is working time when at least this share of the busiest hour's events happen in it
    /// (logs with start times).</summary>
    public double WorkingHourThreshold { get; init; } = 0.05;

    /// <summary>The fewest executions of a step by one pool for the pool to get its own duration (when it differs).</summary>
    public int MinPoolSamples { get; init; } = 50;

    /// <summary>Staff on shift per pool given by the user (fractions allowed), replacing what the log shows, in the
    /// hours the pool works.</summary>
    public IReadOnlyDictionary<string, double> CapacityOverrides { get; init; } = new Dictionary<string, double>();

    /// <summary>Cost of one staff hour in every pool; null when not known (the model's work is then not costed).</summary>
    public double? CostPerHour { get; init; }

    /// <summary>The service level; null sets a throughput target at the log's 80th percentile, rounded up to the hour.</summary>
    public ServiceLevel? ServiceLevel { get; init; }

    /// <summary>Logs without start times: the longest gap between a person's consecutive completions that counts as
    /// work on the second (longer gaps are breaks or other work).</summary>
    public TimeSpan MaxWorkGap { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>Logs without start times: the fewest times of a step followed by one next step for that next step to get
    /// times of its own.</summary>
    public int MinByNextStep { get; init; } = 100;

    /// <summary>Logs without start times: the fewest times of a step in one bin of case ages.</summary>
    public int MinPerAgeBin { get; init; } = 50;

    /// <summary>Logs without start times: the most bins of case ages per step and next step.</summary>
    public int MaxAgeBins { get; init; } = 10;

    /// <summary>Replications run to calibrate the steps' times against the waiting for staff the model adds (0 for none).</summary>
    public int CalibrationReplications { get; init; } = 3;

    /// <summary>The seed of the calibration runs.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>The most replications run at once while calibrating (null: one per processor; results do not depend on it).</summary>
    public int? MaxParallelism { get; init; }

    /// <summary>What is wrong with the options, naming the property, or null.</summary>
    public string? Validate()
    {
        if (RoutingHistory is { } k && (k < 1 || k > 8))
        {
            return "the routing history must be 1 to 8 steps";
        }

        foreach (var (pool, staff) in CapacityOverrides)
        {
            if (!(staff > 0) || !double.IsFinite(staff))
            {
                return $"the staff of '{pool}' must be more than 0 (a pool with nobody on shift never does its work)";
            }
        }

        if (CostPerHour is { } cost && !(cost >= 0 && double.IsFinite(cost)))
        {
            return "the cost per hour must be 0 or more";
        }

        if (MaxWorkGap <= TimeSpan.Zero || MinByNextStep < 1 || MinPerAgeBin < 1 || MaxAgeBins < 1 || CalibrationReplications < 0 || MinPoolSamples < 1)
        {
            return "the discovery settings must be positive";
        }

        return null;
    }
}
