using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using Stepwise.Storage.Logs;
using Stepwise.Storage.Relational;

namespace Stepwise.Storage.Postgres;

/// <summary>PostgreSQL: uuid and timestamptz columns, identity order, chunks bulk-loaded by binary COPY.</summary>
internal sealed class PostgresDialect : SqlDialect
{
    public override string Name => "PostgreSQL";

    public override IReadOnlyList<Migration> Migrations => PostgresSchema.Migrations;

    public override string InsertionOrder => "seq";

    public override object Id(Guid id) => id;

    public override Guid ReadId(DbDataReader reader, int ordinal) => reader.GetGuid(ordinal);

    // timestamptz keeps microseconds; the workspace clock is truncated to microseconds, so nothing is lost.
    public override object Time(DateTimeOffset time) => time.ToUniversalTime();

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public override bool IsUniqueViolation(DbException exception)
        => exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override Review.Storage.WriteRefusal? Refusal(DbException exception) => exception is PostgresException p ? p.SqlState switch
    {
        PostgresErrorCodes.InsufficientPrivilege => Review.Storage.WriteRefusal.PermissionDenied,
        PostgresErrorCodes.ReadOnlySqlTransaction => Review.Storage.WriteRefusal.ReadOnly,
        PostgresErrorCodes.DiskFull => Review.Storage.WriteRefusal.Full,
        _ => null,
    } : null;

    public override string Describe(DbException exception) => exception is PostgresException p ? p.MessageText : exception.Message;

    public override string SchemaTableCount => "SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'schema_migrations'";

    public override void LockForMigration(DbConnection connection, DbTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT pg_advisory_xact_lock(hashtext(current_schema()))";
        command.ExecuteNonQuery();
    }

    // Two transactions appending to one review's history must not both link to the same previous entry.
    public override void LockHistoryChain(DbConnection connection, DbTransaction transaction, Guid reviewId)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT pg_advisory_xact_lock(hashtextextended(@r::text, 7))";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "r";
        parameter.Value = reviewId;
        command.Parameters.Add(parameter);
        command.ExecuteNonQuery();
    }

    public override void WriteLogChunks(DbConnection connection, DbTransaction transaction, Guid dataSourceId, IReadOnlyList<LogColumn> columns, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)connection;
        long total = columns.Sum(c => (long)c.Bytes.Length), written = 0;
        using var writer = npgsql.BeginBinaryImport("COPY event_log_chunks (data_source_id, column_key, chunk, payload) FROM STDIN (FORMAT BINARY)");
        foreach (var column in columns)
        {
            int chunk = 0;
            int offset = 0;
            do
            {
                cancellationToken.ThrowIfCancellationRequested();
                int length = Math.Min(LogCodec.ChunkBytes, column.Bytes.Length - offset);
                writer.StartRow();
                writer.Write(dataSourceId, NpgsqlDbType.Uuid);
                writer.Write(column.Key, NpgsqlDbType.Text);
                writer.Write(chunk++, NpgsqlDbType.Integer);
                writer.Write(column.Bytes.Slice(offset, length).ToArray(), NpgsqlDbType.Bytea);
                offset += length;
                written += length;
                progress?.Report(total == 0 ? 1 : (double)written / total);
            }
            while (offset < column.Bytes.Length);
        }

        writer.Complete();
    }

    public override IReadOnlyList<string> IntegrityProblems(DbConnection connection) => [];
}
