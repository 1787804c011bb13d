using Stepwise.Simulation.Distributions;

namespace Stepwise.Simulation.Model;

/// <summary>A step of the process: who performs it, how long it takes, what it costs, and how long a customer waits
/// for it before giving up (contact centres).</summary>
public sealed record ActivityModel
{
    /// <summary>The step's name, as in the log.</summary>
    public required string Name { get; init; }

    /// <summary>The work of one execution by the pool's staff (working time of the pool when the pool pauses off shift);
    /// for a step that needs no staff and has no <see cref="Elapsed"/>, its whole duration.</summary>
    public required Distribution Duration { get; init; }

    /// <summary>How long the step takes from when it is due to when it is done, not counting waiting for staff: waiting
    /// with the customer, a third party or a timer, and the work, together; the work (<see cref="Duration"/>, capped at
    /// this time) is the part that needs staff. Null: the step takes its work only. Used for cases no rule of
    /// <see cref="ElapsedByCase"/> applies to.</summary>
    public Distribution? Elapsed { get; init; }

    /// <summary>The time from due to done by the next step and the case's age (see <see cref="ElapsedRule"/>): the first
    /// rule naming the next step and holding the age applies, then the first rule for any next step, then
    /// <see cref="Elapsed"/>.</summary>
    public IReadOnlyList<ElapsedRule> ElapsedByCase { get; init; } = [];

    /// <summary>The pools that perform the step, with shares; empty for a step that needs no staff (automated, or a
    /// pure delay such as waiting for the customer).</summary>
    public IReadOnlyList<PoolAssignment> Pools { get; init; } = [];

    /// <summary>The share of executions (0 to 1) done by whoever did the previous step of the case, who carries on without
    /// waiting for anyone of the pool to be free (in a log, the step recorded by the same person as the one before).
    /// The rest are handed over and wait for the pool.</summary>
    public double Continuation { get; init; }

    /// <summary>How long a customer waits for this step before abandoning; null when nobody abandons.</summary>
    public Distribution? Patience { get; init; }

    /// <summary>A cost per execution on top of the staff time (e.g. the licence of an automated step).</summary>
    public double CostPerExecution { get; init; }

    /// <summary>How the duration was fitted, for the model summary.</summary>
    public string? Note { get; init; }
}
