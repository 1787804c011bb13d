using System.Diagnostics;
using Stepwise.Testing;

namespace Stepwise.Storage.Testing;

/// <summary>Runs the import loop program and kills it (SIGKILL) while it is in the middle of writing an import.</summary>
internal static class ImportLoopProcess
{
    public sealed record Run(Guid ReviewId, int CommittedImports, string? LastSavedTitle);

    public static Run RunUntilKilled(string[] arguments, int killAfterCommittedImports)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(HelperPath());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the import loop.");
        var reviewId = Guid.Empty;
        int committed = 0;
        string? title = null;
        try
        {
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (true)
            {
                var line = process.StandardOutput.ReadLineAsync();
                if (!line.Wait(deadline - DateTime.UtcNow) || line.Result is null)
                {
                    throw new InvalidOperationException("The import loop stopped or stalled: " + process.StandardError.ReadToEnd());
                }

                var parts = line.Result.Split(' ');
                switch (parts[0])
                {
                    case "REVIEW":
                        reviewId = Guid.Parse(parts[1]);
                        break;
                    case "IMPORTED":
                        committed = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
                        break;
                    case "SAVED":
                        title = "Crash test round " + parts[1];
                        break;
                    case "WRITING" when committed >= killAfterCommittedImports:
                        process.Kill(entireProcessTree: true);
                        process.WaitForExit();
                        return new Run(reviewId, committed, title);
                }
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static string HelperPath()
    {
        // The test assembly runs from tests/Stepwise.Storage.Tests/bin/<configuration>/<framework>/.
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string configuration = framework.Parent!.Name;
        string path = Path.Combine(SharedData.RepositoryRoot, "tests", "Stepwise.Storage.ImportLoop", "bin", configuration, framework.Name, "Stepwise.Storage.ImportLoop.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the import loop first (it is built with the tests).", path);
    }
}
