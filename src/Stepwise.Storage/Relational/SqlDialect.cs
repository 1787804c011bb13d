using System.Data.Common;
using Stepwise.Storage.Logs;

namespace Stepwise.Storage.Relational;

/// <summary>What differs between the databases: types of ids and times, ordering column, bulk load, checks.</summary>
public abstract class SqlDialect
{
    /// <summary>The name shown in messages (SQLite, PostgreSQL).</summary>
    public abstract string Name { get; }

    /// <summary>The migrations of this database's schema, in order.</summary>
    public abstract IReadOnlyList<Migration> Migrations { get; }

    /// <summary>The column that orders rows by insertion (rowid on SQLite, an identity column on PostgreSQL).</summary>
    public abstract string InsertionOrder { get; }

    /// <summary>An id as a parameter value.</summary>
    public abstract object Id(Guid id);

    /// <summary>Reads an id.</summary>
    public abstract Guid ReadId(DbDataReader reader, int ordinal);

    /// <summary>An instant as a parameter value.</summary>
    public abstract object Time(DateTimeOffset time);

    /// <summary>Reads an instant.</summary>
    public abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    /// <summary>Whether the exception is a unique-key violation.</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>Why the database refused a write, when the exception is such a refusal (read-only, no grant, full).</summary>
    public abstract Review.Storage.WriteRefusal? Refusal(DbException exception);

    /// <summary>The database's reason for a refusal, in plain words.</summary>
    public abstract string Describe(DbException exception);

    /// <summary>A query counting the tables named schema_migrations in the workspace (0 or 1), which only reads.</summary>
    public abstract string SchemaTableCount { get; }

    /// <summary>Takes the lock that serialises migrations between processes, inside <paramref name="transaction"/>.</summary>
    public abstract void LockForMigration(DbConnection connection, DbTransaction transaction);

    /// <summary>Serialises writers of one review's history chain until <paramref name="transaction"/> ends (a no-op
    /// where the database has a single writer).</summary>
    public virtual void LockHistoryChain(DbConnection connection, DbTransaction transaction, Guid reviewId)
    {
    }

    /// <summary>Writes the chunks of a stored log's columns (the bulk load).</summary>
    public abstract void WriteLogChunks(DbConnection connection, DbTransaction transaction, Guid dataSourceId, IReadOnlyList<LogColumn> columns, IProgress<double>? progress, CancellationToken cancellationToken);

    /// <summary>Database-level integrity problems (empty if none).</summary>
    public abstract IReadOnlyList<string> IntegrityProblems(DbConnection connection);
}
