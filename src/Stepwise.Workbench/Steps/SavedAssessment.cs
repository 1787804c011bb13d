namespace Stepwise.Workbench.Steps;

/// <summary>What saving a step assessment in a review did.</summary>
/// <param name="StepsCreated">Steps added to the review.</param>
/// <param name="StepsClassified">Steps whose value class was set (they were unclassified).</param>
/// <param name="Assessments">Assessments saved (one per step and aspect; a new version when re-run).</param>
/// <param name="Questions">Challenge questions saved or changed.</param>
/// <param name="Answers">Answers from the question book added.</param>
/// <param name="Options">Improvement options from the question book saved or changed.</param>
/// <param name="Warnings">What was not saved and why.</param>
public sealed record SavedAssessment(int StepsCreated, int StepsClassified, int Assessments, int Questions, int Answers, int Options, IReadOnlyList<string> Warnings);
