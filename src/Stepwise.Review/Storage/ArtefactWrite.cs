using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;
using Stepwise.Review.History;

namespace Stepwise.Review.Storage;

/// <summary>
/// A request to store a new version of an artefact, made only if the stored version is still
/// <see cref="ExpectedVersion"/> (0: the artefact must not exist yet), together with its history entry.
/// </summary>
/// <param name="ReviewId">The review.</param>
/// <param name="Artefact">Which artefact.</param>
/// <param name="ExpectedVersion">The version the writer read (0 to create).</param>
/// <param name="Json">Canonical JSON of the new content.</param>
/// <param name="Hash">SHA-256 of <paramref name="Json"/>.</param>
/// <param name="History">The history entry written in the same transaction; its version is <c>ExpectedVersion + 1</c>.</param>
public sealed record ArtefactWrite(Guid ReviewId, ArtefactRef Artefact, long ExpectedVersion, string Json, ContentHash Hash, HistoryEntry History);
