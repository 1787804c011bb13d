using Stepwise.Review.Common;

namespace Stepwise.Review.Artefacts;

/// <summary>An artefact as stored: its value, version number, version hash and who last changed it when.</summary>
/// <typeparam name="T">The artefact type.</typeparam>
/// <param name="Value">The content.</param>
/// <param name="Version">1 for the first version, incremented by every change.</param>
/// <param name="Hash">SHA-256 of the canonical JSON of <paramref name="Value"/>.</param>
/// <param name="ChangedBy">Who saved this version.</param>
/// <param name="ChangedAt">When this version was saved.</param>
public sealed record Versioned<T>(T Value, long Version, ContentHash Hash, string ChangedBy, DateTimeOffset ChangedAt)
    where T : IArtefact;
