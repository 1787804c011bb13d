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
    private readonly string _connectionString;

    private SqliteWorkspaceStore(string connectionString, string path)
        : base(new SqliteDialect())
    {
        _connectionString = connectionString;
        Path = path;
    }

    /// <summary>The full path of the workspace file.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens (creating if needed) the workspace at <paramref name="path"/> and migrates it to the newest schema.
    /// Each operation takes a pooled connection of its own, so the store can be used from several threads at once
    /// (a web server): in WAL mode readers never wait for the writer, and writers queue behind the busy timeout.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a SQLite database, or a database that is not a workspace.</exception>
    public static SqliteWorkspaceStore Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = System.IO.Path.GetFullPath(path);
        string? readOnly = File.Exists(full) ? WhyReadOnly(full) : null;
        if (System.IO.Path.GetDirectoryName(full) is { } folder && !Directory.Exists(folder))
        {
            // SQLite would say only "unable to open database file" (error 14).
            throw new DirectoryNotFoundException($"The folder '{folder}' of the workspace '{full}' does not exist: create it first, or name a workspace in a folder that exists.");
        }

        try
        {
            return Open(full, readOnly, immutable: false);
        }
        catch (SqliteException ex) when (readOnly is not null && ex.SqliteErrorCode is 14 or 8)
        {
            // A workspace in WAL mode needs its shared-memory file, which cannot be created where nothing may be
            // written (a read-only folder or file system: SQLite says it cannot open the file, or, in a read-only
            // folder, that it cannot initialise the read-only WAL): read the file as it is, which nobody can change there.
            return Open(full, readOnly, immutable: true);
        }
    }

    private static SqliteWorkspaceStore Open(string full, string? readOnly, bool immutable)
    {
        string connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = immutable ? new Uri(full).AbsoluteUri + "?immutable=1" : full,
            Mode = readOnly is null ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadOnly,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = 30,
        }.ToString();
        try
        {
            using (var connection = new SqliteConnection(connectionString))
            {
                connection.Open();
                RefuseForeignDatabase(connection, full);
                if (readOnly is null)
                {
                    Pragma(connection, "PRAGMA journal_mode = WAL");
                }
            }

            var store = new SqliteWorkspaceStore(connectionString, full) { ReadOnlyBecause = readOnly };
            store.Migrate();
            return store;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 26 or 11)
        {
            throw new InvalidDataException($"'{full}' is not a Stepwise workspace (SQLite says: {ex.Message}).", ex);
        }
    }

    /// <inheritdoc />
    protected override string Where => $"'{Path}'";

    /// <inheritdoc />
    protected override string ReadOnlyAdvice => "To change it, give yourself write permission on the file and its folder (or open a copy you can write).";

    // Opening for writing is the one check that answers for permissions, read-only file systems and locks alike.
    private static string? WhyReadOnly(string path)
    {
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (UnauthorizedAccessException)
        {
            return "you have no write permission on the file";
        }
        catch (IOException ex) when (ex.Message.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase))
        {
            return "it is on a read-only file system";
        }
        catch (IOException)
        {
            return "the file cannot be opened for writing";
        }

        return FolderWritable(System.IO.Path.GetDirectoryName(path)!) ? null : "its folder cannot be written, and SQLite keeps its journal beside the file";
    }

    // Creating a file is the one check that answers for the folder's permissions and file system alike; the probe
    // has a name of its own and is gone when closed.
    private static bool FolderWritable(string folder)
    {
        try
        {
            using var probe = new FileStream(System.IO.Path.Combine(folder, $".stepwise-write-check-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            return true;
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    protected override DbConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            // FULL: a committed sign-off or import survives a power cut too, not only a crash of the process.
            Pragma(connection, "PRAGMA synchronous = FULL");
            Pragma(connection, "PRAGMA busy_timeout = 10000");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    protected override bool SharesConnection => false;

    /// <inheritdoc />
    protected override DbTransaction BeginRead(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: true);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Close the pooled connections of this file, so the file can be moved or deleted after the store is disposed.
            using var connection = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(connection);
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
