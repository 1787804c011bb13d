namespace Stepwise.Steps.Costing;

/// <summary>How much of a step's cost is known.</summary>
public enum CostCoverage
{
    /// <summary>Every instance has a labour cost (a handling time and a rate).</summary>
    Full,

    /// <summary>Some instances have no labour cost (no handling time, or nobody's rate): the cost shown is too low.</summary>
    Partial,

    /// <summary>No instance has a labour cost and the step has no fixed cost: the cost is missing, not zero.</summary>
    None,
}
