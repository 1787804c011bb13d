using Stepwise.Steps.Compliance;
using Stepwise.Steps.Costing;
using Stepwise.Steps.Evidence;
using Stepwise.Steps.Satisfaction;
using Stepwise.Steps.Value;

namespace Stepwise.Steps.Scorecard;

/// <summary>One row of the step scorecard: a step assessed for volume, time, rework, hand-overs, cost, satisfaction and
/// compliance, with its value class and the number of questions that challenge it. The parts not assessed are null.</summary>
/// <param name="Step">The step's evidence from the log.</param>
/// <param name="Handling">Its handling time and where that comes from.</param>
/// <param name="Cost">Its cost, when rates were given.</param>
/// <param name="Satisfaction">The satisfaction gap of cases through it, when feedback was linked and the step could be tested.</param>
/// <param name="ReworkSatisfaction">The satisfaction gap of cases repeating it, when tested.</param>
/// <param name="Compliance">Its compliance, when rules are reported against it.</param>
/// <param name="Value">Its value class.</param>
/// <param name="Questions">Questions raised about it.</param>
public sealed record StepAssessment(
    StepEvidence Step,
    StepHandling Handling,
    StepCost? Cost,
    SatisfactionGap? Satisfaction,
    SatisfactionGap? ReworkSatisfaction,
    StepCompliance? Compliance,
    ValueSuggestion Value,
    int Questions)
{
    /// <summary>The step's name.</summary>
    public string Name => Step.Name;
}
