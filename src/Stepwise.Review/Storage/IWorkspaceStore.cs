using Stepwise.Mining;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Data;
using Stepwise.Review.History;
using Stepwise.Review.SignOffs;

namespace Stepwise.Review.Storage;

/// <summary>
/// The storage port of the review domain. Implementations (SQLite, PostgreSQL) apply their schema migrations when
/// opened (never when the workspace is already up to date, so a read-only workspace opens for reading), write every
/// method atomically, and keep history, sign-offs, data sources and stored logs append-only. A write the workspace
/// refuses (read-only, no grant, disk full) throws <see cref="WorkspaceWriteRefusedException"/> and changes nothing.
/// </summary>
public interface IWorkspaceStore : IAccountStore, IJobStore, IDisposable
{
    /// <summary>The schema version of the open workspace.</summary>
    int SchemaVersion { get; }

    /// <summary>Whether the workspace was opened for reading only (a file without write permission, a database role
    /// without write grants); every write then throws <see cref="WorkspaceWriteRefusedException"/>.</summary>
    bool IsReadOnly => false;

    /// <summary>When <see cref="IsReadOnly"/>, a sentence for users: the workspace, why it is read-only and what they
    /// can do to change it; null when the workspace can be written.</summary>
    string? ReadOnlyReason => null;

    /// <summary>Creates a workspace entry together with its first artefact (one transaction).</summary>
    /// <exception cref="ConcurrencyConflictException">An entry or artefact with that id exists.</exception>
    void CreateReview(ReviewEntry entry, ArtefactWrite first) => CreateReview(entry, [first]);

    /// <summary>Creates a workspace entry together with its first artefacts (one transaction), e.g. the review and its
    /// owner's membership.</summary>
    /// <exception cref="ConcurrencyConflictException">An entry or artefact with that id exists.</exception>
    void CreateReview(ReviewEntry entry, IReadOnlyList<ArtefactWrite> artefacts);

    /// <summary>Every entry, oldest first.</summary>
    IReadOnlyList<ReviewEntry> Reviews();

    /// <summary>The entry with that id, or null.</summary>
    ReviewEntry? FindReview(Guid reviewId);

    /// <summary>The current version of an artefact, or null.</summary>
    StoredArtefact? Find(Guid reviewId, ArtefactRef artefact);

    /// <summary>A past (or the current) version of an artefact, e.g. the one a sign-off names, or null.</summary>
    StoredArtefact? FindVersion(Guid reviewId, ArtefactRef artefact, long version);

    /// <summary>The current versions of every artefact of a kind in a review, oldest first.</summary>
    IReadOnlyList<StoredArtefact> List(Guid reviewId, ArtefactKind kind);

    /// <summary>Stores a new version if the stored one is still the expected one, and its history entry.</summary>
    /// <returns>The version stored.</returns>
    /// <exception cref="ConcurrencyConflictException">The artefact changed (or exists, or is missing) since it was read.</exception>
    StoredArtefact Save(ArtefactWrite write);

    /// <summary>Adds a sign-off and its history entry, if the artefact is still at the signed version.</summary>
    /// <exception cref="ConcurrencyConflictException">The artefact changed since the signer read it.</exception>
    void AddSignOff(SignOff signOff, HistoryEntry history);

    /// <summary>Adds a history entry that records an event without a new artefact version (a report made with personal
    /// data). The review must exist.</summary>
    void AddHistory(HistoryEntry history);

    /// <summary>Every sign-off of a review, oldest first.</summary>
    IReadOnlyList<SignOff> SignOffs(Guid reviewId);

    /// <summary>The history of a review (or of one artefact of it), oldest first.</summary>
    IReadOnlyList<HistoryEntry> History(Guid reviewId, ArtefactRef? artefact = null);

    /// <summary>
    /// Recomputes the hash chain of a review's history (see <see cref="HistoryChain"/>) and names the first entry that
    /// breaks it; also reports artefact versions, sign-offs and data sources that have no history entry.
    /// </summary>
    HistoryVerification VerifyHistory(Guid reviewId);

    /// <summary>
    /// Records an imported data source and, for an event log, stores every column of the log, in one transaction:
    /// an interrupted import leaves nothing behind.
    /// </summary>
    void AddDataSource(DataSource source, EventLog? log, HistoryEntry history, IProgress<double>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>The data sources of a review, oldest first.</summary>
    IReadOnlyList<DataSource> DataSources(Guid reviewId);

    /// <summary>Loads the stored event log of a data source back into the columnar engine.</summary>
    /// <exception cref="KeyNotFoundException">No event log is stored for that data source.</exception>
    EventLog LoadEventLog(Guid dataSourceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Puts a whole review into the workspace as it was elsewhere (every artefact version, the history with its times
    /// and authors, sign-offs, data sources and stored logs), in one transaction: it completes or leaves the workspace
    /// as it was. History sequence numbers are assigned by this workspace, in the snapshot's order.
    /// </summary>
    /// <exception cref="ConcurrencyConflictException">The workspace already has a review with that id.</exception>
    void RestoreReview(ReviewSnapshot snapshot, IProgress<double>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Checks the workspace's consistency: database integrity, no orphaned or partial stored logs.</summary>
    WorkspaceCheck Check();
}
