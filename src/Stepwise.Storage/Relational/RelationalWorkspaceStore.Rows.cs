using System.Data.Common;
using System.Text.Json;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;
using Stepwise.Review.History;
using Stepwise.Review.Storage;

namespace Stepwise.Storage.Relational;

/// <summary>Row-level helpers shared by the store's methods.</summary>
public abstract partial class RelationalWorkspaceStore
{
    private ConnectionLease Lease()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new ConnectionLease(OpenConnection(), !SharesConnection);
    }

    private StoredArtefact? Find(DbConnection connection, DbTransaction? transaction, Guid reviewId, ArtefactRef artefact)
    {
        using var command = Command(connection, transaction,
            "SELECT review_id, kind, id, version, hash, json, changed_by, changed_at FROM artefacts WHERE review_id = @r AND kind = @k AND id = @id",
            ("r", Dialect.Id(reviewId)), ("k", artefact.Kind.ToString()), ("id", Dialect.Id(artefact.Id)));
        return ReadAll(command, ReadArtefact).FirstOrDefault();
    }

    private StoredArtefact ReadArtefact(DbDataReader r)
        => new(Dialect.ReadId(r, 0), new ArtefactRef(Enum.Parse<ArtefactKind>(r.GetString(1)), Dialect.ReadId(r, 2)), r.GetInt64(3), new ContentHash(r.GetString(4)), r.GetString(5), r.GetString(6), Dialect.ReadTime(r, 7));

    private void InsertArtefact(DbConnection connection, DbTransaction transaction, ArtefactWrite write)
    {
        using (var insert = Command(connection, transaction,
            "INSERT INTO artefacts (review_id, kind, id, version, hash, json, changed_by, changed_at) VALUES (@r, @k, @id, 1, @h, @j, @by, @at)",
            ("r", Dialect.Id(write.ReviewId)), ("k", write.Artefact.Kind.ToString()), ("id", Dialect.Id(write.Artefact.Id)), ("h", write.Hash.Hex), ("j", write.Json),
            ("by", write.History.By), ("at", Dialect.Time(write.History.At))))
        {
            insert.ExecuteNonQuery();
        }

        InsertVersionAndHistory(connection, transaction, write);
    }

    private void InsertVersionAndHistory(DbConnection connection, DbTransaction transaction, ArtefactWrite write)
    {
        using (var insert = Command(connection, transaction,
            "INSERT INTO artefact_versions (review_id, kind, id, version, hash, json, changed_by, changed_at) VALUES (@r, @k, @id, @v, @h, @j, @by, @at)",
            ("r", Dialect.Id(write.ReviewId)), ("k", write.Artefact.Kind.ToString()), ("id", Dialect.Id(write.Artefact.Id)), ("v", write.ExpectedVersion + 1), ("h", write.Hash.Hex),
            ("j", write.Json), ("by", write.History.By), ("at", Dialect.Time(write.History.At))))
        {
            insert.ExecuteNonQuery();
        }

        InsertHistory(connection, transaction, write.History with { Version = write.ExpectedVersion + 1 });
    }

    // Every entry links to the review's previous one (see HistoryChain); the instant is kept to the microsecond, as
    // hashed.
    private void InsertHistory(DbConnection connection, DbTransaction transaction, HistoryEntry entry)
    {
        entry = entry with { At = HistoryChain.Normalize(entry.At) };
        string changes = JsonSerializer.Serialize(entry.Changes, CanonicalJson.Options);
        Dialect.LockHistoryChain(connection, transaction, entry.ReviewId);
        string previous;
        using (var head = Command(connection, transaction, "SELECT entry_hash FROM history WHERE review_id = @r ORDER BY seq DESC LIMIT 1", ("r", Dialect.Id(entry.ReviewId))))
        {
            previous = head.ExecuteScalar() is string hash ? hash : HistoryChain.Genesis;
        }

        using var insert = Command(connection, transaction,
            "INSERT INTO history (review_id, kind, artefact_id, version, action, changed_by, changed_at, summary, changes, previous_hash, entry_hash) VALUES (@r, @k, @id, @v, @a, @by, @at, @s, @c, @p, @h)",
            ("r", Dialect.Id(entry.ReviewId)), ("k", entry.Artefact.Kind.ToString()), ("id", Dialect.Id(entry.Artefact.Id)), ("v", entry.Version), ("a", entry.Action.ToString()),
            ("by", entry.By), ("at", Dialect.Time(entry.At)), ("s", entry.Summary), ("c", changes), ("p", previous), ("h", HistoryChain.Link(previous, entry, changes)));
        insert.ExecuteNonQuery();
    }

    private IReadOnlyList<HistoryEntry> History(DbConnection connection, DbTransaction? transaction, Guid reviewId, ArtefactRef? artefact, long? afterVersion)
    {
        string sql = "SELECT seq, review_id, kind, artefact_id, version, action, changed_by, changed_at, summary, changes FROM history WHERE review_id = @r";
        var parameters = new List<(string, object?)> { ("r", Dialect.Id(reviewId)) };
        if (artefact is { } a)
        {
            sql += " AND kind = @k AND artefact_id = @id";
            parameters.Add(("k", a.Kind.ToString()));
            parameters.Add(("id", Dialect.Id(a.Id)));
        }

        if (afterVersion is { } v)
        {
            sql += " AND version > @v AND action <> 'SignedOff'";
            parameters.Add(("v", v));
        }

        using var command = Command(connection, transaction, sql + " ORDER BY seq", [.. parameters]);
        return ReadAll(command, r => new HistoryEntry(
            r.GetInt64(0),
            Dialect.ReadId(r, 1),
            new ArtefactRef(Enum.Parse<ArtefactKind>(r.GetString(2)), Dialect.ReadId(r, 3)),
            r.GetInt64(4),
            Enum.Parse<HistoryAction>(r.GetString(5)),
            r.GetString(6),
            Dialect.ReadTime(r, 7),
            r.GetString(8),
            JsonSerializer.Deserialize<List<FieldChange>>(r.GetString(9), CanonicalJson.Options) ?? []));
    }

    private ConcurrencyConflictException Conflict(DbConnection connection, Guid reviewId, ArtefactRef artefact, long expectedVersion)
    {
        var current = Find(connection, null, reviewId, artefact);
        var since = History(connection, null, reviewId, artefact, expectedVersion);
        return new ConcurrencyConflictException(artefact, expectedVersion, current?.Version ?? 0, since);
    }

    private static List<T> ReadAll<T>(DbCommand command, Func<DbDataReader, T> read)
    {
        var list = new List<T>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            list.Add(read(reader));
        }

        return list;
    }

    private readonly struct ConnectionLease(DbConnection connection, bool owned) : IDisposable
    {
        public DbConnection Connection { get; } = connection;

        public void Dispose()
        {
            if (owned)
            {
                Connection.Dispose();
            }
        }
    }
}
