using Stepwise.Review.Artefacts;

namespace Stepwise.Review.History;

/// <summary>One append-only record of a change to a review: who, when, what, and the fields before and after.</summary>
/// <param name="Sequence">Position in the workspace's history (assigned by the store; 0 before it is stored).</param>
/// <param name="ReviewId">The review changed.</param>
/// <param name="Artefact">The artefact changed.</param>
/// <param name="Version">The artefact version this change produced (or signed).</param>
/// <param name="Action">What happened.</param>
/// <param name="By">Who did it.</param>
/// <param name="At">When.</param>
/// <param name="Summary">One line for people.</param>
/// <param name="Changes">The fields changed.</param>
public sealed record HistoryEntry(
    long Sequence,
    Guid ReviewId,
    ArtefactRef Artefact,
    long Version,
    HistoryAction Action,
    string By,
    DateTimeOffset At,
    string Summary,
    IReadOnlyList<FieldChange> Changes);
