using System.Collections.Concurrent;
using Stepwise.Mining.Attributes;
using Stepwise.Mining.Time;

namespace Stepwise.Mining.Assembly;

/// <summary>What assembly did to the events it was given, for the import report.</summary>
internal sealed record AssemblyStats(int CasesReordered, int PairedLifecycles, int UnpairedStarts);

/// <summary>
/// Turns a <see cref="RawLog"/> into the canonical <see cref="EventLog"/>: groups events by case (counting sort),
/// sorts each case by time stably, pairs start/complete lifecycle events into instances, orders cases by their
/// first event, and gathers every column into that order.
/// </summary>
internal static class LogAssembler
{
    public static EventLog Assemble(RawLog raw, out AssemblyStats stats)
    {
        int n = raw.EventCount;
        int caseCount = raw.CaseIds.Length;
        var caseOf = raw.CaseOf;

        // 1. Group by case: counting sort, stable in file order.
        var offsets = new int[caseCount + 1];
        for (int e = 0; e < n; e++)
        {
            offsets[caseOf[e] + 1]++;
        }

        for (int c = 0; c < caseCount; c++)
        {
            offsets[c + 1] += offsets[c];
        }

        var perm = new int[n];
        {
            var cursor = offsets.AsSpan(0, caseCount).ToArray();
            for (int e = 0; e < n; e++)
            {
                perm[cursor[caseOf[e]]++] = e;
            }
        }

        var times = raw.Times;
        var starts = raw.StartTimes;

        // 2. Sort each case by time, stable.
        int reordered = SortCases(perm, offsets, times, starts);

        // 3. Pair start/complete lifecycle events.
        int paired = 0, unpairedStarts = 0;
        if (raw.Lifecycles is { } lifecycles && Array.IndexOf(lifecycles, Lifecycle.Start) >= 0)
        {
            starts = starts is null ? NewNoneArray(n) : (long[])starts.Clone();
            (paired, unpairedStarts) = PairLifecycles(ref perm, ref offsets, raw.Activities, times, starts, lifecycles);
            SortCases(perm, offsets, times, starts);
        }

        // 4. Order cases by the time of their first event, stable on first appearance.
        var caseKeys = new CaseKey[caseCount];
        for (int c = 0; c < caseCount; c++)
        {
            int first = perm[offsets[c]];
            caseKeys[c] = new CaseKey(OrderTime(times, starts, first), c);
        }

        caseKeys.AsSpan().Sort();

        // 5. Final event order and offsets.
        int total = offsets[caseCount];
        var order = new int[total];
        var newOffsets = new int[caseCount + 1];
        var caseOrder = new int[caseCount];
        var caseIds = new string[caseCount];
        int pos = 0;
        for (int i = 0; i < caseCount; i++)
        {
            int c = caseKeys[i].Case;
            caseOrder[i] = c;
            caseIds[i] = raw.CaseIds[c];
            newOffsets[i] = pos;
            int from = offsets[c], to = offsets[c + 1];
            perm.AsSpan(from, to - from).CopyTo(order.AsSpan(pos));
            pos += to - from;
        }

        newOffsets[caseCount] = pos;

        // 6. Gather every column.
        int[] activities = null!, resources = null!;
        long[] outTimes = null!;
        long[]? outStarts = null;
        AttributeTable eventAttributes = null!, caseAttributes = null!;
        var actions = new List<Action>
        {
            () => activities = Gather(raw.Activities, order),
            () => resources = Gather(raw.Resources, order),
            () => outTimes = Gather(times, order),
            () => eventAttributes = new AttributeTable(total, GatherAll(raw.EventColumns, order)),
            () => caseAttributes = new AttributeTable(caseCount, GatherAll(raw.CaseColumns, caseOrder)),
        };
        if (starts is not null)
        {
            actions.Add(() => outStarts = Gather(starts, order));
        }

        Parallel.Invoke([.. actions]);
        stats = new AssemblyStats(reordered, paired, unpairedStarts);
        return EventLog.CreateTrusted(caseIds, newOffsets, activities, resources, outTimes, outStarts, raw.ActivityNames, raw.ResourceNames, caseAttributes, eventAttributes, raw.Metadata);
    }

    private static long[] NewNoneArray(int n)
    {
        var a = new long[n];
        a.AsSpan().Fill(Timestamp.None);
        return a;
    }

    private static long OrderTime(long[] times, long[]? starts, int e)
        => starts is not null && starts[e] != Timestamp.None ? starts[e] : times[e];

    /// <summary>Sorts the events of every case by order time, stable; returns how many cases needed it.</summary>
    private static int SortCases(int[] perm, int[] offsets, long[] times, long[]? starts)
    {
        int caseCount = offsets.Length - 1;
        int reordered = 0;
        var ranges = Partitioner.Create(0, caseCount, Math.Max(1024, caseCount / (Environment.ProcessorCount * 8) + 1));
        Parallel.ForEach(ranges, range =>
        {
            int local = 0;
            EventKey[]? scratch = null;
            for (int c = range.Item1; c < range.Item2; c++)
            {
                int from = offsets[c], to = offsets[c + 1];
                bool sorted = true;
                long prev = long.MinValue;
                for (int i = from; i < to; i++)
                {
                    long t = OrderTime(times, starts, perm[i]);
                    if (t < prev)
                    {
                        sorted = false;
                        break;
                    }

                    prev = t;
                }

                if (sorted)
                {
                    continue;
                }

                local++;
                int len = to - from;
                if (scratch is null || scratch.Length < len)
                {
                    scratch = new EventKey[Math.Max(len, 64)];
                }

                for (int i = 0; i < len; i++)
                {
                    int e = perm[from + i];
                    scratch[i] = new EventKey(OrderTime(times, starts, e), e);
                }

                // Ties break on the raw index, which is file order: the sort is stable.
                scratch.AsSpan(0, len).Sort();
                for (int i = 0; i < len; i++)
                {
                    perm[from + i] = scratch[i].Event;
                }
            }

            if (local > 0)
            {
                Interlocked.Add(ref reordered, local);
            }
        });
        return reordered;
    }

    /// <summary>
    /// Within each case (already in time order), gives each complete event the time of the earliest unmatched start
    /// of the same activity and drops that start event. Starts never completed stay as events of their own.
    /// </summary>
    private static (int Paired, int Unpaired) PairLifecycles(ref int[] perm, ref int[] offsets, int[] activities, long[] times, long[] starts, Lifecycle[] lifecycles)
    {
        int caseCount = offsets.Length - 1;
        var drop = new bool[perm.Length];
        int paired = 0, unpaired = 0;
        var pending = new Dictionary<int, Queue<int>>();
        for (int c = 0; c < caseCount; c++)
        {
            pending.Clear();
            for (int i = offsets[c]; i < offsets[c + 1]; i++)
            {
                int e = perm[i];
                var lc = lifecycles[e];
                if (lc == Lifecycle.Start)
                {
                    if (!pending.TryGetValue(activities[e], out var q))
                    {
                        q = new Queue<int>();
                        pending[activities[e]] = q;
                    }

                    q.Enqueue(i);
                }
                else if (lc == Lifecycle.Complete && pending.TryGetValue(activities[e], out var q) && q.Count > 0)
                {
                    int startPos = q.Dequeue();
                    starts[e] = times[perm[startPos]];
                    drop[startPos] = true;
                    paired++;
                }
            }

            foreach (var q in pending.Values)
            {
                unpaired += q.Count;
            }
        }

        if (paired == 0)
        {
            return (0, unpaired);
        }

        var kept = new int[perm.Length - paired];
        var newOffsets = new int[caseCount + 1];
        int k = 0;
        for (int c = 0; c < caseCount; c++)
        {
            newOffsets[c] = k;
            for (int i = offsets[c]; i < offsets[c + 1]; i++)
            {
                if (!drop[i])
                {
                    kept[k++] = perm[i];
                }
            }
        }

        newOffsets[caseCount] = k;
        offsets = newOffsets;
        perm = kept;
        return (paired, unpaired);
    }

    private static T[] Gather<T>(T[] source, int[] order)
    {
        var result = new T[order.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = source[order[i]];
        }

        return result;
    }

    private static AttributeColumn[] GatherAll(IReadOnlyList<AttributeColumn> columns, int[] order)
    {
        var result = new AttributeColumn[columns.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = columns[i].Gather(order);
        }

        return result;
    }

    private readonly record struct EventKey(long Time, int Event) : IComparable<EventKey>
    {
        public int CompareTo(EventKey other)
        {
            int c = Time.CompareTo(other.Time);
            return c != 0 ? c : Event.CompareTo(other.Event);
        }
    }

    private readonly record struct CaseKey(long Time, int Case) : IComparable<CaseKey>
    {
        public int CompareTo(CaseKey other)
        {
            int c = Time.CompareTo(other.Time);
            return c != 0 ? c : Case.CompareTo(other.Case);
        }
    }
}
