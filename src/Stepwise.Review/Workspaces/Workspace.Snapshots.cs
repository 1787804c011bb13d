using System.Globalization;
using Stepwise.Mining;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;
using Stepwise.Review.Data;
using Stepwise.Review.History;
using Stepwise.Review.Storage;

namespace Stepwise.Review.Workspaces;

/// <summary>Reading a whole review out of the workspace, and putting one back in another workspace.</summary>
public sealed partial class Workspace
{
    /// <summary>
    /// Everything the workspace holds for a review: every version of every artefact in the order they were written,
    /// the history, sign-offs, data sources and (when <paramref name="withLogs"/>) their stored logs.
    /// </summary>
    /// <exception cref="ReviewRuleException">There is no such review.</exception>
    public ReviewSnapshot Snapshot(Guid reviewId, bool withLogs, CancellationToken cancellationToken = default)
    {
        var entry = _store.FindReview(reviewId) ?? throw new ReviewRuleException($"There is no review {reviewId}.");
        var history = _store.History(reviewId);
        var versions = new List<StoredArtefact>();
        var seen = new HashSet<(ArtefactRef, long)>();
        foreach (var h in history)
        {
            if (h.Action is HistoryAction.SignedOff or HistoryAction.Imported or HistoryAction.Reported || !seen.Add((h.Artefact, h.Version)))
            {
                continue;
            }

            versions.Add(_store.FindVersion(reviewId, h.Artefact, h.Version)
                ?? throw new InvalidDataException($"The history of review {reviewId} names {h.Artefact} version {h.Version.ToString(CultureInfo.InvariantCulture)}, which is not stored."));
        }

        var sources = _store.DataSources(reviewId);
        var logs = new Dictionary<Guid, EventLog>();
        if (withLogs)
        {
            foreach (var source in sources.Where(s => s.Kind == DataSourceKind.EventLog))
            {
                cancellationToken.ThrowIfCancellationRequested();
                logs[source.Id] = _store.LoadEventLog(source.Id, cancellationToken);
            }
        }

        return new ReviewSnapshot(entry, versions, history, _store.SignOffs(reviewId), sources, logs);
    }

    /// <summary>
    /// Puts a review read elsewhere into this workspace, unchanged, after checking that it is whole: every version's
    /// hash matches its content and the content is a valid artefact of its kind, versions run 1, 2, ... without gaps,
    /// every sign-off names a stored version with its hash, and every data source belongs to the review.
    /// </summary>
    /// <exception cref="InvalidDataException">The snapshot is not whole; the message names the first problem.</exception>
    /// <exception cref="ConcurrencyConflictException">The workspace already has a review with that id.</exception>
    public void Restore(ReviewSnapshot snapshot, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Guid reviewId = snapshot.Entry.Id;
        var latest = new Dictionary<ArtefactRef, long>();
        var hashes = new Dictionary<(ArtefactRef, long), ContentHash>();
        foreach (var v in snapshot.Versions)
        {
            string what = $"{v.Artefact} version {v.Version.ToString(CultureInfo.InvariantCulture)}";
            if (v.ReviewId != reviewId)
            {
                throw new InvalidDataException($"{what} belongs to review {v.ReviewId}, not {reviewId}.");
            }

            if (CanonicalJson.Hash(v.Json) != v.Hash)
            {
                throw new InvalidDataException($"{what}: its content does not match its hash {v.Hash.Short}; it was changed after it was exported.");
            }

            if (v.Version != latest.GetValueOrDefault(v.Artefact) + 1)
            {
                throw new InvalidDataException($"{what} follows version {latest.GetValueOrDefault(v.Artefact).ToString(CultureInfo.InvariantCulture)}; versions must run 1, 2, 3 ...");
            }

            ArtefactTypes.Check(v.Artefact.Kind, v.Json, what);
            latest[v.Artefact] = v.Version;
            hashes[(v.Artefact, v.Version)] = v.Hash;
        }

        var main = new ArtefactRef(snapshot.Entry.Type == Review.Reviews.ReviewType.Process ? ArtefactKind.Review : ArtefactKind.QualityReview, reviewId);
        if (!latest.ContainsKey(main))
        {
            throw new InvalidDataException($"The snapshot of review {reviewId} does not hold the review itself.");
        }

        foreach (var s in snapshot.SignOffs)
        {
            if (s.ReviewId != reviewId || !hashes.TryGetValue((s.Artefact, s.Version), out var signed) || signed != s.ContentHash)
            {
                throw new InvalidDataException($"The sign-off by {s.Name} names {s.Artefact} version {s.Version.ToString(CultureInfo.InvariantCulture)} with hash {s.ContentHash.Short}, which the snapshot does not hold.");
            }
        }

        foreach (var d in snapshot.DataSources)
        {
            if (d.ReviewId != reviewId)
            {
                throw new InvalidDataException($"Data source {d.FileName} belongs to review {d.ReviewId}, not {reviewId}.");
            }

            if (d.Kind == DataSourceKind.EventLog && snapshot.Logs.Count > 0 && !snapshot.Logs.ContainsKey(d.Id))
            {
                throw new InvalidDataException($"The stored log of data source {d.FileName} is missing.");
            }
        }

        _store.RestoreReview(snapshot, progress, cancellationToken);
    }
}
