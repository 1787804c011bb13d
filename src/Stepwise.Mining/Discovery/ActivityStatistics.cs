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
/// <param name="ServiceTime">Start to completion, in seconds, over instances with a start time (empty when none).</param>
/// <param name="WaitingTime">From the completion of the previous event of the case to this event's start (its
/// completion where it has no start), in seconds; first events of cases are not counted.</param>
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
        Parallel.For(0, ranges.Length, p =>
        {
            var part = parts[p] = new Part(a, r, (int)Math.Min(int.MaxValue, EventsIn(view, ranges[p])), log.HasStartTimes);
            var acts = log.Activities;
            var res = log.Resources;
            var times = log.Times;
            var starts = log.StartTimes;
            bool hasStarts = !starts.IsEmpty;
            var offsets = log.CaseOffsets;
            var lastCase = new int[a];
            var lastRepeatCase = new int[a];
            lastCase.AsSpan().Fill(-1);
            lastRepeatCase.AsSpan().Fill(-1);
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
                    }

                    if (res[e] >= 0)
                    {
                        part.AddResource(act, res[e]);
                    }

                    long start = hasStarts ? starts[e] : Timestamp.None;
                    if (start != Timestamp.None)
                    {
                        part.Service.Add(act, elapsed ? times[e] - start : measure.Between(start, times[e]));
                    }

                    if (e > from)
                    {
                        if (acts[e - 1] == act)
                        {
                            part.SelfLoops[act]++;
                        }

                        long target = start != Timestamp.None ? start : times[e];
                        part.Waiting.Add(act, elapsed ? target - times[e - 1] : measure.Between(times[e - 1], target));
                    }
                }
            }
        });

        var service = GroupedDurations.Merge(parts.Select(p => p.Service).ToArray(), a);
        var waiting = GroupedDurations.Merge(parts.Select(p => p.Waiting).ToArray(), a);
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
                service[act],
                waiting[act],
                [.. resources.OrderByDescending(kv => kv.Value).ThenBy(kv => log.ResourceNames[kv.Key], StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value))]));
        }

        result.Sort((x, y) => y.Events != x.Events ? y.Events.CompareTo(x.Events) : string.CompareOrdinal(x.Name, y.Name));
        return result;
    }

    private static long EventsIn(LogView view, (int From, int To) range)
    {
        long n = 0;
        for (int i = range.From; i < range.To; i++)
        {
            n += view.Log.CaseLength(view.CaseAt(i));
        }

        return n;
    }

    private sealed class Part
    {
        private readonly int _resources;
        private readonly long[]? _matrix;
        private readonly Dictionary<long, long>? _sparse;

        public Part(int activities, int resources, int events, bool hasStarts)
        {
            Events = new long[activities];
            Cases = new int[activities];
            Repeats = new long[activities];
            CasesWithRepeats = new int[activities];
            SelfLoops = new long[activities];
            Service = new GroupedDurations(hasStarts ? events : 16);
            Waiting = new GroupedDurations(events);
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

        public long[] SelfLoops { get; }

        public GroupedDurations Service { get; }

        public GroupedDurations Waiting { get; }

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
