using System.Diagnostics;

namespace Stepwise.Testing;

/// <summary>
/// Runs the probe program (tests/Stepwise.Mining.Probe: reads one event log, or with <c>--survey</c> first one survey
/// file, and reports its outcome and peak resident memory) as its own process, so a bound on memory is measured on a
/// process that did nothing else. A test project that uses it references the probe's project.
/// </summary>
public static class MemoryProbe
{
    /// <summary>Reads <paramref name="path"/> with <paramref name="args"/> in the probe; returns its first line
    /// (<c>OK …</c> or <c>ERROR …</c>) and its peak resident memory in MB.</summary>
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
