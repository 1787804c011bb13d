using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Stepwise.Review.Common;

namespace Stepwise.Review.History;

/// <summary>
/// The hash chain that makes a review's history tamper-evident. Each entry's hash is the SHA-256 of the previous
/// entry's hash and of every field of the entry as stored (review, artefact, version, action, who, when to the
/// microsecond, summary and the changes' JSON text), each field length-prefixed so that no two entries encode alike.
/// The first entry of a review follows <see cref="Genesis"/>. The history's sequence number is not hashed: a review
/// moved to another workspace is renumbered there but keeps its chain.
/// </summary>
public static class HistoryChain
{
    /// <summary>What the first entry of a review follows: 64 zeros.</summary>
    public static string Genesis { get; } = new('0', 64);

    /// <summary>The instant as the chain hashes it (UTC, whole microseconds): what every store keeps exactly.</summary>
    public static DateTimeOffset Normalize(DateTimeOffset at)
    {
        long ticks = at.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }

    /// <summary>The hash of an entry that follows <paramref name="previous"/>.</summary>
    /// <param name="previous">The previous entry's hash (or <see cref="Genesis"/>).</param>
    /// <param name="entry">The entry (its sequence number is ignored).</param>
    /// <param name="changesJson">The entry's changes exactly as stored.</param>
    public static string Link(string previous, HistoryEntry entry, string changesJson)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(changesJson);
        var buffer = new StringBuilder(256 + entry.Summary.Length + changesJson.Length);
        foreach (string field in new[]
        {
            "stepwise-history-1",
            previous,
            entry.ReviewId.ToString("D"),
            entry.Artefact.Kind.ToString(),
            entry.Artefact.Id.ToString("D"),
            entry.Version.ToString(CultureInfo.InvariantCulture),
            entry.Action.ToString(),
            entry.By,
            Normalize(entry.At).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            entry.Summary,
            changesJson,
        })
        {
            buffer.Append(Encoding.UTF8.GetByteCount(field).ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(buffer.ToString())));
    }

    /// <summary>
    /// Walks a review's history as stored, oldest first, and reports the first entry that breaks the chain: one whose
    /// content no longer matches its hash (changed after it was written) or that does not follow the entry before it
    /// (an entry removed, inserted or reordered).
    /// </summary>
    /// <param name="reviewId">The review.</param>
    /// <param name="entries">Each entry with its changes' JSON text, previous hash and hash as stored (null when missing).</param>
    /// <param name="problems">Other inconsistencies the store found (e.g. a current version with no history entry).</param>
    public static HistoryVerification Verify(Guid reviewId, IEnumerable<StoredHistoryLink> entries, IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(problems);
        string expectedPrevious = Genesis;
        long count = 0;
        HistoryBreak? first = null;
        foreach (var link in entries)
        {
            count++;
            if (first is not null)
            {
                continue;
            }

            string? problem = null;
            if (link.Hash is null || link.Previous is null)
            {
                problem = "it has no chain hash (written without one, or the hash was removed)";
            }
            else if (!string.Equals(link.Previous, expectedPrevious, StringComparison.Ordinal))
            {
                problem = count == 1
                    ? "it is not the first entry of the review's chain (entries before it were removed)"
                    : "it does not follow the entry before it (an entry was removed, inserted or reordered before it)";
            }
            else if (!string.Equals(Link(link.Previous, link.Entry, link.ChangesJson), link.Hash, StringComparison.Ordinal))
            {
                problem = "its content does not match its hash (it was changed after it was written)";
            }

            if (problem is not null)
            {
                first = new HistoryBreak(link.Entry, problem);
            }
            else
            {
                expectedPrevious = link.Hash!;
            }
        }

        return new HistoryVerification(reviewId, count, first is null ? (count == 0 ? null : expectedPrevious) : null, first, problems);
    }
}
