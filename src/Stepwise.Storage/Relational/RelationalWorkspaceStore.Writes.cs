using System.Data.Common;
using Stepwise.Mining;
using Stepwise.Review.Access;
using Stepwise.Review.Data;
using Stepwise.Review.History;
using Stepwise.Review.SignOffs;
using Stepwise.Review.Storage;

namespace Stepwise.Storage.Relational;

/// <summary>
/// Every write goes through here: refused at once when the workspace is open for reading only, and a write the
/// database refuses (read-only, no grant, disk full) is reported as a <see cref="WorkspaceWriteRefusedException"/>
/// naming the workspace. The database rolled the write back, so the workspace is as it was.
/// </summary>
public abstract partial class RelationalWorkspaceStore
{
    /// <inheritdoc />
    public bool IsReadOnly => ReadOnlyBecause is not null;

    /// <inheritdoc />
    public string? ReadOnlyReason => ReadOnlyBecause is { } because ? $"The workspace {Where} is open for reading only ({because}). {ReadOnlyAdvice}" : null;

    /// <summary>Why the workspace is open for reading only (null when it can be written).</summary>
    protected string? ReadOnlyBecause { get; set; }

    /// <summary>The workspace as users name it in messages: the file, or the server, database and schema.</summary>
    protected abstract string Where { get; }

    /// <summary>What a user can do when the workspace is read-only for them.</summary>
    protected abstract string ReadOnlyAdvice { get; }

    /// <inheritdoc />
    public void CreateReview(ReviewEntry entry, IReadOnlyList<ArtefactWrite> artefacts) => Writing(() => CreateReviewCore(entry, artefacts));

    /// <inheritdoc />
    public StoredArtefact Save(ArtefactWrite write) => Writing(() => SaveCore(write));

    /// <inheritdoc />
    public void AddHistory(HistoryEntry history) => Writing(() => AddHistoryCore(history));

    /// <inheritdoc />
    public void AddSignOff(SignOff signOff, HistoryEntry history) => Writing(() => AddSignOffCore(signOff, history));

    /// <inheritdoc />
    public void AddDataSource(DataSource source, EventLog? log, HistoryEntry history, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
        => Writing(() => AddDataSourceCore(source, log, history, progress, cancellationToken));

    /// <inheritdoc />
    public void RestoreReview(ReviewSnapshot snapshot, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
        => Writing(() => RestoreReviewCore(snapshot, progress, cancellationToken));

    /// <inheritdoc />
    public UserAccount SaveUser(UserAccount user) => Writing(() => SaveUserCore(user));

    /// <inheritdoc />
    public void AddToken(ApiToken token) => Writing(() => AddTokenCore(token));

    /// <inheritdoc />
    public bool RevokeToken(Guid tokenId, DateTimeOffset at) => Writing(() => RevokeTokenCore(tokenId, at));

    /// <inheritdoc />
    public void AddJob(Review.Jobs.JobRecord job) => Writing(() => AddJobCore(job));

    /// <inheritdoc />
    public bool UpdateJob(Review.Jobs.JobRecord job) => Writing(() => UpdateJobCore(job));

    /// <inheritdoc />
    public int InterruptJobs(Guid runner, DateTimeOffset at, string problemJson) => Writing(() => InterruptJobsCore(runner, at, problemJson));

    /// <inheritdoc />
    public int DeleteJobs(DateTimeOffset finishedBefore) => Writing(() => DeleteJobsCore(finishedBefore));

    private void Writing(Action write) => Writing(() =>
    {
        write();
        return true;
    });

    private T Writing<T>(Func<T> write)
    {
        if (ReadOnlyBecause is { } because)
        {
            throw new WorkspaceWriteRefusedException(WriteRefusal.ReadOnly, $"The workspace {Where} is open for reading only ({because}); nothing was changed. {ReadOnlyAdvice}");
        }

        try
        {
            return write();
        }
        catch (DbException ex) when (Dialect.Refusal(ex) is { } reason)
        {
            throw Refused(reason, ex);
        }
    }

    /// <summary>The exception that reports a write the database refused, in the user's terms.</summary>
    private WorkspaceWriteRefusedException Refused(WriteRefusal reason, DbException ex) => new(reason, reason switch
    {
        WriteRefusal.Full => $"The workspace {Where} is full: {Dialect.Describe(ex)}. Nothing was changed (the write was rolled back); free space where the workspace is kept and try again.",
        WriteRefusal.PermissionDenied => $"The workspace {Where} does not let this connection write: {Dialect.Describe(ex)}. Nothing was changed. {ReadOnlyAdvice}",
        _ => $"The workspace {Where} cannot be written: {Dialect.Describe(ex)}. Nothing was changed. {ReadOnlyAdvice}",
    }, ex);
}
