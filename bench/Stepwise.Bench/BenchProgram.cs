using System.Diagnostics;
using System.Globalization;
using Stepwise.Mining.IO;

namespace Stepwise.Bench;

/// <summary>The benchmark driver: generates logs and times the hot paths, printing machine and command.</summary>
public static class BenchProgram
{
    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: generate EVENTS OUT.csv [SEED] | import FILE");
            return 2;
        }

        switch (args[0])
        {
            case "generate":
                {
                    long events = long.Parse(args[1], CultureInfo.InvariantCulture);
                    int seed = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 42;
                    var sw = Stopwatch.StartNew();
                    var (n, cases) = SyntheticLog.WriteCsv(args[2], events, seed);
                    Console.WriteLine(FormattableString.Invariant($"wrote {n:N0} events in {cases:N0} cases to {args[2]} in {sw.Elapsed.TotalSeconds:F1} s"));
                    return 0;
                }

            case "import":
                {
                    var sw = Stopwatch.StartNew();
                    var import = EventLogFile.Read(args[1]);
                    Console.WriteLine(FormattableString.Invariant($"import {import.Log.EventCount:N0} events {import.Log.CaseCount:N0} cases: {sw.Elapsed.TotalSeconds:F2} s"));
                    foreach (var phase in import.Report.Phases)
                    {
                        Console.WriteLine(FormattableString.Invariant($"  {phase.Name}: {phase.Seconds:F3} s"));
                    }
                    return 0;
                }

            case "import-repeat":
                {
                    int times = int.Parse(args[2], CultureInfo.InvariantCulture);
                    bool serial = args.Contains("--serial");
                    var options = new EventLogReadOptions { Csv = new CsvLogOptions { Parallel = !serial } };
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

            default:
                Console.Error.WriteLine("unknown command " + args[0]);
                return 2;
        }
    }
}
