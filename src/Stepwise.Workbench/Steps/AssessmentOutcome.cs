using Stepwise.Steps.Scorecard;
using Stepwise.Workbench.Analyses;

namespace Stepwise.Workbench.Steps;

/// <summary>A step assessment saved in a review: the scorecard with what it was computed on, and what was saved.</summary>
/// <param name="Scorecard">The scorecard and its basis.</param>
/// <param name="Saved">What was saved.</param>
/// <param name="Warnings">Warnings from reading the inputs (skipped rows, responses that did not link).</param>
public sealed record AssessmentOutcome(Analysis<StepScorecard> Scorecard, SavedAssessment Saved, IReadOnlyList<string> Warnings);
