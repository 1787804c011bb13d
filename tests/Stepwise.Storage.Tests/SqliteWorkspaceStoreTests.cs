using Microsoft.Data.Sqlite;
using Stepwise.Review.Storage;
using Stepwise.Storage.Sqlite;
using Stepwise.Testing;

namespace Stepwise.Storage.Tests;

/// <summary>The store contract on a SQLite workspace file in a temporary folder.</summary>
public sealed class SqliteWorkspaceStoreTests : WorkspaceStoreContract
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stepwise-sqlite-").FullName;

    private string FilePath => Path.Combine(_folder, "workspace.db");

    protected override IWorkspaceStore OpenStoreCore() => SqliteWorkspaceStore.Open(FilePath);

    protected override void ExecuteRaw(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    protected override void ExecuteBehindTriggers(string sql) => ExecuteRaw(
        "DROP TRIGGER history_no_update; DROP TRIGGER history_no_delete; DROP TRIGGER sign_offs_no_update; DROP TRIGGER sign_offs_no_delete; " + sql + ";" +
        "CREATE TRIGGER history_no_update BEFORE UPDATE ON history BEGIN SELECT RAISE(ABORT, 'history are append-only'); END;" +
        "CREATE TRIGGER history_no_delete BEFORE DELETE ON history BEGIN SELECT RAISE(ABORT, 'history are append-only'); END;" +
        "CREATE TRIGGER sign_offs_no_update BEFORE UPDATE ON sign_offs BEGIN SELECT RAISE(ABORT, 'sign_offs are append-only'); END;" +
        "CREATE TRIGGER sign_offs_no_delete BEFORE DELETE ON sign_offs BEGIN SELECT RAISE(ABORT, 'sign_offs are append-only'); END;");

    protected override string[] ImportLoopArguments() => ["sqlite", FilePath];

    protected override void AfterKill()
    {
        // The uncommitted half of the import is in the write-ahead log; reopening must roll it back.
        var wal = new FileInfo(FilePath + "-wal");
        Assert.True(wal.Exists && wal.Length > (1 << 20), $"expected a partly written import in the write-ahead log, found {(wal.Exists ? wal.Length : 0)} bytes");
    }

    public override void Dispose()
    {
        base.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Open_NewFile_UsesWriteAheadLogAndForeignKeys()
    {
        using var store = OpenStoreCore();
        using var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
        command.CommandText = "SELECT COUNT(*) FROM schema_migrations";
        Assert.Equal(4L, command.ExecuteScalar());
    }

    [Fact]
    public void Open_InAFolderThatDoesNotExist_NamesTheFolder()
    {
        string missing = System.IO.Path.Combine(_folder, "no-such-folder");
        string file = System.IO.Path.Combine(missing, "ws.db");

        var ex = Assert.Throws<DirectoryNotFoundException>(() => SqliteWorkspaceStore.Open(file));

        Assert.Equal($"The folder '{missing}' of the workspace '{file}' does not exist: create it first, or name a workspace in a folder that exists.", ex.Message);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public void LoadEventLog_ChunkRemovedBehindTheStoresBack_ClearErrorAndCheckReportsIt()
    {
        var ws = new Stepwise.Review.Workspaces.Workspace(OpenStore(), Clock, new Stepwise.Review.Common.SequentialIds());
        var review = ws.CreateReview("R", "lead", [], "lead");
        var source = ws.ImportEventLog(review.Value.Id, "t.csv", Stepwise.Review.Common.ContentHash.Of("t"u8), Testing.SyntheticLog.Create(2000, seed: 4), "{}", 2000, "lead");
        using (var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DROP TRIGGER event_log_chunks_no_delete; DELETE FROM event_log_chunks WHERE column_key = 'activities'";
            command.ExecuteNonQuery();
        }

        using var store = OpenStoreCore();
        var ex = Assert.Throws<InvalidDataException>(() => store.LoadEventLog(source.Id));
        Assert.Contains("incomplete", ex.Message);
        Assert.Contains("'activities'", ex.Message);
        Assert.Contains(store.Check().Problems, p => p.Contains(source.Id.ToString("D"), StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Open_WorkspaceOnAReadOnlyFileSystem_OpensForReadingAndWritesAreRefusedNamingIt()
    {
        Skip.If(SmallDisk.Unavailable is not null, SmallDisk.Unavailable);
        Stepwise.Review.Artefacts.Versioned<Stepwise.Review.Reviews.ProcessReview> review;
        using (var writer = OpenStoreCore())
        {
            review = new Stepwise.Review.Workspaces.Workspace(writer, Clock, new Stepwise.Review.Common.SequentialIds()).CreateReview("Help desk", "lead", [], "lead");
        }

        using var disk = SmallDisk.TryMount(4) ?? throw new InvalidOperationException("tmpfs mount failed");
        string copy = Path.Combine(disk.Folder, "workspace.db");
        File.Copy(FilePath, copy);
        disk.MakeReadOnly();

        using var store = SqliteWorkspaceStore.Open(copy);
        Assert.True(store.IsReadOnly);
        Assert.Equal(4, store.SchemaVersion);
        var reader = new Stepwise.Review.Workspaces.Workspace(store, Clock, new Stepwise.Review.Common.SequentialIds(100));
        Assert.Equal("Help desk", reader.GetReview(review.Value.Id).Value.Title);
        Assert.True(store.VerifyHistory(review.Value.Id).IsIntact);

        var refused = Assert.Throws<WorkspaceWriteRefusedException>(() => reader.Save(review.Value.Id, review.Value with { Title = "Changed" }, review.Version, "lead"));
        Assert.Equal(WriteRefusal.ReadOnly, refused.Reason);
        Assert.Contains(copy, refused.Message);
        Assert.Contains("read-only file system", refused.Message);
        Assert.Equal(["workspace.db"], Directory.GetFiles(disk.Folder).Select(Path.GetFileName));
    }

    [SkippableFact]
    public void Open_ReadOnlyFileThatNeedsMigrating_RefusedSayingWhy()
    {
        Skip.If(SmallDisk.Unavailable is not null, SmallDisk.Unavailable);
        using (OpenStoreCore())
        {
        }

        ExecuteRaw("DROP TABLE jobs; DELETE FROM schema_migrations WHERE version = 4");
        using var disk = SmallDisk.TryMount(4) ?? throw new InvalidOperationException("tmpfs mount failed");
        string copy = Path.Combine(disk.Folder, "workspace.db");
        File.Copy(FilePath, copy);
        disk.MakeReadOnly();

        var refused = Assert.Throws<WorkspaceWriteRefusedException>(() => SqliteWorkspaceStore.Open(copy));
        Assert.Contains("has schema version 3 and this Stepwise needs version 4", refused.Message);
        Assert.Contains("reading only", refused.Message);
    }

    [SkippableFact]
    public void ImportEventLog_DiskFillsUp_RefusedAsFullAndTheWorkspaceIsAsItWas()
    {
        Skip.If(SmallDisk.Unavailable is not null, SmallDisk.Unavailable);
        using var disk = SmallDisk.TryMount(2) ?? throw new InvalidOperationException("tmpfs mount failed");
        string path = Path.Combine(disk.Folder, "workspace.db");
        using (var store = SqliteWorkspaceStore.Open(path))
        {
            var ws = new Stepwise.Review.Workspaces.Workspace(store, Clock, new Stepwise.Review.Common.SequentialIds());
            var review = ws.CreateReview("Help desk", "lead", [], "lead");
            var small = ws.ImportEventLog(review.Value.Id, "small.csv", Stepwise.Review.Common.ContentHash.Of("s"u8), Testing.SyntheticLog.Create(50, seed: 1), "{}", 50, "lead");

            var refused = Assert.Throws<WorkspaceWriteRefusedException>(() =>
                ws.ImportEventLog(review.Value.Id, "big.csv", Stepwise.Review.Common.ContentHash.Of("b"u8), Testing.SyntheticLog.Create(60_000, seed: 2), "{}", 60_000, "lead"));

            Assert.Equal(WriteRefusal.Full, refused.Reason);
            Assert.Contains(path, refused.Message);
            Assert.Contains("no space left", refused.Message);
            Assert.Contains("Nothing was changed", refused.Message);
            Assert.Equal([small.Id], ws.DataSources(review.Value.Id).Select(d => d.Id));
        }

        using var reopened = SqliteWorkspaceStore.Open(path);
        var entry = Assert.Single(reopened.Reviews());
        Assert.Single(reopened.DataSources(entry.Id));
        Assert.True(reopened.Check().IsSound, string.Join("; ", reopened.Check().Problems));
        Assert.True(reopened.VerifyHistory(entry.Id).IsIntact);
        Assert.Equal(Testing.SyntheticLog.Create(50, seed: 1).EventCount, reopened.LoadEventLog(reopened.DataSources(entry.Id)[0].Id).EventCount);
    }

    [Fact]
    public void Open_SomeoneElsesSqliteDatabase_RefusedAndLeftUntouched()
    {
        using (var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE contacts (name TEXT)";
            command.ExecuteNonQuery();
        }

        var ex = Assert.Throws<InvalidDataException>(() => SqliteWorkspaceStore.Open(FilePath));
        Assert.Contains("not a Stepwise workspace", ex.Message);
        using var check = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        check.Open();
        using var tables = check.CreateCommand();
        tables.CommandText = "SELECT group_concat(name) FROM sqlite_master WHERE type = 'table'";
        Assert.Equal("contacts", tables.ExecuteScalar());
    }

    [Fact]
    public void Open_FileThatIsNotAWorkspace_ClearErrorNamingTheFile()
    {
        File.WriteAllText(FilePath, "this is a text file, not a database, and it is long enough to look like one ........................");
        var ex = Assert.Throws<InvalidDataException>(() => SqliteWorkspaceStore.Open(FilePath));
        Assert.Contains(FilePath, ex.Message);
        Assert.Contains("not a Stepwise workspace", ex.Message);
    }
}
