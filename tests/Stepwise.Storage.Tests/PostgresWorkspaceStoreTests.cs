using Npgsql;
using Stepwise.Review.Storage;
using Stepwise.Storage.Postgres;
using Stepwise.Storage.Testing;

namespace Stepwise.Storage.Tests;

/// <summary>The store contract on PostgreSQL, each test in its own schema (dropped afterwards).</summary>
public sealed class PostgresWorkspaceStoreTests : WorkspaceStoreContract
{
    private readonly string _connection = PostgresServer.Require();
    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N")[..16];

    protected override IWorkspaceStore OpenStoreCore() => PostgresWorkspaceStore.Open(_connection, _schema);

    protected override void ExecuteRaw(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connection) { SearchPath = _schema }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // Someone who owns the tables (here the test's superuser) can lift the triggers; the application's role cannot.
    protected override void ExecuteBehindTriggers(string sql) => ExecuteRaw(
        "ALTER TABLE history DISABLE TRIGGER history_append_only; ALTER TABLE sign_offs DISABLE TRIGGER sign_offs_append_only; " + sql + ";" +
        "ALTER TABLE history ENABLE TRIGGER history_append_only; ALTER TABLE sign_offs ENABLE TRIGGER sign_offs_append_only;");

    protected override string[] ImportLoopArguments() => ["postgres", _connection, _schema];

    public override void Dispose()
    {
        base.Dispose();
        if (_connection.Length == 0)
        {
            return;
        }

        using var connection = new NpgsqlConnection(_connection);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP SCHEMA IF EXISTS {_schema} CASCADE";
        command.ExecuteNonQuery();
    }
}
