using System.Diagnostics;
using System.Globalization;
using Stepwise.Mining.Discovery;
using Stepwise.Mining.IO;

namespace Stepwise.Bench;

/// <summary>
/// The Stepwise half of the side-by-side comparison with PM4Py (<c>bench/pm4py/compare.sh</c>): the same steps as
/// <c>bench/pm4py/pm4py_steps.py</c> times, in process, printed as <c>step seconds count</c> lines that the script
/// reads. Each step runs once untimed (so the JIT has compiled it) and then <c>runs</c> times; the median is printed.
/// </summary>
public static class Comparison
{
    /// <summary>Times CSV import, XES import, variants and the DFG with performance on the two files.</summary>
    public static int Run(string csv, string xes, int runs)
    {
        var log = Time("csv-read", runs, () => EventLogFile.Read(csv).Log, l => l.EventCount);
        Time("xes-read", runs, () => EventLogFile.Read(xes).Log, l => l.EventCount);
        Time("variants", runs, () => VariantSet.Discover(log), v => v.Count);
        Time("dfg-performance", runs, () => DirectlyFollowsGraph.Discover(log), d => d.Edges.Count);
        return 0;
    }

    private static T Time<T>(string step, int runs, Func<T> work, Func<T, long> count)
    {
        T result = work();
        var seconds = new double[runs];
        for (int i = 0; i < runs; i++)
        {
            result = default!;
            GC.Collect();
            var sw = Stopwatch.StartNew();
            result = work();
            seconds[i] = sw.Elapsed.TotalSeconds;
        }

        Array.Sort(seconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{step} {seconds[runs / 2]:F4} {count(result)}"));
        return result;
    }
}
