using System.Diagnostics;
using Npgsql;
using Stepwise.Review.Common;
using Stepwise.Review.Storage;
using Stepwise.Review.Workspaces;
using Stepwise.Storage.Postgres;
using Stepwise.Storage.Testing;
using Stepwise.Testing;

namespace Stepwise.Storage.Tests;

/// <summary>
/// A PostgreSQL server whose storage fills up during an import: the workspace's tables live in a tablespace on a
/// small file system of its own (a tmpfs mounted for the test), so the server really runs out of space
/// (SQLSTATE 53100) part-way through writing the log's chunks. Needs root and the server on this machine (test.sh's
/// throwaway cluster); skipped otherwise.
/// </summary>
public sealed class PostgresDiskFullTests : IDisposable
{
    private readonly string _admin = PostgresServer.Require();
    private readonly string _schema = "f_" + Guid.NewGuid().ToString("N")[..16];
    private readonly string _tablespace = "small_" + Guid.NewGuid().ToString("N")[..12];
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private SmallDisk? _disk;

    public void Dispose()
    {
        if (_disk is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        AsAdmin($"DROP SCHEMA IF EXISTS {_schema} CASCADE");
        AsAdmin($"DROP TABLESPACE IF EXISTS {_tablespace}");
        _disk.Dispose();
    }

    [SkippableFact]
    public void ImportEventLog_ServerStorageFillsUp_RefusedAsFullAndTheWorkspaceIsAsItWas()
    {
        Skip.If(SmallDisk.Unavailable is not null, SmallDisk.Unavailable);
        string host = new NpgsqlConnectionStringBuilder(_admin).Host ?? string.Empty;
        Skip.IfNot(host is "127.0.0.1" or "localhost" || host.StartsWith('/'), "the tablespace must be a folder of the server's own machine");
        string connection = InSmallTablespace();

        Guid reviewId, small;
        using (var store = PostgresWorkspaceStore.Open(connection, _schema))
        {
            var ws = new Workspace(store, _clock, new SequentialIds());
            reviewId = ws.CreateReview("Help desk", "lead", [], "lead").Value.Id;
            small = ws.ImportEventLog(reviewId, "small.csv", ContentHash.Of("s"u8), SyntheticLog.Create(50, seed: 1), "{}", 50, "lead").Id;
            long versionBefore = ws.GetReview(reviewId).Version;

            var refused = Assert.Throws<WorkspaceWriteRefusedException>(() =>
                ws.ImportEventLog(reviewId, "big.csv", ContentHash.Of("b"u8), SyntheticLog.Create(200_000, seed: 2), "{}", 200_000, "lead"));

            Assert.Equal(WriteRefusal.Full, refused.Reason);
            Assert.Contains($"schema {_schema}", refused.Message, StringComparison.Ordinal);
            Assert.Contains("is full: could not extend file", refused.Message, StringComparison.Ordinal);
            Assert.Contains("Nothing was changed (the write was rolled back)", refused.Message, StringComparison.Ordinal);
            Assert.Equal([small], ws.DataSources(reviewId).Select(d => d.Id));
            Assert.Equal(versionBefore, ws.GetReview(reviewId).Version);
        }

        // A fresh connection sees the workspace as it was before the import: one data source, whole, and an intact chain.
        NpgsqlConnection.ClearAllPools();
        using var reopened = PostgresWorkspaceStore.Open(connection, _schema);
        Assert.Equal([small], reopened.DataSources(reviewId).Select(d => d.Id));
        Assert.True(reopened.Check().IsSound, string.Join("; ", reopened.Check().Problems));
        Assert.True(reopened.VerifyHistory(reviewId).IsIntact);
        Assert.Equal(SyntheticLog.Create(50, seed: 1).EventCount, reopened.LoadEventLog(small).EventCount);
        Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM data_sources WHERE file_name = 'big.csv'"));
    }

    // A tablespace on a 2 MB tmpfs owned by the server's account, and a connection string that creates the workspace's
    // tables in it.
    private string InSmallTablespace()
    {
        _disk = SmallDisk.TryMount(2) ?? throw new InvalidOperationException("tmpfs mount failed");
        string dataDirectory = (string)Scalar(_admin, "SHOW data_directory")!;
        using (var chown = Process.Start("chown", ["--reference=" + dataDirectory, _disk.Folder])!)
        {
            chown.WaitForExit();
            Assert.Equal(0, chown.ExitCode);
        }

        AsAdmin($"CREATE TABLESPACE {_tablespace} LOCATION '{_disk.Folder}'");
        AsAdmin($"CREATE SCHEMA {_schema}");
        return new NpgsqlConnectionStringBuilder(_admin) { SearchPath = _schema, Options = $"-c default_tablespace={_tablespace}" }.ConnectionString;
    }

    private void AsAdmin(string sql)
    {
        using var connection = new NpgsqlConnection(_admin);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
