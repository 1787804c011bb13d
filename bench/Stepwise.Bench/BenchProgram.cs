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
                    return 0;
                }

            default:
                Console.Error.WriteLine("unknown command " + args[0]);
                return 2;
        }
    }
}
