using Stepwise.Simulation.Distributions;

namespace Stepwise.Simulation.Model;

/// <summary>
/// How long a step takes for cases of a given age going on to a given step, from when it is due (the previous step
/// ended) to when it is done, not counting waiting for staff: the time with the customer, a third party, a timer or in a
/// pile, and the staff's work, together, as a log without start times shows them. The step's work (its
/// <see cref="ActivityModel.Duration"/>) is the part of it that needs staff. The time depends on where the case
/// stands (a case that has already waited long is often near a fixed deadline; a quick case tends to stay quick) and
/// on what comes next (a case about to end differs from one going on), so a discovered model keeps them apart: drawing
/// one distribution for every case spreads throughput times far more than logs show.
/// </summary>
public sealed record ElapsedRule
{
    /// <summary>The step that follows in the case (<see cref="RoutingModel.End"/> for the end of the case); null for
    /// any step not named by another rule of the same step.</summary>
    public string? Next { get; init; }

    /// <summary>The youngest case age the rule applies to: seconds from the end of the case's first step to when this
    /// step becomes due.</summary>
    public double AgeFrom { get; init; }

    /// <summary>The age from which the rule no longer applies (seconds); null for no upper bound.</summary>
    public double? AgeTo { get; init; }

    /// <summary>The time from due to done, without waiting for staff (seconds).</summary>
    public required Distribution Elapsed { get; init; }

    /// <summary>For these cases, the share of executions done by whoever did the previous step, who carries on without
    /// waiting for the pool (quick cases are mostly one person's); null takes the step's
    /// <see cref="ActivityModel.Continuation"/>.</summary>
    public double? Continuation { get; init; }
}
