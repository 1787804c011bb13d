using Stepwise.Mining;

namespace Stepwise.Monitoring.Tests;

/// <summary>
/// A second, deliberately plain implementation of the figures the monitor reports, written from the definitions in
/// docs/monitoring.md without the engine's code: loops over the log, sorting, and the textbook formulas.
/// </summary>
internal static class Reference
{
    /// <summary>The median with linear interpolation between closest ranks (numpy's default).</summary>
    public static double Median(IReadOnlyList<double> values) => Quantile(values, 0.5);

    /// <summary>The p-quantile with linear interpolation: h = (n - 1) p.</summary>
    public static double Quantile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    /// <summary>Seconds from the previous event's completion to each instance of <paramref name="step"/> (not first in its case).</summary>
    public static List<double> Waits(EventLog log, string step, IEnumerable<int>? cases = null)
    {
        var list = new List<double>();
        foreach (int c in cases ?? Enumerable.Range(0, log.CaseCount))
        {
            for (int e = log.CaseStart(c) + 1; e < log.CaseEnd(c); e++)
            {
                if (log.ActivityNames[log.Activities[e]] == step)
                {
                    list.Add((log.Times[e] - log.Times[e - 1]) / 1e7);
                }
            }
        }

        return list;
    }

    /// <summary>Whether some activity occurs twice in the case.</summary>
    public static bool HasRework(EventLog log, int c)
    {
        var names = new List<string>();
        for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
        {
            names.Add(log.ActivityNames[log.Activities[e]]);
        }

        return names.Distinct().Count() < names.Count;
    }

    /// <summary>Whether the case contains <paramref name="step"/>.</summary>
    public static bool Contains(EventLog log, int c, string step)
    {
        for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
        {
            if (log.ActivityNames[log.Activities[e]] == step)
            {
                return true;
            }
        }

        return false;
    }
}
