using Npgsql;
using Stepwise.Review.Storage;
using Stepwise.Workbench.Hosting;

namespace Stepwise.Web.Api.Tests.Support;

/// <summary>
/// A fresh workspace for one test class: a SQLite file in a temporary folder, or a schema of its own on the PostgreSQL
/// server that test.sh starts (STEPWISE_TEST_POSTGRES). Without that server the PostgreSQL tests skip, except under CI,
/// where they fail.
/// </summary>
public abstract class TestDatabase : IDisposable
{
    /// <summary>What the database is, for test names and messages.</summary>
    public abstract string Name { get; }

    /// <summary>Opens the workspace's store (the web host owns and closes it).</summary>
    public abstract IWorkspaceStore Open();

    /// <summary>Rewrites one history entry's summary behind the store's back, lifting the append-only trigger as
    /// someone with the database owner's rights could.</summary>
    public abstract void RewriteHistorySummary(long sequence, string summary);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Removes the workspace.</summary>
    protected abstract void Dispose(bool disposing);
}

/// <summary>A SQLite workspace file in a temporary folder.</summary>
public sealed class SqliteDatabase : TestDatabase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stepwise-api-").FullName;

    /// <inheritdoc />
    public override string Name => "SQLite";

    /// <inheritdoc />
    public override IWorkspaceStore Open() => WorkspaceStores.Open(WorkspaceLocation.File(Path.Combine(_folder, "workspace.db")));

    /// <inheritdoc />
    public override void RewriteHistorySummary(long sequence, string summary)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_folder, "workspace.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DROP TRIGGER history_no_update; UPDATE history SET summary = $s WHERE seq = $q; " +
            "CREATE TRIGGER history_no_update BEFORE UPDATE ON history BEGIN SELECT RAISE(ABORT, 'history are append-only'); END;";
        command.Parameters.AddWithValue("$s", summary);
        command.Parameters.AddWithValue("$q", sequence);
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the system's temporary-file cleanup.
        }
    }
}

/// <summary>A schema of its own on the test PostgreSQL server.</summary>
public sealed class PostgresDatabase : TestDatabase
{
    private readonly string _schema = "api_" + Guid.NewGuid().ToString("N")[..12];

    /// <inheritdoc />
    public override string Name => "PostgreSQL";

    /// <summary>The server's connection string.</summary>
    public static string? ConnectionString => Environment.GetEnvironmentVariable("STEPWISE_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    /// <summary>Skips the calling test when there is no server, or fails it under CI.</summary>
    public static void Require()
    {
        if (ConnectionString is not null)
        {
            return;
        }

        const string message = "No PostgreSQL server: set STEPWISE_TEST_POSTGRES to a connection string, or run ./test.sh, which starts one.";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            throw new InvalidOperationException(message + " (CI is set, so this is a failure, not a skip.)");
        }

        Skip.If(true, message);
    }

    /// <inheritdoc />
    public override IWorkspaceStore Open() => WorkspaceStores.Open(WorkspaceLocation.Postgres(ConnectionString!, _schema));

    /// <inheritdoc />
    public override void RewriteHistorySummary(long sequence, string summary)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = _schema }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(
            "ALTER TABLE history DISABLE TRIGGER history_append_only; UPDATE history SET summary = @s WHERE seq = @q; ALTER TABLE history ENABLE TRIGGER history_append_only", connection);
        command.Parameters.AddWithValue("s", summary);
        command.Parameters.AddWithValue("q", sequence);
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (ConnectionString is null)
        {
            return;
        }

        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", connection);
        drop.ExecuteNonQuery();
    }
}
