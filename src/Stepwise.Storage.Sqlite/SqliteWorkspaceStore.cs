using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Stepwise.Storage.Relational;

namespace Stepwise.Storage.Sqlite;

/// <summary>
/// A workspace in one SQLite file: write-ahead logging (readers never wait for a writer, and a killed process
/// leaves the last committed state), foreign keys on, migrations applied on open. One instance holds one
/// connection and is not thread-safe; open one per thread or process.
/// </summary>
public sealed class SqliteWorkspaceStore : RelationalWorkspaceStore
{
    private readonly SqliteConnection _connection;

    private SqliteWorkspaceStore(SqliteConnection connection)
        : base(new SqliteDialect())
    {
        _connection = connection;
    }

    /// <summary>The workspace file.</summary>
    public string Path => _connection.DataSource;

    /// <summary>Opens (creating if needed) the workspace file at <paramref name="path"/> and migrates its schema.</summary>
    /// <exception cref="InvalidDataException">The file is not a Stepwise workspace, or was written by a newer Stepwise.</exception>
    public static SqliteWorkspaceStore Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = System.IO.Path.GetFullPath(path);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            ForeignKeys = true,
            DefaultTimeout = 30,
        }.ToString());
        try
        {
            connection.Open();
            RefuseForeignDatabase(connection, full);
            Pragma(connection, "PRAGMA journal_mode = WAL");
            // FULL: a committed sign-off or import survives a power cut too, not only a crash of the process.
            Pragma(connection, "PRAGMA synchronous = FULL");
            Pragma(connection, "PRAGMA busy_timeout = 10000");
            var store = new SqliteWorkspaceStore(connection);
            store.Migrate();
            return store;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 26 or 11)
        {
            connection.Dispose();
            throw new InvalidDataException($"'{full}' is not a Stepwise workspace (SQLite says: {ex.Message}).", ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    protected override DbConnection OpenConnection() => _connection;

    /// <inheritdoc />
    protected override bool SharesConnection => true;

    /// <inheritdoc />
    protected override DbTransaction BeginRead(DbConnection connection) => _connection.BeginTransaction(IsolationLevel.Serializable, deferred: true);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _connection.Dispose();
        }
    }

    // Migrating someone else's database would write our tables into it: refuse any database that has tables but
    // no schema history of ours.
    private static void RefuseForeignDatabase(SqliteConnection connection, string path)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), SUM(name = 'schema_migrations') FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
        using var reader = command.ExecuteReader();
        reader.Read();
        if (reader.GetInt64(0) > 0 && (reader.IsDBNull(1) || reader.GetInt64(1) == 0))
        {
            throw new InvalidDataException($"'{path}' is a SQLite database but not a Stepwise workspace (it has other tables and no Stepwise schema); choose another file.");
        }
    }

    private static void Pragma(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
