namespace Stepwise.Cli.Tests;

/// <summary>Runs a verb with <c>--format csv --csv-dir</c> and reads back the file written for each table.</summary>
internal static class CsvRunner
{
    public static (int ExitCode, Dictionary<string, string> Files, string Error) Run(params string[] args)
    {
        string dir = Path.Combine(Path.GetTempPath(), "stepwise-csv-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, _, error) = CliRunner.Run([.. args, "--format", "csv", "--csv-dir", dir]);
            var files = Directory.Exists(dir)
                ? Directory.GetFiles(dir).ToDictionary(f => Path.GetFileNameWithoutExtension(f), File.ReadAllText)
                : [];
            return (code, files, error);
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, true);
            }
        }
    }
}
