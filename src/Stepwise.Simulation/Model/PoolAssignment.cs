using Stepwise.Simulation.Distributions;

namespace Stepwise.Simulation.Model;

/// <summary>A pool that performs a share of a step's executions, with its own duration where it differs.</summary>
/// <param name="Pool">The pool's name.</param>
/// <param name="Share">The share of the step's executions this pool performs (shares of a step add up to 1).</param>
/// <param name="Duration">The duration when this pool performs the step; null uses the step's duration.</param>
public sealed record PoolAssignment(string Pool, double Share, Distribution? Duration = null);
