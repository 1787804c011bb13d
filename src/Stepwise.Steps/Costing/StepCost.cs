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
    /// <summary>Labour plus fixed cost.</summary>
    public double TotalCost => LabourCost + FixedCost;

    /// <summary>Mean cost of an instance.</summary>
    public double CostPerInstance => Instances == 0 ? double.NaN : TotalCost / Instances;
}
