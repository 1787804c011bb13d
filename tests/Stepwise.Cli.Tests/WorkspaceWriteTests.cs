using System.Text.Json;
using Stepwise.Testing;

namespace Stepwise.Cli.Tests;

/// <summary>A workspace that cannot be written: read-only, full, or a database role without write grants.</summary>
public sealed class WorkspaceWriteTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stepwise-cli-write-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int ExitCode, string Output, string Error) Run(string workspace, params string[] args)
        => CliRunner.Run(["review", .. args, "--workspace", workspace, "--by", "lead"]);

    private static string CreateReview(string workspace)
    {
        Assert.Equal(0, Run(workspace, "init").ExitCode);
        var (code, output, error) = Run(workspace, "create", "--title", "Help desk", "--owner", "lead", "--format", "json");
        Assert.True(code == 0, error);
        return JsonDocument.Parse(output).RootElement.GetProperty("id").GetString()!;
    }

    [SkippableFact]
    public void Import_RealLogOntoAFullDisk_Exit8NamingTheWorkspaceAndNothingImported()
    {
        Skip.If(SmallDisk.Unavailable is not null, SmallDisk.Unavailable);
        using var disk = SmallDisk.TryMount(1) ?? throw new InvalidOperationException("tmpfs mount failed");
        string workspace = Path.Combine(disk.Folder, "team.db");
        string id = CreateReview(workspace);

        var (code, _, error) = Run(workspace, "import", id, SharedData.PathOf("eventlogs/bpic2013_incidents.xes.gz"));

        Assert.Equal(8, code);
        Assert.Contains($"The workspace '{workspace}' is full", error);
        Assert.Contains("Nothing was changed", error);
        Assert.DoesNotContain("SQLite Error", error);
        var data = Run(workspace, "data", id, "--format", "json");
        Assert.Equal(0, data.ExitCode);
        Assert.Equal(0, JsonDocument.Parse(data.Output).RootElement.GetArrayLength());
        Assert.Equal(0, Run(workspace, "verify", id).ExitCode);
    }

    [SkippableFact]
    public void Show_WorkspaceOnAReadOnlyFileSystem_ReadsAndAChangeExits8()
    {
        Skip.If(SmallDisk.Unavailable is not null, SmallDisk.Unavailable);
        string original = Path.Combine(_folder, "team.db");
        string id = CreateReview(original);
        using var disk = SmallDisk.TryMount(4) ?? throw new InvalidOperationException("tmpfs mount failed");
        string workspace = Path.Combine(disk.Folder, "team.db");
        File.Copy(original, workspace);
        disk.MakeReadOnly();

        var show = Run(workspace, "show", id, "--format", "json");
        var change = Run(workspace, "scope", id, "--end", "Closed");

        Assert.True(show.ExitCode == 0, show.Error);
        Assert.Contains("Help desk", show.Output);
        Assert.Equal(8, change.ExitCode);
        Assert.Contains($"The workspace '{workspace}' is open for reading only (it is on a read-only file system)", change.Error);
    }
}
