namespace Stepwise.Workbench.Reports;

/// <summary>How far the review evidences one criterion.</summary>
public enum EvidenceStatus
{
    /// <summary>Artefacts show it, and what must be agreed is signed off.</summary>
    Evidenced,

    /// <summary>Some evidence, but not all the criterion asks (a step not assessed, a sign-off missing).</summary>
    Partial,

    /// <summary>No evidence in the review yet.</summary>
    None,
}

/// <summary>The evidence for one criterion: the artefacts with their versions and sign-offs, and what is missing.</summary>
/// <param name="Criterion">The criterion.</param>
/// <param name="Status">Evidenced, partly, or not at all.</param>
/// <param name="Artefacts">Each artefact that evidences it, with its version (<c>the scope v2</c>).</param>
/// <param name="SignOffs">The sign-offs of those versions (<c>approved by Sam Sponsor on 2 March 2026</c>).</param>
/// <param name="Missing">What is still missing, or empty.</param>
public sealed record EvidenceLine(AssessmentCriterion Criterion, EvidenceStatus Status, IReadOnlyList<string> Artefacts, IReadOnlyList<string> SignOffs, string Missing);
