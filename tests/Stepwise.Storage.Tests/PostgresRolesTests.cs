using Npgsql;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;
using Stepwise.Review.History;
using Stepwise.Review.People;
using Stepwise.Review.Scoping;
using Stepwise.Review.SignOffs;
using Stepwise.Review.Storage;
using Stepwise.Review.Workspaces;
using Stepwise.Storage.Postgres;
using Stepwise.Storage.Testing;

namespace Stepwise.Storage.Tests;

/// <summary>
/// A team server's roles: the owner runs migrations; the application role cannot truncate, alter, or disable the
/// triggers of the append-only tables, nor change or delete their rows; a reader opens the workspace for reading
/// only. test.sh creates the roles (stepwise_owner, stepwise_app, stepwise_reader); against another server the test
/// creates them when it may.
/// </summary>
public sealed class PostgresRolesTests : IDisposable
{
    private const string OwnerRole = "stepwise_owner", AppRole = "stepwise_app", ReaderRole = "stepwise_reader";
    private readonly string _admin = PostgresServer.Require();
    private readonly string _schema = "r_" + Guid.NewGuid().ToString("N")[..16];
    private readonly List<IDisposable> _opened = [];
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public PostgresRolesTests()
    {
        if (_admin.Length == 0)
        {
            return;
        }

        foreach (var role in new[] { OwnerRole, AppRole, ReaderRole })
        {
            AsAdmin($"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN CREATE ROLE {role} LOGIN; END IF; END $$");
        }

        AsAdmin($"CREATE SCHEMA {_schema} AUTHORIZATION {OwnerRole}");
    }

    private string As(string role) => new NpgsqlConnectionStringBuilder(_admin) { Username = role, Password = null, SearchPath = _schema }.ConnectionString;

    private PostgresWorkspaceStore Open(string role)
    {
        var store = PostgresWorkspaceStore.Open(As(role), _schema);
        _opened.Add(store);
        return store;
    }

    [SkippableFact]
    public void ApplicationRole_WritesReviewsButCannotTamperWithHistoryOrSignOffs()
    {
        Open(OwnerRole).GrantAccess(AppRole, ReaderRole);
        var app = Open(AppRole);
        Assert.False(app.IsReadOnly);
        var ws = new Workspace(app, _clock, new SequentialIds());
        var review = ws.CreateReview("Help desk", "lead", [], "lead");
        Guid id = review.Value.Id;
        var sponsor = ws.Save(id, new Stakeholder { Id = ws.NewId(), Name = "Sam", Group = StakeholderGroup.SeniorManagers, Role = RaciRole.Accountable }, 0, "lead");
        var scope = ws.Save(id, new Scope { Id = id, InScope = ["Incidents"] }, 0, "lead");
        ws.SignOff(id, new ArtefactRef(ArtefactKind.Scope, id), scope.Version, sponsor.Value.Id, SignOffDecision.Approved, null, SignOffEntry.Own("sam", null));
        ws.ImportEventLog(id, "t.csv", ContentHash.Of("t"u8), SyntheticLog.Create(30, seed: 2), "{}", 30, "lead");
        Assert.True(app.VerifyHistory(id).IsIntact);

        foreach (var table in new[] { "history", "sign_offs", "artefact_versions", "data_sources", "event_log_chunks" })
        {
            foreach (var sql in new[]
            {
                $"TRUNCATE {table} CASCADE",
                $"ALTER TABLE {table} DISABLE TRIGGER ALL",
                $"ALTER TABLE {table} DISABLE TRIGGER {table}_append_only",
                $"ALTER TABLE {table} ADD COLUMN note text",
                $"DROP TABLE {table} CASCADE",
                $"DELETE FROM {table}",
                $"UPDATE {table} SET {(table.StartsWith("event_log", StringComparison.Ordinal) ? "data_source_id" : "review_id")} = {(table.StartsWith("event_log", StringComparison.Ordinal) ? "data_source_id" : "review_id")}",
            })
            {
                var refused = Assert.Throws<PostgresException>(() => Run(As(AppRole), sql));
                Assert.True(refused.SqlState is PostgresErrorCodes.InsufficientPrivilege, $"{sql}: {refused.SqlState} {refused.MessageText}");
            }
        }

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, Assert.Throws<PostgresException>(() => Run(As(AppRole), "CREATE TABLE history_copy (x int)")).SqlState);
        Assert.True(Open(AppRole).VerifyHistory(id).IsIntact);
        Assert.Single(Open(AppRole).SignOffs(id));
    }

    [SkippableFact]
    public void ApplicationRole_RecordsJobsAsTheyChangeAndDeletesThemAfterRetention()
    {
        Open(OwnerRole).GrantAccess(AppRole, ReaderRole);
        var app = Open(AppRole);
        var ids = new SequentialIds();
        var job = new Review.Jobs.JobRecord
        {
            Id = ids.Next(), OwnerId = ids.Next(), Kind = "import", Description = "Import of t.csv", Runner = ids.Next(),
            State = Review.Jobs.JobState.Running, CreatedAt = _clock.GetUtcNow(),
        };
        app.AddJob(job);
        Assert.True(app.UpdateJob(job with { Progress = 0.5 }));
        Assert.Equal(1, app.InterruptJobs(ids.Next(), _clock.GetUtcNow(), "{}"));
        Assert.Equal(1, app.DeleteJobs(_clock.GetUtcNow().AddSeconds(1)));
        Assert.Empty(app.Jobs());

        var refused = Assert.Throws<WorkspaceWriteRefusedException>(() => Open(ReaderRole).AddJob(job));
        Assert.Equal(WriteRefusal.ReadOnly, refused.Reason);
    }

    [SkippableFact]
    public void ReaderRole_OpensForReadingAndWritesAreRefusedNamingTheWorkspace()
    {
        var owner = Open(OwnerRole);
        owner.GrantAccess(AppRole, ReaderRole);
        var created = new Workspace(Open(AppRole), _clock, new SequentialIds()).CreateReview("Help desk", "lead", [], "lead");

        var reader = Open(ReaderRole);
        Assert.True(reader.IsReadOnly);
        Assert.Equal(4, reader.SchemaVersion);
        var ws = new Workspace(reader, _clock, new SequentialIds(100));
        Assert.Equal("Help desk", ws.GetReview(created.Value.Id).Value.Title);
        Assert.True(reader.VerifyHistory(created.Value.Id).IsIntact);

        var refused = Assert.Throws<WorkspaceWriteRefusedException>(() => ws.Save(created.Value.Id, created.Value with { Title = "Changed" }, created.Version, "reader"));
        Assert.Equal(WriteRefusal.ReadOnly, refused.Reason);
        Assert.Contains($"schema {_schema}, as {ReaderRole}", refused.Message);
        Assert.Contains("reading only", refused.Message);
        Assert.Contains("nothing was changed", refused.Message);
        Assert.Equal(created.Version, ws.GetReview(created.Value.Id).Version);
    }

    [SkippableFact]
    public void ApplicationRole_WorkspaceNeedingAMigration_RefusedWithWhoCanMigrate()
    {
        Open(OwnerRole).GrantAccess(AppRole);
        Run(As(OwnerRole), $"DROP TABLE {_schema}.jobs; DELETE FROM {_schema}.schema_migrations WHERE version = 4");

        var refused = Assert.Throws<WorkspaceWriteRefusedException>(() => Open(AppRole));
        Assert.Contains("has schema version 3 and this Stepwise needs version 4", refused.Message);
        Assert.Contains("owner role", refused.Message);
    }

    private void AsAdmin(string sql) => Run(_admin, sql);

    private static void Run(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var store in _opened)
        {
            store.Dispose();
        }

        if (_admin.Length > 0)
        {
            NpgsqlConnection.ClearAllPools();
            AsAdmin($"DROP SCHEMA IF EXISTS {_schema} CASCADE");
        }
    }
}
