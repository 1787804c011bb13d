using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Stepwise.Mining;
using Stepwise.Mining.Discovery;
using Stepwise.Mining.IO;

namespace Stepwise.Bench;

/// <summary>
/// The benchmark driver: generates logs and times the hot paths of the event-log engine, printing the machine and
/// the command with every result so that numbers can be recorded as they were measured.
/// </summary>
public static class BenchProgram
{
    private const string Usage = """
        usage:
          generate EVENTS OUT.csv [SEED]     write a synthetic service-desk log (seed 42 by default)
          engine FILE [--runs N]             import, then DFG + variants + activity statistics; peak memory; wc -l
          import-repeat FILE N [--serial]    import N times in one process (warm timings)
          xes FILE.csv OUT.xes[.gz] [--runs N]  write FILE as XES (gzipped when OUT ends in .gz), then time reading it back
          compare FILE.csv FILE.xes [--runs N]  in process: CSV import, XES import, variants, DFG with performance
                                             (the Stepwise half of bench/pm4py/compare.sh; median of N, 3 by default)
          parse-floor FILE [--runs N]        one core, the file in memory: what finding the fields and each column's
                                             values cost a row with nothing else (a file from 'generate'; 20 passes)
        """;

    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        Console.WriteLine(Machine());
        Console.WriteLine("command: Stepwise.Bench " + string.Join(' ', args));
        switch (args[0])
        {
            case "generate":
                {
                    long events = long.Parse(args[1], CultureInfo.InvariantCulture);
                    int seed = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 42;
                    var sw = Stopwatch.StartNew();
                    var (n, cases) = SyntheticLog.WriteCsv(args[2], events, seed);
                    Console.WriteLine(FormattableString.Invariant($"wrote {n:N0} events in {cases:N0} cases to {args[2]} in {sw.Elapsed.TotalSeconds:F1} s ({new FileInfo(args[2]).Length / 1e6:F0} MB)"));
                    return 0;
                }

            case "engine":
                return Engine(args[1], Runs(args, 3));

            case "parse-floor":
                return ParseFloor.Run(args[1], Runs(args, 20) + 1);

            case "import-repeat":
                {
                    int times = int.Parse(args[2], CultureInfo.InvariantCulture);
                    var options = new EventLogReadOptions { Csv = new CsvLogOptions { Parallel = !args.Contains("--serial") } };
                    for (int i = 0; i < times; i++)
                    {
                        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                        var sw = Stopwatch.StartNew();
                        var import = EventLogFile.Read(args[1], options);
                        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                        Console.WriteLine(FormattableString.Invariant($"import {import.Log.EventCount:N0}: wall {sw.Elapsed.TotalSeconds:F2} s, cpu {used.TotalSeconds:F2} s; ") + string.Join(", ", import.Report.Phases.Select(p => FormattableString.Invariant($"{p.Name} {p.Seconds:F2}"))));
                    }

                    return 0;
                }

            case "xes":
                {
                    var log = EventLogFile.Read(args[1]).Log;
                    EventLogFile.Write(log, args[2]);
                    long bytes = new FileInfo(args[2]).Length;
                    for (int i = 0; i < Runs(args, 3); i++)
                    {
                        var sw = Stopwatch.StartNew();
                        var back = EventLogFile.Read(args[2]).Log;
                        double s = sw.Elapsed.TotalSeconds;
                        Console.WriteLine(FormattableString.Invariant($"xes read {back.EventCount:N0} events ({bytes / 1e6:F0} MB) in {s:F2} s = {back.EventCount / s / 1e6:F2} M events/s"));
                    }

                    return 0;
                }

            case "compare" when args.Length >= 3:
                return Comparison.Run(args[1], args[2], Runs(args, 3));

            default:
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }

    private static int Runs(string[] args, int fallback)
    {
        int i = Array.IndexOf(args, "--runs");
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static int Engine(string file, int runs)
    {
        var wc = Stopwatch.StartNew();
        using (var process = Process.Start(new ProcessStartInfo("wc", ["-l", file]) { RedirectStandardOutput = true }))
        {
            string lines = process!.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            Console.WriteLine(FormattableString.Invariant($"wc -l: {lines} in {wc.Elapsed.TotalSeconds:F2} s"));
        }

        EventLog? log = null;
        for (int run = 0; run < runs; run++)
        {
            log = null;
            GC.Collect();
            var sw = Stopwatch.StartNew();
            var import = EventLogFile.Read(file);
            double importSeconds = sw.Elapsed.TotalSeconds;
            log = import.Log;
            long peakAfterImport = Resident("VmHWM");
            sw.Restart();
            var dfg = DirectlyFollowsGraph.Discover(log);
            double dfgSeconds = sw.Elapsed.TotalSeconds;
            sw.Restart();
            var variants = VariantSet.Discover(log);
            double variantSeconds = sw.Elapsed.TotalSeconds;
            sw.Restart();
            var activities = ActivityStatistics.Compute(log);
            double activitySeconds = sw.Elapsed.TotalSeconds;
            Console.WriteLine(FormattableString.Invariant(
                $"run {run + 1}: import {log.EventCount:N0} events / {log.CaseCount:N0} cases: {importSeconds:F2} s ({log.EventCount / importSeconds / 1e6:F1} M events/s) [{string.Join(", ", import.Report.Phases.Select(p => $"{p.Name} {p.Seconds:F2}"))}]"));
            Console.WriteLine(FormattableString.Invariant(
                $"        analyses: dfg {dfgSeconds:F3} s ({dfg.Edges.Count} edges) + variants {variantSeconds:F3} s ({variants.Count:N0}) + activities {activitySeconds:F3} s ({activities.Count}) = {dfgSeconds + variantSeconds + activitySeconds:F3} s"));
            Console.WriteLine(FormattableString.Invariant($"        peak resident after import {peakAfterImport / 1e6:F0} MB, after analyses {Resident("VmHWM") / 1e6:F0} MB"));
        }

        GC.Collect();
        Console.WriteLine(FormattableString.Invariant($"holding the log: managed heap {GC.GetTotalMemory(true) / 1e6:F0} MB; resident now {Resident("VmRSS") / 1e6:F0} MB; peak resident {Resident("VmHWM") / 1e6:F0} MB ({log!.EventCount:N0} events)"));
        return 0;
    }

    private static long Resident(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return -1;
    }

    private static string Machine()
    {
        string cpu = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?" : "?";
        long memory = 0;
        if (File.Exists("/proc/meminfo"))
        {
            var line = File.ReadLines("/proc/meminfo").First();
            memory = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024 / 1024;
        }

        return FormattableString.Invariant($"machine: {Environment.ProcessorCount} cores ({cpu}), {memory} GiB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, load {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?")}");
    }
}
