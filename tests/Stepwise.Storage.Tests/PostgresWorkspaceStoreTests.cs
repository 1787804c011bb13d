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

    [SkippableFact]
    public void History_UpdatedBehindTheStoresBack_RefusedByTheDatabase()
    {
        using var store = OpenStoreCore();
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connection) { SearchPath = _schema }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO reviews (id, type, created_at) VALUES (gen_random_uuid(), 'Process', now()) RETURNING id";
        var id = (Guid)command.ExecuteScalar()!;
        command.CommandText = $"INSERT INTO history (review_id, kind, artefact_id, version, action, changed_by, changed_at, summary, changes) VALUES ('{id}','Review','{id}',1,'Created','a',now(),'s','[]')";
        command.ExecuteNonQuery();
        command.CommandText = "UPDATE history SET summary = 'rewritten'";
        var ex = Assert.Throws<PostgresException>(() => command.ExecuteNonQuery());
        Assert.Contains("append-only", ex.Message);
    }
}
