using Stepwise.Mining.Statistics;
using Stepwise.Mining.Time;

namespace Stepwise.Mining.Discovery;

/// <summary>What the events of one activity show.</summary>
/// <param name="Activity">The activity id.</param>
/// <param name="Name">The activity name.</param>
/// <param name="Events">Events (instances) of the activity.</param>
/// <param name="Cases">Cases with at least one.</param>
/// <param name="Repeats">Instances beyond the first within a case (rework): events minus cases.</param>
/// <param name="CasesWithRepeats">Cases in which it occurs more than once.</param>
/// <param name="SelfLoops">Times it directly follows itself.</param>
/// <param name="ServiceTime">Start to completion less the time suspended (lifecycle suspend to resume), in seconds,
/// over instances with a start time (empty when none).</param>
/// <param name="WaitingTime">From the completion of the previous event of the case to this event's start (its
/// completion where it has no start), in seconds, zero where this step started before the previous one completed
/// (see <see cref="StepGap"/>); first events of cases are not counted.</param>
/// <param name="Resources">Resources who performed it, with their event counts, most active first.</param>
public sealed record ActivityStatistics(
    int Activity,
    string Name,
    long Events,
    int Cases,
    long Repeats,
    int CasesWithRepeats,
    long SelfLoops,
    DurationStatistics ServiceTime,
    DurationStatistics WaitingTime,
    IReadOnlyList<(int Resource, long Events)> Resources)
{
    /// <summary>Instances that started before the previous step of their case completed (the steps overlapped;
    /// counted as zero in <see cref="WaitingTime"/>).</summary>
    public long WaitingOverlaps { get; init; }

    /// <summary>How long those instances overlapped the previous step, in seconds.</summary>
    public DurationStatistics OverlapTime { get; init; } = DurationStatistics.Empty;

    /// <summary>The share of waiting times that were overlaps.</summary>
    public double OverlapShare => WaitingTime.Count > 0 ? WaitingOverlaps / (double)WaitingTime.Count : 0;

    /// <summary>Instances that come back to the activity after another activity (repeats that do not directly follow
    /// the activity itself): <see cref="Repeats"/> less <see cref="SelfLoops"/>.</summary>
    public long Returns => Repeats - SelfLoops;

    /// <summary>Cases that come back to the activity after another activity (A, B, A; a case that only repeats it
    /// straight after itself, A, A, such as a second update in the same state, is not counted).</summary>
    public int CasesWithReturns { get; init; }

    /// <summary>The statistics of every activity that occurs in <paramref name="view"/>, most frequent first.</summary>
    public static IReadOnlyList<ActivityStatistics> Compute(LogView view, DurationMeasure? measure = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        measure ??= DurationMeasure.Elapsed;
        bool elapsed = ReferenceEquals(measure, DurationMeasure.Elapsed);
        var log = view.Log;
        int a = log.ActivityNames.Count;
        int r = log.ResourceNames.Count;
        var ranges = CaseRanges.Split(view);
        var parts = new Part[ranges.Length];

        // Pass 1: counts, and how many durations each activity will have, per part.
        Parallel.For(0, ranges.Length, p =>
        {
            var part = parts[p] = new Part(a, r);
            var acts = log.Activities;
            var res = log.Resources;
            var starts = log.StartTimes;
            bool hasStarts = !starts.IsEmpty;
            var offsets = log.CaseOffsets;
            var lastCase = new int[a];
            var lastRepeatCase = new int[a];
            var lastReturnCase = new int[a];
            lastCase.AsSpan().Fill(-1);
            lastRepeatCase.AsSpan().Fill(-1);
            lastReturnCase.AsSpan().Fill(-1);
            for (int i = ranges[p].From; i < ranges[p].To; i++)
            {
                int c = view.CaseAt(i);
                int from = offsets[c], to = offsets[c + 1];
                for (int e = from; e < to; e++)
                {
                    int act = acts[e];
                    part.Events[act]++;
                    if (lastCase[act] != c)
                    {
                        lastCase[act] = c;
                        part.Cases[act]++;
                    }
                    else
                    {
                        part.Repeats[act]++;
                        if (lastRepeatCase[act] != c)
                        {
                            lastRepeatCase[act] = c;
                            part.CasesWithRepeats[act]++;
                        }

                        // A repeat not straight after itself (the activity occurred earlier, so e > from).
                        if (acts[e - 1] != act && lastReturnCase[act] != c)
                        {
                            lastReturnCase[act] = c;
                            part.CasesWithReturns[act]++;
                        }
                    }

                    if (res[e] >= 0)
                    {
                        part.AddResource(act, res[e]);
                    }

                    if (hasStarts && starts[e] != Timestamp.None)
                    {
                        part.ServiceCount[act]++;
                    }

                    if (e > from)
                    {
                        part.WaitingCount[act]++;
                        if (acts[e - 1] == act)
                        {
                            part.SelfLoops[act]++;
                        }
                    }
                }
            }
        });

        // Where each part writes each activity's durations in the shared buckets.
        var waitStart = Buckets(parts, a, p => p.WaitingCount, out var waitCursor);
        var serviceStart = Buckets(parts, a, p => p.ServiceCount, out var serviceCursor);
        var waiting = GC.AllocateUninitializedArray<long>(waitStart[a]);
        var service = GC.AllocateUninitializedArray<long>(serviceStart[a]);

        // Pass 2: the durations, written straight into their activity's bucket.
        var suspensions = Suspensions.Of(log);
        var overlaps = new GroupedDurations[ranges.Length];
        Parallel.For(0, ranges.Length, p =>
        {
            var overlap = overlaps[p] = new GroupedDurations(log.StartTimes.IsEmpty ? 0 : 256);
            var wc = waitCursor[p];
            var sc = serviceCursor[p];
            var acts = log.Activities;
            var times = log.Times;
            var starts = log.StartTimes;
            bool hasStarts = !starts.IsEmpty;
            var offsets = log.CaseOffsets;
            for (int i = ranges[p].From; i < ranges[p].To; i++)
            {
                int c = view.CaseAt(i);
                int from = offsets[c], to = offsets[c + 1];
                for (int e = from; e < to; e++)
                {
                    int act = acts[e];
                    long start = hasStarts ? starts[e] : Timestamp.None;
                    if (start != Timestamp.None)
                    {
                        long worked = elapsed ? times[e] - start : measure.Between(start, times[e]);
                        service[sc[act]++] = suspensions is null ? worked : Math.Max(0, worked - suspensions.PausedTicks(e, measure));
                    }

                    if (e > from)
                    {
                        long target = start != Timestamp.None ? start : times[e];
                        long before = times[e - 1];
                        if (target >= before)
                        {
                            waiting[wc[act]++] = elapsed ? target - before : measure.Between(before, target);
                        }
                        else
                        {
                            waiting[wc[act]++] = 0;
                            overlap.Add(act, StepGap.Overlap(before, target, times[e], measure));
                        }
                    }
                }
            }
        });

        var waitingStats = new DurationStatistics[a];
        var serviceStats = new DurationStatistics[a];
        Parallel.For(0, a, act =>
        {
            waitingStats[act] = DurationStatistics.FromTicks(waiting.AsSpan(waitStart[act], waitStart[act + 1] - waitStart[act]));
            serviceStats[act] = DurationStatistics.FromTicks(service.AsSpan(serviceStart[act], serviceStart[act + 1] - serviceStart[act]));
        });

        var overlapStats = GroupedDurations.Merge(overlaps, a);
        var result = new List<ActivityStatistics>();
        for (int act = 0; act < a; act++)
        {
            long events = parts.Sum(p => p.Events[act]);
            if (events == 0)
            {
                continue;
            }

            var resources = new Dictionary<int, long>();
            foreach (var part in parts)
            {
                part.CollectResources(act, resources);
            }

            result.Add(new ActivityStatistics(
                act,
                log.ActivityNames[act],
                events,
                parts.Sum(p => p.Cases[act]),
                parts.Sum(p => p.Repeats[act]),
                parts.Sum(p => p.CasesWithRepeats[act]),
                parts.Sum(p => p.SelfLoops[act]),
                serviceStats[act],
                waitingStats[act],
                [.. resources.OrderByDescending(kv => kv.Value).ThenBy(kv => log.ResourceNames[kv.Key], StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value))])
            {
                WaitingOverlaps = overlapStats[act].Count,
                OverlapTime = overlapStats[act],
                CasesWithReturns = parts.Sum(p => p.CasesWithReturns[act]),
            });
        }

        result.Sort((x, y) => y.Events != x.Events ? y.Events.CompareTo(x.Events) : string.CompareOrdinal(x.Name, y.Name));
        return result;
    }

    /// <summary>Bucket starts per activity over all parts, and each part's first write position per activity.</summary>
    private static int[] Buckets(Part[] parts, int activities, Func<Part, int[]> counts, out int[][] cursors)
    {
        var start = new int[activities + 1];
        cursors = new int[parts.Length][];
        for (int p = 0; p < parts.Length; p++)
        {
            cursors[p] = new int[activities];
        }

        for (int act = 0; act < activities; act++)
        {
            int position = start[act];
            for (int p = 0; p < parts.Length; p++)
            {
                cursors[p][act] = position;
                position += counts(parts[p])[act];
            }

            start[act + 1] = position;
        }

        return start;
    }

    private sealed class Part
    {
        private readonly int _resources;
        private readonly long[]? _matrix;
        private readonly Dictionary<long, long>? _sparse;

        public Part(int activities, int resources)
        {
            Events = new long[activities];
            Cases = new int[activities];
            Repeats = new long[activities];
            CasesWithRepeats = new int[activities];
            CasesWithReturns = new int[activities];
            SelfLoops = new long[activities];
            WaitingCount = new int[activities];
            ServiceCount = new int[activities];
            _resources = resources;
            if ((long)activities * resources <= 4_000_000)
            {
                _matrix = new long[activities * resources];
            }
            else
            {
                _sparse = [];
            }
        }

        public long[] Events { get; }

        public int[] Cases { get; }

        public long[] Repeats { get; }

        public int[] CasesWithRepeats { get; }

        public int[] CasesWithReturns { get; }

        public long[] SelfLoops { get; }

        public int[] WaitingCount { get; }

        public int[] ServiceCount { get; }

        public void AddResource(int activity, int resource)
        {
            if (_matrix is not null)
            {
                _matrix[(activity * _resources) + resource]++;
            }
            else
            {
                long key = ((long)activity * _resources) + resource;
                _sparse![key] = _sparse.GetValueOrDefault(key) + 1;
            }
        }

        public void CollectResources(int activity, Dictionary<int, long> into)
        {
            if (_matrix is not null)
            {
                for (int r = 0; r < _resources; r++)
                {
                    long n = _matrix[(activity * _resources) + r];
                    if (n > 0)
                    {
                        into[r] = into.GetValueOrDefault(r) + n;
                    }
                }
            }
            else
            {
                foreach (var (key, n) in _sparse!)
                {
                    if (key / _resources == activity)
                    {
                        int r = (int)(key % _resources);
                        into[r] = into.GetValueOrDefault(r) + n;
                    }
                }
            }
        }
    }
}
