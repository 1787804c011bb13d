using Stepwise.Steps.Evidence;

namespace Stepwise.Steps.Costing;

/// <summary>The cost of one step.</summary>
/// <param name="Activity">The activity id.</param>
/// <param name="Name">The activity name.</param>
/// <param name="Instances">Instances of the step.</param>
/// <param name="Handling">The step's handling time and where it comes from.</param>
/// <param name="LabourCost">Handling hours times the hourly rate of whoever did each instance.</param>
/// <param name="FixedCost">Fixed cost per instance times instances.</param>
/// <param name="InstancesWithoutTime">Instances whose handling time is unknown (no labour cost counted).</param>
/// <param name="InstancesWithoutRate">Instances with a handling time but no rate (no labour cost counted).</param>
/// <param name="ReworkInstances">Instances beyond the first within a case.</param>
/// <param name="ReworkCost">The cost of those repeat instances.</param>
/// <param name="Share">Share of the total cost of all steps.</param>
public sealed record StepCost(
    int Activity,
    string Name,
    long Instances,
    StepHandling Handling,
    double LabourCost,
    double FixedCost,
    long InstancesWithoutTime,
    long InstancesWithoutRate,
    long ReworkInstances,
    double ReworkCost,
    double Share)
{
    /// <summary>The cost of the repeat instances that come back to the step after another step (rework), leaving out
    /// those straight after itself (NaN when the step is not costed).</summary>
    public double ReturnCost { get; init; }

    /// <summary>Whether the step's cost is known for every instance, some, or none.</summary>
    public CostCoverage Coverage => InstancesWithoutTime + InstancesWithoutRate == 0
        ? CostCoverage.Full
        : InstancesWithoutTime + InstancesWithoutRate < Instances || FixedCost > 0 ? CostCoverage.Partial : CostCoverage.None;

    /// <summary>Labour plus fixed cost; NaN when the step is not costed at all (<see cref="CostCoverage.None"/>): a missing
    /// figure is not a cost of zero.</summary>
    public double TotalCost => Coverage == CostCoverage.None ? double.NaN : LabourCost + FixedCost;

    /// <summary>Mean cost of an instance (NaN when not costed).</summary>
    public double CostPerInstance => Instances == 0 ? double.NaN : TotalCost / Instances;

    /// <summary>What would cost the instances that have no cost yet, in a sentence (null when every instance is costed).</summary>
    public string? HowToCost
    {
        get
        {
            if (Coverage == CostCoverage.Full)
            {
                return null;
            }

            var ways = new List<string>();
            if (InstancesWithoutTime > 0)
            {
                ways.Add($"a standard time for '{Name}' (the log gives no handling time for {InstancesWithoutTime:N0} of its instances)");
            }

            if (InstancesWithoutRate > 0)
            {
                ways.Add($"a rate for whoever did {InstancesWithoutRate:N0} of its instances, or a default rate");
            }

            return "To cost it, give " + string.Join(" and ", ways) + ".";
        }
    }
}
