using Stepwise.Steps.Compliance;
using Stepwise.Steps.Costing;
using Stepwise.Steps.Evidence;
using Stepwise.Steps.Questions;
using Stepwise.Steps.Satisfaction;
using Stepwise.Steps.Value;

namespace Stepwise.Steps.Scorecard;

/// <summary>The result of a step review: one assessment per step and the analyses behind them.</summary>
/// <param name="Steps">One assessment per step, most frequent first.</param>
/// <param name="Evidence">The steps' evidence and the process totals.</param>
/// <param name="Handling">Handling times and their method.</param>
/// <param name="Cost">Costing, when rates were given.</param>
/// <param name="Satisfaction">Satisfaction gaps, when feedback was given.</param>
/// <param name="Compliance">Rule results, when rules were given.</param>
/// <param name="Values">The value class of each step.</param>
/// <param name="ValueAdded">The value-added share of the throughput time, with its method.</param>
/// <param name="Questions">The questions, ranked by impact, then the users' own.</param>
public sealed record StepScorecard(
    IReadOnlyList<StepAssessment> Steps,
    StepEvidenceSet Evidence,
    HandlingTimes Handling,
    CostReport? Cost,
    SatisfactionReport? Satisfaction,
    ComplianceReport? Compliance,
    IReadOnlyList<ValueSuggestion> Values,
    ValueAddedShare ValueAdded,
    IReadOnlyList<ChallengeQuestion> Questions)
{
    /// <summary>The assessment of the step named <paramref name="name"/>, or null.</summary>
    public StepAssessment? Find(string name) => Steps.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));
}
