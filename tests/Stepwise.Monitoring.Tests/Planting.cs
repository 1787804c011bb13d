using Stepwise.Mining;
using Stepwise.Mining.Time;
using Stepwise.Statistics.Sampling;

namespace Stepwise.Monitoring.Tests;

/// <summary>What to plant in the cases after a change.</summary>
/// <param name="WaitStep">The step whose waiting time is shortened, or null.</param>
/// <param name="WaitKept">The share of that waiting time kept (0.7 shortens it by 30%).</param>
/// <param name="RemoveStep">The step removed from some cases, or null.</param>
/// <param name="RemoveShare">The share of cases it is removed from.</param>
/// <param name="ReworkShare">The share of cases without rework given a repeated step.</param>
internal sealed record PlantSpec(string? WaitStep = null, double WaitKept = 1, string? RemoveStep = null, double RemoveShare = 0, double ReworkShare = 0);

/// <summary>
/// Copies real logs with known changes planted in chosen cases, and moves cases in time, for the checks of the
/// monitoring verdicts. The copies keep case ids, activities, resources and times (event attributes are dropped).
/// </summary>
internal static class Planting
{
    /// <summary>
    /// A copy of <paramref name="log"/> where the cases <paramref name="planted"/> selects carry the changes of
    /// <paramref name="spec"/>: every instance of the wait step comes earlier by (1 - kept) of its waiting time, and the
    /// rest of its case with it (so no other waiting time changes); the removed step is dropped from a random share of
    /// the cases holding it; a random share of the cases without rework get their second event repeated at once.
    /// </summary>
    public static EventLog Plant(EventLog log, PlantSpec spec, Func<int, bool> planted, long seed)
    {
        var random = new SeededRandom(seed);
        int wait = spec.WaitStep is null ? -1 : log.ActivityNames.IdOf(spec.WaitStep);
        int remove = spec.RemoveStep is null ? -1 : log.ActivityNames.IdOf(spec.RemoveStep);
        var offsets = new List<int> { 0 };
        var acts = new List<int>();
        var res = new List<int>();
        var times = new List<long>();
        for (int c = 0; c < log.CaseCount; c++)
        {
            int from = log.CaseStart(c), to = log.CaseEnd(c);
            bool plant = planted(c);
            bool dropStep = plant && remove >= 0 && log.CaseActivities(c).Contains(remove) && random.NextDouble() < spec.RemoveShare;
            bool hasRework = HasRework(log.CaseActivities(c));
            bool addRework = plant && spec.ReworkShare > 0 && !hasRework && to - from >= 2 && random.NextDouble() < spec.ReworkShare;
            int kept = 0;
            long shift = 0;
            for (int e = from; e < to; e++)
            {
                long time = log.Times[e] - shift;
                if (plant && e > from && log.Activities[e] == wait)
                {
                    long waited = log.Times[e] - log.Times[e - 1];
                    long earlier = (long)Math.Round(waited * (1 - spec.WaitKept));
                    shift += earlier;
                    time -= earlier;
                }

                bool last = kept == 0 && e == to - 1;
                if (dropStep && log.Activities[e] == remove && !last)
                {
                    continue;
                }

                acts.Add(log.Activities[e]);
                res.Add(log.Resources[e]);
                times.Add(time);
                kept++;
                if (addRework && e == from + 1)
                {
                    acts.Add(log.Activities[e]);
                    res.Add(log.Resources[e]);
                    times.Add(time);
                }
            }

            offsets.Add(acts.Count);
        }

        return EventLog.Create([.. log.CaseIds], [.. offsets], [.. acts], [.. res], [.. times], null, log.ActivityNames, log.ResourceNames);
    }

    /// <summary>
    /// A copy of <paramref name="log"/> whose cases start at uniformly random times over the log's span, each case
    /// moved whole (its durations unchanged): what happens in a case no longer depends on when it happened, so any
    /// date splits it into two samples of the same process.
    /// </summary>
    public static EventLog Shuffle(EventLog log, long seed)
    {
        var random = new SeededRandom(seed);
        long first = long.MaxValue, last = long.MinValue;
        for (int c = 0; c < log.CaseCount; c++)
        {
            first = Math.Min(first, log.CaseStartTime(c));
            last = Math.Max(last, log.CaseStartTime(c));
        }

        var times = new long[log.EventCount];
        for (int c = 0; c < log.CaseCount; c++)
        {
            long start = first + (long)(random.NextDouble() * (last - first));
            long shift = start - log.CaseStartTime(c);
            for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
            {
                times[e] = log.Times[e] + shift;
            }
        }

        return EventLog.Create([.. log.CaseIds], log.CaseOffsets.ToArray(), log.Activities.ToArray(), log.Resources.ToArray(), times, null, log.ActivityNames, log.ResourceNames);
    }

    /// <summary>A random split of the cases into two views of about equal size.</summary>
    public static (LogView A, LogView B) Halves(EventLog log, long seed)
    {
        var random = new SeededRandom(seed);
        var a = new List<int>();
        var b = new List<int>();
        for (int c = 0; c < log.CaseCount; c++)
        {
            (random.NextDouble() < 0.5 ? a : b).Add(c);
        }

        return (new LogView(log, [.. a]), new LogView(log, [.. b]));
    }

    /// <summary>A date between the 30th and 70th percentile of the case starts.</summary>
    public static DateTimeOffset MiddleDate(EventLog log, long seed)
    {
        var starts = Enumerable.Range(0, log.CaseCount).Select(log.CaseStartTime).Order().ToArray();
        double q = 0.3 + (0.4 * new SeededRandom(seed).NextDouble());
        return Timestamp.ToDateTimeOffset(starts[(int)(q * (starts.Length - 1))]);
    }

    private static bool HasRework(ReadOnlySpan<int> activities)
    {
        var seen = new HashSet<int>();
        foreach (int a in activities)
        {
            if (!seen.Add(a))
            {
                return true;
            }
        }

        return false;
    }
}
