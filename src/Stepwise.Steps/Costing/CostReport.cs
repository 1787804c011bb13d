using Stepwise.Mining.Statistics;
using Stepwise.Steps.Evidence;

namespace Stepwise.Steps.Costing;

/// <summary>Activity-based costing of a view: per step, per case and per variant, with the cost of rework and a statement
/// of how handling time was found.</summary>
/// <param name="Currency">The currency shown with costs.</param>
/// <param name="Steps">Cost per step, most costly first.</param>
/// <param name="Variants">Cost per variant, most frequent first.</param>
/// <param name="CaseSummary">The distribution of cost per case.</param>
/// <param name="CostliestCases">The most costly cases, most costly first.</param>
/// <param name="TotalCost">The cost of every instance.</param>
/// <param name="ReworkCost">The cost of repeat instances.</param>
/// <param name="Handling">The handling time of every instance and its method.</param>
/// <param name="Notes">What the user must know to read the figures (estimates, missing rates).</param>
public sealed record CostReport(
    string Currency,
    IReadOnlyList<StepCost> Steps,
    IReadOnlyList<VariantCost> Variants,
    DistributionSummary CaseSummary,
    IReadOnlyList<CaseCost> CostliestCases,
    double TotalCost,
    double ReworkCost,
    HandlingTimes Handling,
    IReadOnlyList<string> Notes)
{
    /// <summary>The cost of the step named <paramref name="name"/>, or null.</summary>
    public StepCost? Find(string name) => Steps.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));

    /// <summary>The handling-time method (every output using these costs must show it).</summary>
    public string HandlingMethod => Handling.Method;

    /// <summary>Share of the total cost spent on rework.</summary>
    public double ReworkShare => TotalCost > 0 ? ReworkCost / TotalCost : double.NaN;
}
