using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;

namespace Stepwise.Review.Storage;

/// <summary>An artefact version as the store holds it: canonical JSON with its version, hash and author.</summary>
/// <param name="ReviewId">The review it belongs to.</param>
/// <param name="Artefact">Which artefact.</param>
/// <param name="Version">Version number (1, 2, ...).</param>
/// <param name="Hash">SHA-256 of <paramref name="Json"/>.</param>
/// <param name="Json">Canonical JSON of the content.</param>
/// <param name="ChangedBy">Who saved this version.</param>
/// <param name="ChangedAt">When.</param>
public sealed record StoredArtefact(Guid ReviewId, ArtefactRef Artefact, long Version, ContentHash Hash, string Json, string ChangedBy, DateTimeOffset ChangedAt);
