using System.Diagnostics;
using System.Text.RegularExpressions;
using Stepwise.Mining.IO;
using Stepwise.Mining.Testing;
using Stepwise.Testing;

namespace Stepwise.Mining.Tests;

/// <summary>
/// Every case of the bad-input corpus (tests/bad-input) through the engine's readers: refused with the expected
/// message (naming the file, line and column), or read with the expected events; and, where the manifest bounds it,
/// within the memory a separate process reading it may use.
/// </summary>
public class BadInputCorpusTests
{
    public static TheoryData<string> Cases => [.. BadInputCorpus.Logs.Select(c => c.Name)];

    public static TheoryData<string> BoundedCases => [.. BadInputCorpus.Logs.Where(c => c.MaxMemoryMB is not null).Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_CorpusFile_AsTheManifestSays(string name)
    {
        var c = BadInputCorpus.Named(name);
        string path = BadInputCorpus.PathOf(c);
        if (c.Exit == 0)
        {
            int events = CorpusReader.Read(path, c.Args);
            if (c.Events is { } expected)
            {
                Assert.Equal(expected, events);
            }

            return;
        }

        var error = Assert.ThrowsAny<Exception>(() => CorpusReader.Read(path, c.Args));
        Assert.True(error is EventLogFormatException or FileNotFoundException or NotSupportedException, $"{name}: {error.GetType().Name}: {error.Message}");
        Assert.Matches(new Regex(c.Message, RegexOptions.Singleline), error.Message);
        if (error is EventLogFormatException format)
        {
            Assert.StartsWith(Path.GetFileName(path) + ":", format.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(BoundedCases))]
    public void Read_CorpusFile_InBoundedMemory(string name)
    {
        var c = BadInputCorpus.Named(name);
        var (outcome, peakMb) = Probe.Run(BadInputCorpus.PathOf(c), c.Args);
        Assert.StartsWith(c.Exit == 0 ? "OK" : "ERROR", outcome, StringComparison.Ordinal);
        Assert.True(peakMb <= c.MaxMemoryMB, $"{name}: peak resident memory {peakMb:F0} MB, bound {c.MaxMemoryMB} MB");
    }
}

/// <summary>Runs the probe program (reads one file, reports its outcome and peak resident memory) as its own process.</summary>
internal static class Probe
{
    public static (string Outcome, double PeakMb) Run(string path, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Stepwise.Mining.Probe.dll"));
        start.ArgumentList.Add(path);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the probe.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The probe did not finish within 5 minutes.");
        }

        var lines = output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var peak = lines.FirstOrDefault(l => l.StartsWith("PEAK ", StringComparison.Ordinal)) ?? throw new InvalidOperationException("The probe failed: " + output.Result + error.Result);
        return (lines[0], double.Parse(peak[5..], System.Globalization.CultureInfo.InvariantCulture) / 1e6);
    }
}
