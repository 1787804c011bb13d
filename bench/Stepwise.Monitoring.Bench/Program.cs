using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Stepwise.Mining;
using Stepwise.Mining.IO;
using Stepwise.Mining.Time;
using Stepwise.Monitoring;
using Stepwise.Monitoring.Conformance;
using Stepwise.Monitoring.Periods;

// Monitoring timings. Usage:
//   LOG [--runs N] [--mix-by ATTRIBUTE] [--removed-step STEP] [--resamples N] [--parts all|none|trends|conformance]
// Reads LOG (a CSV from 'Stepwise.Bench generate' or any log), splits it at the median case start, and times
// ChangeMonitor.Run with the standard KPIs (three throughput times, volume, rework, hand-overs, first-contact
// resolution, the waiting time before the ten most frequent steps), every part (control charts, conformance, new
// paths), and the mix when asked: the first run in a fresh process (with JIT) and the median of the runs after it.
var invariant = CultureInfo.InvariantCulture;
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: LOG [--runs N] [--mix-by ATTRIBUTE] [--removed-step STEP] [--resamples N] [--parts all|none|trends|conformance]");
    return 2;
}

int runs = 5;
string? mixBy = null, removed = null;
int resamples = 10_000;
var parts = MonitorParts.All;
for (int i = 1; i < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--runs":
            runs = int.Parse(args[i + 1], invariant);
            break;
        case "--mix-by":
            mixBy = args[i + 1];
            break;
        case "--removed-step":
            removed = args[i + 1];
            break;
        case "--resamples":
            resamples = int.Parse(args[i + 1], invariant);
            break;
        case "--parts":
            parts = Enum.Parse<MonitorParts>(args[i + 1], ignoreCase: true);
            break;
        default:
            Console.Error.WriteLine($"unknown option {args[i]}");
            return 2;
    }
}

Console.WriteLine(Machine());
var watch = Stopwatch.StartNew();
var log = EventLogFile.Read(args[0]).Log;
Console.WriteLine(string.Create(invariant, $"read {log.EventCount:N0} events, {log.CaseCount:N0} cases in {watch.Elapsed.TotalSeconds:0.00} s"));
var starts = Enumerable.Range(0, log.CaseCount).Select(log.CaseStartTime).Order().ToArray();
var change = Timestamp.ToDateTimeOffset(starts[starts.Length / 2]);
var request = new MonitorRequest
{
    Periods = new ChangeDateSplit { Log = log, ChangeDate = change, SettlingIn = TimeSpan.FromDays(7) },
    Options = new MonitorOptions { MixBy = mixBy, Resamples = resamples, Parts = parts },
    Agreed = removed is null ? null : new AgreedChange { RemovedSteps = [removed] },
};
var times = new List<double>();
var cpu = new List<double>();
MonitorResult? result = null;
var process = Process.GetCurrentProcess();
for (int r = 0; r <= runs; r++)
{
    process.Refresh();
    var cpuBefore = process.TotalProcessorTime;
    watch.Restart();
    result = ChangeMonitor.Run(request);
    times.Add(watch.Elapsed.TotalSeconds);
    process.Refresh();
    cpu.Add((process.TotalProcessorTime - cpuBefore).TotalSeconds);
}

Console.WriteLine(string.Create(invariant, $"change date {change:yyyy-MM-dd HH:mm}; before {result!.Before.Cases:N0} cases ({result.Before.Events:N0} events), after {result.After.Cases:N0} ({result.After.Events:N0}); {result.Kpis.Count} KPIs, {result.Trends.Count} charts"));
var warm = times.Skip(1).Order().ToList();
var warmCpu = cpu.Skip(1).Order().ToList();
Console.WriteLine(string.Create(invariant, $"monitor: first run {times[0]:0.000} s; median of {warm.Count} further runs {warm[warm.Count / 2]:0.000} s (min {warm[0]:0.000}, max {warm[^1]:0.000}); processor time per run: first {cpu[0]:0.000} s, median {warmCpu[warmCpu.Count / 2]:0.000} s"));
return 0;

static string Machine()
{
    string cpu = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?" : "?";
    long memory = File.Exists("/proc/meminfo") ? long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024 / 1024 : 0;
    string load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?";
    return FormattableString.Invariant($"machine: {Environment.ProcessorCount} cores ({cpu}), {memory} GiB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, load {load}");
}
