using Stepwise.Mining.Discovery;
using Stepwise.Steps.Compliance;
using Stepwise.Steps.Costing;
using Stepwise.Steps.Evidence;
using Stepwise.Steps.Satisfaction;
using Stepwise.Steps.Value;

namespace Stepwise.Steps.Questions;

/// <summary>Everything questions are generated from; the cost, satisfaction and compliance parts are optional.</summary>
/// <param name="Steps">The steps' evidence from the log.</param>
/// <param name="Handling">Handling times and their basis.</param>
/// <param name="Values">The value class of each step.</param>
/// <param name="Flow">The directly-follows graph of the view.</param>
/// <param name="Cost">Costs, when rates were given.</param>
/// <param name="Satisfaction">Satisfaction gaps, when feedback was linked.</param>
/// <param name="Compliance">Rule results, when rules were given.</param>
public sealed record QuestionEvidence(
    StepEvidenceSet Steps,
    HandlingTimes Handling,
    IReadOnlyList<ValueSuggestion> Values,
    DirectlyFollowsGraph Flow,
    CostReport? Cost = null,
    SatisfactionReport? Satisfaction = null,
    ComplianceReport? Compliance = null);
