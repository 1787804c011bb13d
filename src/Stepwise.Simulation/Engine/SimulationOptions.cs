namespace Stepwise.Simulation.Engine;

/// <summary>How to run a model: replications, seed, period, parallelism.</summary>
public sealed record SimulationOptions
{
    /// <summary>Independent replications (30 by default).</summary>
    public int Replications { get; init; } = 30;

    /// <summary>The seed; replication i uses a stream derived from (seed, i) only.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>The simulated period; null takes the model's <c>horizonDays</c>.</summary>
    public TimeSpan? Horizon { get; init; }

    /// <summary>When the period starts (UTC); null takes the model's <c>start</c>.</summary>
    public DateTime? Start { get; init; }

    /// <summary>How long after the horizon cases still open are followed to their end.</summary>
    public TimeSpan MaxDrain { get; init; } = TimeSpan.FromDays(365);

    /// <summary>The most replications run at once; null for one per processor. Results do not depend on it.</summary>
    public int? MaxParallelism { get; init; }
}
