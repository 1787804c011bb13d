namespace Stepwise.Mining.Tests.Reference;

/// <summary>Reference answers computed the plain way: loops over lists, sorting for percentiles.</summary>
internal static class ReferenceAnalyses
{
    /// <summary>Percentile by sorting and interpolating between closest ranks (numpy's default).</summary>
    public static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.OrderBy(v => v).ToList();
        double h = (sorted.Count - 1) * p;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    public sealed record Edge(string Source, string Target, long Frequency, int Cases, double Mean, double Median, double P90, double Max, long Overlaps, double OverlapMedian);

    /// <summary>The definition of waiting and overlap, written out plainly: the later step waits from the earlier
    /// one's completion to its own start (else completion); if that is negative the steps overlap, the wait is zero and
    /// the overlap runs from the later start to the earlier of the two completions.</summary>
    public static (double Wait, double? Overlap) Gap(RefEvent earlier, RefEvent later)
    {
        var laterStart = later.Start ?? later.Time;
        double gap = (laterStart - earlier.Time).TotalSeconds;
        if (gap >= 0)
        {
            return (gap, null);
        }

        var end = earlier.Time < later.Time ? earlier.Time : later.Time;
        return (0, (end - laterStart).TotalSeconds);
    }

    public static Dictionary<(string, string), Edge> Dfg(ReferenceLog log)
    {
        var pairs = new Dictionary<(string, string), (long Freq, HashSet<int> Cases, List<double> Durations, List<double> Overlaps)>();
        void Add(string a, string b, int caseNo, double? seconds, double? overlap = null)
        {
            if (!pairs.TryGetValue((a, b), out var entry))
            {
                entry = (0, [], [], []);
            }

            entry.Cases.Add(caseNo);
            if (seconds is { } s)
            {
                entry.Durations.Add(s);
            }

            if (overlap is { } o)
            {
                entry.Overlaps.Add(o);
            }

            pairs[(a, b)] = (entry.Freq + 1, entry.Cases, entry.Durations, entry.Overlaps);
        }

        for (int c = 0; c < log.Cases.Count; c++)
        {
            var events = log.Cases[c].Events;
            Add("[start]", events[0].Activity, c, null);
            for (int i = 1; i < events.Count; i++)
            {
                var (wait, overlap) = Gap(events[i - 1], events[i]);
                Add(events[i - 1].Activity, events[i].Activity, c, wait, overlap);
            }

            Add(events[^1].Activity, "[end]", c, null);
        }

        return pairs.ToDictionary(p => p.Key, p => new Edge(p.Key.Item1, p.Key.Item2, p.Value.Freq, p.Value.Cases.Count,
            p.Value.Durations.Count > 0 ? p.Value.Durations.Average() : double.NaN,
            Percentile(p.Value.Durations, 0.5), Percentile(p.Value.Durations, 0.9),
            p.Value.Durations.Count > 0 ? p.Value.Durations.Max() : double.NaN, p.Value.Overlaps.Count, Percentile(p.Value.Overlaps, 0.5)));
    }

    /// <summary>Variants as (sequence joined by '|', cases), most frequent first; ties by first appearance.</summary>
    public static List<(string Sequence, int Cases)> Variants(ReferenceLog log)
    {
        var order = new List<string>();
        var counts = new Dictionary<string, int>();
        foreach (var (_, events) in log.Cases)
        {
            string key = string.Join("|", events.Select(e => e.Activity));
            if (!counts.ContainsKey(key))
            {
                order.Add(key);
                counts[key] = 0;
            }

            counts[key]++;
        }

        return order.Select((k, i) => (k, counts[k], i)).OrderByDescending(x => x.Item2).ThenBy(x => x.i).Select(x => (x.k, x.Item2)).ToList();
    }

    public sealed record Activity(string Name, long Events, int Cases, long Repeats, int CasesWithRepeats, long SelfLoops, int Resources, double WaitMean, double WaitMedian, double WaitP90, double ServiceMedian, long Overlaps);

    public static Dictionary<string, Activity> Activities(ReferenceLog log)
    {
        var result = new Dictionary<string, Activity>();
        foreach (var name in log.Cases.SelectMany(c => c.Events).Select(e => e.Activity).Distinct())
        {
            long events = 0, repeats = 0, selfLoops = 0;
            int cases = 0, casesWithRepeats = 0;
            var resources = new HashSet<string>();
            var waits = new List<double>();
            var services = new List<double>();
            long overlaps = 0;
            foreach (var (_, list) in log.Cases)
            {
                int n = list.Count(e => e.Activity == name);
                events += n;
                cases += n > 0 ? 1 : 0;
                repeats += Math.Max(0, n - 1);
                casesWithRepeats += n > 1 ? 1 : 0;
                for (int i = 0; i < list.Count; i++)
                {
                    if (list[i].Activity != name)
                    {
                        continue;
                    }

                    if (list[i].Resource is { } r)
                    {
                        resources.Add(r);
                    }

                    if (list[i].Start is { } s)
                    {
                        services.Add((list[i].Time - s).TotalSeconds);
                    }

                    if (i > 0)
                    {
                        selfLoops += list[i - 1].Activity == name ? 1 : 0;
                        var (wait, overlap) = Gap(list[i - 1], list[i]);
                        waits.Add(wait);
                        overlaps += overlap is null ? 0 : 1;
                    }
                }
            }

            result[name] = new Activity(name, events, cases, repeats, casesWithRepeats, selfLoops, resources.Count,
                waits.Count > 0 ? waits.Average() : double.NaN, Percentile(waits, 0.5), Percentile(waits, 0.9), Percentile(services, 0.5), overlaps);
        }

        return result;
    }
}
