using System.Text.Json.Serialization;
using Stepwise.Review.Artefacts;

namespace Stepwise.Web.Api.Concurrency;

/// <summary>
/// An artefact as the API sends it: its content, and the version that is its ETag, with the content hash a sign-off
/// names and who saved it when.
/// </summary>
/// <typeparam name="T">The artefact type.</typeparam>
/// <param name="Value">The content.</param>
/// <param name="Version">The version (1 for the first, one more for every change).</param>
/// <param name="ETag">The ETag to send back with <c>If-Match</c> when changing it.</param>
/// <param name="ContentHash">The SHA-256 of the version's canonical JSON.</param>
/// <param name="ChangedBy">Who saved this version.</param>
/// <param name="ChangedAt">When.</param>
public sealed record ArtefactBody<T>(T Value, long Version, [property: JsonPropertyName("etag")] string ETag, string ContentHash, string ChangedBy, DateTimeOffset ChangedAt)
    where T : IArtefact
{
    /// <summary>The body of a stored version.</summary>
    public static ArtefactBody<T> Of(Versioned<T> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new ArtefactBody<T>(stored.Value, stored.Version, ETags.Of(stored.Version), stored.Hash.Hex, stored.ChangedBy, stored.ChangedAt);
    }
}
