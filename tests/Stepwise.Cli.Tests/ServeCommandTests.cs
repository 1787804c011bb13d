namespace Stepwise.Cli.Tests;

public sealed class ServeCommandTests
{
    [Fact]
    public void Serve_UrlThatIsNotHttp_RefusedNamingTheOptionBeforeAnythingStarts()
    {
        string folder = Directory.CreateTempSubdirectory("stepwise-serve-").FullName;
        string workspace = Path.Combine(folder, "w.db");

        var (code, _, error) = CliRunner.Run("serve", "--workspace", workspace, "--urls", "ftp://127.0.0.1:21");

        Assert.Equal(2, code);
        Assert.Contains("--urls", error, StringComparison.Ordinal);
        Assert.Contains("http://", error, StringComparison.Ordinal);
        Assert.False(File.Exists(workspace));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Help_ListsServeWithItsOptions()
    {
        var (code, output, _) = CliRunner.Run("serve", "--help");

        Assert.Equal(0, code);
        Assert.Contains("--workspace", output, StringComparison.Ordinal);
        Assert.Contains("--urls", output, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", output, StringComparison.Ordinal);
    }
}
