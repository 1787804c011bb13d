using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Stepwise.Storage.Logs;
using Stepwise.Storage.Relational;

namespace Stepwise.Storage.Sqlite;

/// <summary>SQLite: ids and instants as text, rowid order, chunks written by one prepared insert.</summary>
internal sealed class SqliteDialect : SqlDialect
{
    public override string Name => "SQLite";

    public override IReadOnlyList<Migration> Migrations => SqliteSchema.Migrations;

    public override string InsertionOrder => "rowid";

    public override object Id(Guid id) => id.ToString("D");

    public override Guid ReadId(DbDataReader reader, int ordinal) => Guid.ParseExact(reader.GetString(ordinal), "D");

    public override object Time(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal)
        => DateTimeOffset.ParseExact(reader.GetString(ordinal), "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    // SQLITE_CONSTRAINT with the primary-key or unique extended code.
    public override bool IsUniqueViolation(DbException exception)
        => exception is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 1555 or 2067 };

    // SQLITE_READONLY (8, with its extended codes) and SQLITE_FULL (13).
    public override Review.Storage.WriteRefusal? Refusal(DbException exception) => exception switch
    {
        SqliteException { SqliteErrorCode: 13 } => Review.Storage.WriteRefusal.Full,
        SqliteException { SqliteErrorCode: 8 } => Review.Storage.WriteRefusal.ReadOnly,
        _ => null,
    };

    public override string Describe(DbException exception) => exception switch
    {
        SqliteException { SqliteErrorCode: 13 } => "the disk that holds it has no space left",
        SqliteException { SqliteErrorCode: 8 } => "the file (or its folder) cannot be written",
        _ => exception.Message,
    };

    public override string SchemaTableCount => "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";

    // BEGIN IMMEDIATE already holds the database's single write lock.
    public override void LockForMigration(DbConnection connection, DbTransaction transaction)
    {
    }

    public override void WriteLogChunks(DbConnection connection, DbTransaction transaction, Guid dataSourceId, IReadOnlyList<LogColumn> columns, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        using var insert = (SqliteCommand)connection.CreateCommand();
        insert.Transaction = (SqliteTransaction)transaction;
        insert.CommandText = "INSERT INTO event_log_chunks (data_source_id, column_key, chunk, payload) VALUES (@id, @key, @chunk, @payload)";
        var id = insert.Parameters.Add("@id", SqliteType.Text);
        var key = insert.Parameters.Add("@key", SqliteType.Text);
        var number = insert.Parameters.Add("@chunk", SqliteType.Integer);
        var payload = insert.Parameters.Add("@payload", SqliteType.Blob);
        id.Value = Id(dataSourceId);
        insert.Prepare();
        long total = columns.Sum(c => (long)c.Bytes.Length), written = 0;
        foreach (var column in columns)
        {
            key.Value = column.Key;
            int chunk = 0;
            int offset = 0;
            do
            {
                cancellationToken.ThrowIfCancellationRequested();
                int length = Math.Min(LogCodec.ChunkBytes, column.Bytes.Length - offset);
                number.Value = chunk++;
                payload.Value = column.Bytes.Slice(offset, length).ToArray();
                insert.ExecuteNonQuery();
                offset += length;
                written += length;
                progress?.Report(total == 0 ? 1 : (double)written / total);
            }
            while (offset < column.Bytes.Length);
        }
    }

    public override IReadOnlyList<string> IntegrityProblems(DbConnection connection)
    {
        var problems = new List<string>();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                string line = reader.GetString(0);
                if (!string.Equals(line, "ok", StringComparison.Ordinal))
                {
                    problems.Add("SQLite integrity check: " + line);
                }
            }
        }

        command.CommandText = "PRAGMA foreign_key_check";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                problems.Add($"Row {reader.GetValue(1)} of table {reader.GetString(0)} refers to a missing row of {reader.GetString(2)}.");
            }
        }

        return problems;
    }
}
