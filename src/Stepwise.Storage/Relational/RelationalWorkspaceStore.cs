using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Stepwise.Mining;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;
using Stepwise.Review.Data;
using Stepwise.Review.History;
using Stepwise.Review.Reviews;
using Stepwise.Review.SignOffs;
using Stepwise.Review.Storage;
using Stepwise.Storage.Logs;

namespace Stepwise.Storage.Relational;

/// <summary>
/// The storage port over a relational database: artefacts as canonical JSON with a version each (optimistic
/// concurrency by a conditional update), every version kept, and append-only history, sign-offs, data sources and
/// stored logs. Each method is one transaction. The dialect supplies what differs between databases.
/// </summary>
public abstract partial class RelationalWorkspaceStore : IWorkspaceStore
{
    private bool _disposed;

    /// <summary>Creates the store; call <see cref="Migrate"/> before use.</summary>
    protected RelationalWorkspaceStore(SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        Dialect = dialect;
    }

    /// <summary>The database's differences.</summary>
    protected SqlDialect Dialect { get; }

    /// <inheritdoc />
    public int SchemaVersion { get; private set; }

    /// <summary>An open connection; disposed by the caller unless <see cref="SharesConnection"/>.</summary>
    protected abstract DbConnection OpenConnection();

    /// <summary>Whether <see cref="OpenConnection"/> hands out one shared connection that callers must not dispose.</summary>
    protected abstract bool SharesConnection { get; }

    /// <summary>Begins a read-only transaction that sees one consistent snapshot.</summary>
    protected virtual DbTransaction BeginRead(DbConnection connection) => connection.BeginTransaction(IsolationLevel.RepeatableRead);

    /// <summary>
    /// Brings the schema up to the newest version, one transaction per migration. A workspace already at the newest
    /// version is only read, so a read-only workspace (or a database role without DDL rights) opens for reading.
    /// </summary>
    /// <exception cref="InvalidDataException">The workspace was written by a newer version of Stepwise.</exception>
    /// <exception cref="WorkspaceWriteRefusedException">The workspace needs migrating and cannot be written.</exception>
    protected void Migrate()
    {
        int newest = Dialect.Migrations[^1].Version;
        using var lease = Lease();
        var connection = lease.Connection;
        int found;
        using (var count = Command(connection, null, Dialect.SchemaTableCount))
        {
            found = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture) > 0 ? CurrentSchemaVersion(connection, null) : 0;
        }

        if (found > newest)
        {
            throw new InvalidDataException($"This workspace has schema version {found}; this version of Stepwise knows up to {newest}. Use a newer Stepwise.");
        }

        if (found == newest)
        {
            SchemaVersion = found;
            return;
        }

        string needs = found == 0 ? "is new and needs its tables created" : $"has schema version {found} and this Stepwise needs version {newest}";
        if (ReadOnlyBecause is { } because)
        {
            throw new WorkspaceWriteRefusedException(WriteRefusal.ReadOnly, $"The workspace {Where} {needs}, but it is open for reading only ({because}), so it cannot be brought up to date. {ReadOnlyAdvice}");
        }

        try
        {
            ApplyMigrations(connection);
        }
        catch (DbException ex) when (Dialect.Refusal(ex) is { } reason)
        {
            throw new WorkspaceWriteRefusedException(reason, $"The workspace {Where} {needs}, and this connection cannot bring it up to date: {Dialect.Describe(ex)}. Nothing was changed. {ReadOnlyAdvice}", ex);
        }

        if (SchemaVersion > newest)
        {
            throw new InvalidDataException($"This workspace has schema version {SchemaVersion}; this version of Stepwise knows up to {newest}. Use a newer Stepwise.");
        }
    }

    private void ApplyMigrations(DbConnection connection)
    {
        using (var transaction = connection.BeginTransaction())
        {
            Dialect.LockForMigration(connection, transaction);
            Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)");
            transaction.Commit();
        }

        foreach (var migration in Dialect.Migrations)
        {
            using var transaction = connection.BeginTransaction();
            Dialect.LockForMigration(connection, transaction);
            if (CurrentSchemaVersion(connection, transaction) >= migration.Version)
            {
                transaction.Commit();
                continue;
            }

            foreach (var statement in migration.Statements)
            {
                Execute(connection, transaction, statement);
            }

            if (migration.Backfill == MigrationBackfill.HistoryChain)
            {
                BackfillHistoryChain(connection, transaction);
            }

            foreach (var statement in migration.AfterBackfill)
            {
                Execute(connection, transaction, statement);
            }

            using var record = Command(connection, transaction, "INSERT INTO schema_migrations (version, description, applied_at) VALUES (@v, @d, @a)", ("v", migration.Version), ("d", migration.Description), ("a", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)));
            record.ExecuteNonQuery();
            transaction.Commit();
        }

        using (var transaction = connection.BeginTransaction())
        {
            SchemaVersion = CurrentSchemaVersion(connection, transaction);
            transaction.Commit();
        }
    }

    private static int CurrentSchemaVersion(DbConnection connection, DbTransaction? transaction)
    {
        using var command = Command(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private void CreateReviewCore(ReviewEntry entry, IReadOnlyList<ArtefactWrite> artefacts)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(artefacts);
        ArgumentOutOfRangeException.ThrowIfZero(artefacts.Count);
        var first = artefacts[0];
        using var lease = Lease();
        using var transaction = lease.Connection.BeginTransaction();
        try
        {
            using (var insert = Command(lease.Connection, transaction, "INSERT INTO reviews (id, type, created_at) VALUES (@id, @type, @at)",
                ("id", Dialect.Id(entry.Id)), ("type", entry.Type.ToString()), ("at", Dialect.Time(entry.CreatedAt))))
            {
                insert.ExecuteNonQuery();
            }

            foreach (var artefact in artefacts)
            {
                InsertArtefact(lease.Connection, transaction, artefact);
            }

            transaction.Commit();
        }
        catch (DbException ex) when (Dialect.IsUniqueViolation(ex))
        {
            transaction.Rollback();
            throw new ConcurrencyConflictException(first.Artefact, 0, 1, []);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<ReviewEntry> Reviews()
    {
        using var lease = Lease();
        using var command = Command(lease.Connection, null, $"SELECT id, type, created_at FROM reviews ORDER BY created_at, {Dialect.InsertionOrder}");
        return ReadAll(command, r => new ReviewEntry(Dialect.ReadId(r, 0), Enum.Parse<ReviewType>(r.GetString(1)), Dialect.ReadTime(r, 2)));
    }

    /// <inheritdoc />
    public ReviewEntry? FindReview(Guid reviewId)
    {
        using var lease = Lease();
        using var command = Command(lease.Connection, null, "SELECT id, type, created_at FROM reviews WHERE id = @id", ("id", Dialect.Id(reviewId)));
        return ReadAll(command, r => new ReviewEntry(Dialect.ReadId(r, 0), Enum.Parse<ReviewType>(r.GetString(1)), Dialect.ReadTime(r, 2))).FirstOrDefault();
    }

    /// <inheritdoc />
    public StoredArtefact? Find(Guid reviewId, ArtefactRef artefact)
    {
        using var lease = Lease();
        return Find(lease.Connection, null, reviewId, artefact);
    }

    /// <inheritdoc />
    public StoredArtefact? FindVersion(Guid reviewId, ArtefactRef artefact, long version)
    {
        using var lease = Lease();
        using var command = Command(lease.Connection, null,
            "SELECT review_id, kind, id, version, hash, json, changed_by, changed_at FROM artefact_versions WHERE review_id = @r AND kind = @k AND id = @id AND version = @v",
            ("r", Dialect.Id(reviewId)), ("k", artefact.Kind.ToString()), ("id", Dialect.Id(artefact.Id)), ("v", version));
        return ReadAll(command, ReadArtefact).FirstOrDefault();
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredArtefact> List(Guid reviewId, ArtefactKind kind)
    {
        using var lease = Lease();
        using var command = Command(lease.Connection, null,
            $"SELECT review_id, kind, id, version, hash, json, changed_by, changed_at FROM artefacts WHERE review_id = @r AND kind = @k ORDER BY {Dialect.InsertionOrder}",
            ("r", Dialect.Id(reviewId)), ("k", kind.ToString()));
        return ReadAll(command, ReadArtefact);
    }

    private StoredArtefact SaveCore(ArtefactWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var lease = Lease();
        var connection = lease.Connection;
        using (var transaction = connection.BeginTransaction())
        {
            bool saved;
            try
            {
                if (write.ExpectedVersion == 0)
                {
                    InsertArtefact(connection, transaction, write);
                    saved = true;
                }
                else
                {
                    using var update = Command(connection, transaction,
                        "UPDATE artefacts SET version = @nv, hash = @h, json = @j, changed_by = @by, changed_at = @at WHERE review_id = @r AND kind = @k AND id = @id AND version = @ev",
                        ("nv", write.ExpectedVersion + 1), ("h", write.Hash.Hex), ("j", write.Json), ("by", write.History.By), ("at", Dialect.Time(write.History.At)),
                        ("r", Dialect.Id(write.ReviewId)), ("k", write.Artefact.Kind.ToString()), ("id", Dialect.Id(write.Artefact.Id)), ("ev", write.ExpectedVersion));
                    saved = update.ExecuteNonQuery() == 1;
                    if (saved)
                    {
                        InsertVersionAndHistory(connection, transaction, write);
                    }
                }
            }
            catch (DbException ex) when (Dialect.IsUniqueViolation(ex))
            {
                saved = false;
            }

            if (saved)
            {
                transaction.Commit();
                return Find(connection, null, write.ReviewId, write.Artefact)!;
            }

            transaction.Rollback();
        }

        throw Conflict(connection, write.ReviewId, write.Artefact, write.ExpectedVersion);
    }

    private void AddSignOffCore(SignOff signOff, HistoryEntry history)
    {
        ArgumentNullException.ThrowIfNull(signOff);
        ArgumentNullException.ThrowIfNull(history);
        using var lease = Lease();
        var connection = lease.Connection;
        using (var transaction = connection.BeginTransaction())
        {
            var current = Find(connection, transaction, signOff.ReviewId, signOff.Artefact);
            if (current is not null && current.Version == signOff.Version && current.Hash == signOff.ContentHash)
            {
                InsertSignOff(connection, transaction, signOff);
                InsertHistory(connection, transaction, history);
                transaction.Commit();
                return;
            }

            transaction.Rollback();
        }

        throw Conflict(connection, signOff.ReviewId, signOff.Artefact, signOff.Version);
    }

    private void InsertSignOff(DbConnection connection, DbTransaction transaction, SignOff signOff)
    {
        using var insert = Command(connection, transaction,
            "INSERT INTO sign_offs (id, review_id, kind, artefact_id, version, hash, stakeholder_id, name, stakeholder_group, role, decision, reason, signed_at, entered_by, entered_by_user, on_behalf, on_behalf_reason) " +
            "VALUES (@id, @r, @k, @a, @v, @h, @s, @n, @g, @role, @d, @reason, @at, @eb, @ebu, @ob, @obr)",
            ("id", Dialect.Id(signOff.Id)), ("r", Dialect.Id(signOff.ReviewId)), ("k", signOff.Artefact.Kind.ToString()), ("a", Dialect.Id(signOff.Artefact.Id)),
            ("v", signOff.Version), ("h", signOff.ContentHash.Hex), ("s", Dialect.Id(signOff.StakeholderId)), ("n", signOff.Name), ("g", signOff.Group.ToString()),
            ("role", signOff.Role.ToString()), ("d", signOff.Decision.ToString()), ("reason", (object?)signOff.Reason ?? DBNull.Value), ("at", Dialect.Time(signOff.At)),
            ("eb", signOff.EnteredBy), ("ebu", signOff.EnteredByUserId is { } u ? Dialect.Id(u) : null), ("ob", signOff.OnBehalf ? 1 : 0), ("obr", signOff.OnBehalfReason));
        insert.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public IReadOnlyList<SignOff> SignOffs(Guid reviewId)
    {
        using var lease = Lease();
        using var command = Command(lease.Connection, null,
            $"SELECT id, review_id, kind, artefact_id, version, hash, stakeholder_id, name, stakeholder_group, role, decision, reason, signed_at, entered_by, entered_by_user, on_behalf, on_behalf_reason FROM sign_offs WHERE review_id = @r ORDER BY {Dialect.InsertionOrder}",
            ("r", Dialect.Id(reviewId)));
        return ReadAll(command, r => new SignOff
        {
            Id = Dialect.ReadId(r, 0),
            ReviewId = Dialect.ReadId(r, 1),
            Artefact = new ArtefactRef(Enum.Parse<ArtefactKind>(r.GetString(2)), Dialect.ReadId(r, 3)),
            Version = r.GetInt64(4),
            ContentHash = new ContentHash(r.GetString(5)),
            StakeholderId = Dialect.ReadId(r, 6),
            Name = r.GetString(7),
            Group = Enum.Parse<Review.People.StakeholderGroup>(r.GetString(8)),
            Role = Enum.Parse<Review.People.RaciRole>(r.GetString(9)),
            Decision = Enum.Parse<SignOffDecision>(r.GetString(10)),
            Reason = r.IsDBNull(11) ? null : r.GetString(11),
            At = Dialect.ReadTime(r, 12),
            EnteredBy = r.IsDBNull(13) ? null : r.GetString(13),
            EnteredByUserId = r.IsDBNull(14) ? null : Dialect.ReadId(r, 14),
            OnBehalf = Convert.ToInt64(r.GetValue(15), CultureInfo.InvariantCulture) != 0,
            OnBehalfReason = r.IsDBNull(16) ? null : r.GetString(16),
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<HistoryEntry> History(Guid reviewId, ArtefactRef? artefact = null)
    {
        using var lease = Lease();
        return History(lease.Connection, null, reviewId, artefact, afterVersion: null);
    }

    private void AddHistoryCore(HistoryEntry history)
    {
        ArgumentNullException.ThrowIfNull(history);
        using var lease = Lease();
        var connection = lease.Connection;
        using var transaction = connection.BeginTransaction();
        InsertHistory(connection, transaction, history);
        transaction.Commit();
    }

    private void AddDataSourceCore(DataSource source, EventLog? log, HistoryEntry history, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(history);
        if ((source.Kind == DataSourceKind.EventLog) != (log is not null))
        {
            throw new ArgumentException("An event-log data source needs its log, and only an event-log data source has one.", nameof(log));
        }

        // Encode before the transaction opens, so the write lock is held only while writing.
        var encoded = log is null ? default : LogCodec.Encode(log);
        using var lease = Lease();
        var connection = lease.Connection;
        using var transaction = connection.BeginTransaction();
        InsertDataSource(connection, transaction, source, log is null ? null : encoded, progress, cancellationToken);
        InsertHistory(connection, transaction, history);
        cancellationToken.ThrowIfCancellationRequested();
        transaction.Commit();
        progress?.Report(1);
    }

    private void InsertDataSource(DbConnection connection, DbTransaction transaction, DataSource source, (LogManifest Manifest, IReadOnlyList<LogColumn> Columns)? encoded, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        using (var insert = Command(connection, transaction,
            "INSERT INTO data_sources (id, review_id, kind, file_name, import_options, row_count, case_count, record_count, content_hash, imported_at, imported_by) " +
            "VALUES (@id, @r, @k, @f, @o, @rows, @cases, @records, @h, @at, @by)",
            ("id", Dialect.Id(source.Id)), ("r", Dialect.Id(source.ReviewId)), ("k", source.Kind.ToString()), ("f", source.FileName), ("o", source.ImportOptions),
            ("rows", source.Rows), ("cases", source.Cases), ("records", source.Records), ("h", source.ContentHash.Hex), ("at", Dialect.Time(source.ImportedAt)), ("by", source.ImportedBy)))
        {
            insert.ExecuteNonQuery();
        }

        if (encoded is { } e)
        {
            long bytes = e.Columns.Sum(c => (long)c.Bytes.Length);
            int chunks = e.Columns.Sum(c => ChunkCount(c.Bytes.Length));
            using (var insert = Command(connection, transaction,
                "INSERT INTO event_logs (data_source_id, manifest, byte_count, chunk_count) VALUES (@id, @m, @b, @c)",
                ("id", Dialect.Id(source.Id)), ("m", LogCodec.ManifestJson(e.Manifest)), ("b", bytes), ("c", chunks)))
            {
                insert.ExecuteNonQuery();
            }

            Dialect.WriteLogChunks(connection, transaction, source.Id, e.Columns, progress, cancellationToken);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<DataSource> DataSources(Guid reviewId)
    {
        using var lease = Lease();
        using var command = Command(lease.Connection, null,
            $"SELECT id, review_id, kind, file_name, import_options, row_count, case_count, record_count, content_hash, imported_at, imported_by FROM data_sources WHERE review_id = @r ORDER BY {Dialect.InsertionOrder}",
            ("r", Dialect.Id(reviewId)));
        return ReadAll(command, r => new DataSource
        {
            Id = Dialect.ReadId(r, 0),
            ReviewId = Dialect.ReadId(r, 1),
            Kind = Enum.Parse<DataSourceKind>(r.GetString(2)),
            FileName = r.GetString(3),
            ImportOptions = r.GetString(4),
            Rows = r.GetInt64(5),
            Cases = r.GetInt64(6),
            Records = r.GetInt64(7),
            ContentHash = new ContentHash(r.GetString(8)),
            ImportedAt = Dialect.ReadTime(r, 9),
            ImportedBy = r.GetString(10),
        });
    }

    /// <inheritdoc />
    public EventLog LoadEventLog(Guid dataSourceId, CancellationToken cancellationToken = default)
    {
        using var lease = Lease();
        var connection = lease.Connection;
        using var transaction = BeginRead(connection);
        LogManifest manifest;
        using (var command = Command(connection, transaction, "SELECT manifest FROM event_logs WHERE data_source_id = @id", ("id", Dialect.Id(dataSourceId))))
        {
            var json = command.ExecuteScalar() as string ?? throw new KeyNotFoundException($"No event log is stored for data source {dataSourceId}.");
            manifest = LogCodec.ReadManifest(json);
        }

        var columns = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var filled = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, length) in manifest.Columns)
        {
            columns[key] = new byte[length];
            filled[key] = 0;
        }

        using (var command = Command(connection, transaction, "SELECT column_key, chunk, payload FROM event_log_chunks WHERE data_source_id = @id ORDER BY column_key, chunk", ("id", Dialect.Id(dataSourceId))))
        using (var reader = command.ExecuteReader(CommandBehavior.SequentialAccess))
        {
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                string key = reader.GetString(0);
                if (!columns.TryGetValue(key, out var target))
                {
                    throw new InvalidDataException($"The stored log of data source {dataSourceId} has a chunk of unknown column '{key}'.");
                }

                int chunk = reader.GetInt32(1);
                long offset = (long)chunk * LogCodec.ChunkBytes;
                long read = reader.GetBytes(2, 0, target, (int)offset, (int)Math.Min(LogCodec.ChunkBytes, target.Length - offset));
                filled[key] += read;
            }
        }

        foreach (var (key, length) in manifest.Columns)
        {
            if (filled[key] != length)
            {
                throw new InvalidDataException($"The stored log of data source {dataSourceId} is incomplete: column '{key}' has {filled[key]} of {length} bytes.");
            }
        }

        transaction.Commit();
        return LogCodec.Decode(manifest, columns);
    }

    /// <inheritdoc />
    public WorkspaceCheck Check()
    {
        using var lease = Lease();
        var connection = lease.Connection;
        var problems = new List<string>(Dialect.IntegrityProblems(connection));
        using (var command = Command(connection, null,
            "SELECT l.data_source_id, l.chunk_count, l.byte_count, COUNT(c.chunk), COALESCE(SUM(LENGTH(c.payload)), 0) FROM event_logs l LEFT JOIN event_log_chunks c ON c.data_source_id = l.data_source_id GROUP BY l.data_source_id, l.chunk_count, l.byte_count"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                long chunks = reader.GetInt64(1), bytes = reader.GetInt64(2), haveChunks = reader.GetInt64(3), haveBytes = reader.GetInt64(4);
                if (chunks != haveChunks || bytes != haveBytes)
                {
                    problems.Add($"Stored log {Dialect.ReadId(reader, 0)} has {haveChunks} of {chunks} chunks ({haveBytes} of {bytes} bytes).");
                }
            }
        }

        using (var command = Command(connection, null, "SELECT COUNT(*) FROM event_log_chunks c WHERE NOT EXISTS (SELECT 1 FROM event_logs l WHERE l.data_source_id = c.data_source_id)"))
        {
            long orphans = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (orphans > 0)
            {
                problems.Add($"{orphans} stored log chunks belong to no log.");
            }
        }

        using (var command = Command(connection, null, "SELECT COUNT(*) FROM data_sources d WHERE d.kind = 'EventLog' AND NOT EXISTS (SELECT 1 FROM event_logs l WHERE l.data_source_id = d.id)"))
        {
            long missing = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (missing > 0)
            {
                problems.Add($"{missing} event-log data sources have no stored log.");
            }
        }

        return new WorkspaceCheck(SchemaVersion, problems);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            Dispose(true);
            GC.SuppressFinalize(this);
        }
    }

    /// <summary>Releases the store's connections.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>The number of chunks a column of <paramref name="length"/> bytes is cut into (at least one).</summary>
    protected static int ChunkCount(long length) => length == 0 ? 1 : (int)((length + LogCodec.ChunkBytes - 1) / LogCodec.ChunkBytes);

    /// <summary>A command with parameters.</summary>
    protected static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>Runs a statement.</summary>
    protected static void Execute(DbConnection connection, DbTransaction? transaction, string sql)
    {
        using var command = Command(connection, transaction, sql);
        command.ExecuteNonQuery();
    }
}
