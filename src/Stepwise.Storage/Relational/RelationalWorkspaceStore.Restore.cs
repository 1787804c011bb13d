using System.Data.Common;
using Stepwise.Review.Data;
using Stepwise.Review.Storage;
using Stepwise.Storage.Logs;

namespace Stepwise.Storage.Relational;

/// <summary>Putting a whole review, read from another workspace, into this one.</summary>
public abstract partial class RelationalWorkspaceStore
{
    private void RestoreReviewCore(ReviewSnapshot snapshot, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var encoded = snapshot.Logs.ToDictionary(p => p.Key, p => LogCodec.Encode(p.Value));
        using var lease = Lease();
        var connection = lease.Connection;
        using var transaction = connection.BeginTransaction();
        try
        {
            using (var insert = Command(connection, transaction, "INSERT INTO reviews (id, type, created_at) VALUES (@id, @type, @at)",
                ("id", Dialect.Id(snapshot.Entry.Id)), ("type", snapshot.Entry.Type.ToString()), ("at", Dialect.Time(snapshot.Entry.CreatedAt))))
            {
                insert.ExecuteNonQuery();
            }
        }
        catch (DbException ex) when (Dialect.IsUniqueViolation(ex))
        {
            transaction.Rollback();
            throw new ConcurrencyConflictException(new Review.Artefacts.ArtefactRef(Review.Artefacts.ArtefactKind.Review, snapshot.Entry.Id), 0, 1, []);
        }

        foreach (var v in snapshot.Versions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            (string Name, object? Value)[] values =
            [
                ("r", Dialect.Id(v.ReviewId)), ("k", v.Artefact.Kind.ToString()), ("id", Dialect.Id(v.Artefact.Id)), ("v", v.Version), ("h", v.Hash.Hex),
                ("j", v.Json), ("by", v.ChangedBy), ("at", Dialect.Time(v.ChangedAt)),
            ];
            string current = v.Version == 1
                ? "INSERT INTO artefacts (review_id, kind, id, version, hash, json, changed_by, changed_at) VALUES (@r, @k, @id, @v, @h, @j, @by, @at)"
                : "UPDATE artefacts SET version = @v, hash = @h, json = @j, changed_by = @by, changed_at = @at WHERE review_id = @r AND kind = @k AND id = @id";
            using (var write = Command(connection, transaction, current, values))
            {
                write.ExecuteNonQuery();
            }

            using var version = Command(connection, transaction,
                "INSERT INTO artefact_versions (review_id, kind, id, version, hash, json, changed_by, changed_at) VALUES (@r, @k, @id, @v, @h, @j, @by, @at)", values);
            version.ExecuteNonQuery();
        }

        foreach (var entry in snapshot.History)
        {
            InsertHistory(connection, transaction, entry);
        }

        foreach (var signOff in snapshot.SignOffs)
        {
            InsertSignOff(connection, transaction, signOff);
        }

        int done = 0;
        foreach (var source in snapshot.DataSources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var log = encoded.TryGetValue(source.Id, out var columns) ? columns : ((LogManifest, IReadOnlyList<LogColumn>)?)null;
            if (source.Kind == DataSourceKind.EventLog && log is null)
            {
                throw new ArgumentException($"The snapshot holds no stored log for data source {source.FileName}.", nameof(snapshot));
            }

            InsertDataSource(connection, transaction, source, log, null, cancellationToken);
            progress?.Report(++done / (double)Math.Max(1, snapshot.DataSources.Count));
        }

        cancellationToken.ThrowIfCancellationRequested();
        transaction.Commit();
        progress?.Report(1);
    }
}
