using Stepwise.Simulation.Distributions;

namespace Stepwise.Simulation.Model;

/// <summary>A step of the process: who performs it, how long it takes, what it costs, and how long a customer waits
/// for it before giving up (contact centres).</summary>
public sealed record ActivityModel
{
    /// <summary>The step's name, as in the log.</summary>
    public required string Name { get; init; }

    /// <summary>The duration of one execution (working time of the pool when the pool pauses off shift).</summary>
    public required Distribution Duration { get; init; }

    /// <summary>The pools that perform the step, with shares; empty for a step that needs no staff (automated, or a
    /// pure delay such as waiting for the customer).</summary>
    public IReadOnlyList<PoolAssignment> Pools { get; init; } = [];

    /// <summary>How long a customer waits for this step before abandoning; null when nobody abandons.</summary>
    public Distribution? Patience { get; init; }

    /// <summary>A cost per execution on top of the staff time (e.g. the licence of an automated step).</summary>
    public double CostPerExecution { get; init; }

    /// <summary>How the duration was fitted, for the model summary.</summary>
    public string? Note { get; init; }
}
