using Stepwise.Mining.Attributes;
using Stepwise.Mining.Time;

namespace Stepwise.Mining.Assembly;

/// <summary>What assembly did to the events it was given, for the import report.</summary>
internal sealed record AssemblyStats(int CasesReordered, int PairedLifecycles, int UnpairedStarts);

/// <summary>
/// Turns a <see cref="RawLog"/> into the canonical <see cref="EventLog"/>. Events are scattered in file order to
/// their case's slot (a stable counting sort: sequential reads, one pass), each case is checked and, only where
/// needed, sorted by time; start/complete lifecycle events are paired; cases are put in order of their first event
/// (skipped when they already are, as in a time-ordered export).
/// </summary>
internal static class LogAssembler
{
    public static EventLog Assemble(RawLog raw, out AssemblyStats stats)
    {
        int n = raw.EventCount;
        int caseCount = raw.CaseIds.Length;
        var caseOf = raw.CaseOf;

        var offsets = new int[caseCount + 1];
        for (int e = 0; e < n; e++)
        {
            offsets[caseOf[e] + 1]++;
        }

        for (int c = 0; c < caseCount; c++)
        {
            offsets[c + 1] += offsets[c];
        }

        // 1. Scatter every column to case order, stable in file order.
        var cols = new Columns(n, raw.StartTimes is not null || raw.Lifecycles is not null, raw.Lifecycles is not null, raw.CodeColumns.Count, raw.EventColumns.Count > 0);
        {
            var cursor = offsets.AsSpan(0, caseCount).ToArray();
            var acts = raw.Activities;
            var res = raw.Resources;
            var times = raw.Times;
            var starts = raw.StartTimes;
            var lifecycles = raw.Lifecycles;
            for (int e = 0; e < n; e++)
            {
                int d = cursor[caseOf[e]]++;
                cols.Activities[d] = acts[e];
                cols.Resources[d] = res[e];
                cols.Times[d] = times[e];
                if (cols.Source is not null)
                {
                    cols.Source[d] = e;
                }
            }

            if (cols.Starts is not null)
            {
                var cursorS = offsets.AsSpan(0, caseCount).ToArray();
                for (int e = 0; e < n; e++)
                {
                    int d = cursorS[caseOf[e]]++;
                    cols.Starts[d] = starts is null ? Timestamp.None : starts[e];
                    if (lifecycles is not null)
                    {
                        cols.Lifecycles![d] = lifecycles[e];
                    }
                }
            }

            Parallel.For(0, raw.CodeColumns.Count, k =>
            {
                var source = raw.CodeColumns[k].Codes;
                var target = cols.Codes[k];
                var cur = offsets.AsSpan(0, caseCount).ToArray();
                for (int e = 0; e < n; e++)
                {
                    target[cur[caseOf[e]]++] = source[e];
                }
            });
        }

        // 2. Sort each case by time where it is not already.
        int reordered = SortCases(cols, offsets);

        // 3. Pair start/complete lifecycle events into instances.
        int paired = 0, unpairedStarts = 0;
        if (cols.Lifecycles is not null && Array.IndexOf(cols.Lifecycles, Lifecycle.Start) >= 0)
        {
            (paired, unpairedStarts) = PairLifecycles(ref cols, ref offsets);
            SortCases(cols, offsets);
        }

        // 4. Cases in order of their first event, stable on first appearance.
        string[] caseIds = raw.CaseIds;
        int[]? caseOrder = null;
        bool ordered = true;
        for (int c = 1; c < caseCount && ordered; c++)
        {
            ordered = cols.OrderTime(offsets[c]) >= cols.OrderTime(offsets[c - 1]);
        }

        if (!ordered)
        {
            var keys = new CaseKey[caseCount];
            for (int c = 0; c < caseCount; c++)
            {
                keys[c] = new CaseKey(cols.OrderTime(offsets[c]), c);
            }

            keys.AsSpan().Sort();
            caseOrder = new int[caseCount];
            caseIds = new string[caseCount];
            for (int i = 0; i < caseCount; i++)
            {
                caseOrder[i] = keys[i].Case;
                caseIds[i] = raw.CaseIds[keys[i].Case];
            }

            (cols, offsets) = Reorder(cols, offsets, caseOrder);
        }

        // 5. Attribute columns in final order.
        int total = offsets[caseCount];
        var eventColumns = new List<AttributeColumn>(raw.EventColumns.Count + raw.CodeColumns.Count);
        var caseColumns = new List<AttributeColumn>(raw.CaseColumns.Count);
        var gathered = new AttributeColumn[raw.EventColumns.Count];
        Parallel.For(0, gathered.Length, i => gathered[i] = raw.EventColumns[i].Gather(cols.Source!.AsSpan(0, total)));
        eventColumns.AddRange(gathered);
        foreach (var column in raw.CaseColumns)
        {
            caseColumns.Add(caseOrder is null ? column : column.Gather(caseOrder));
        }

        var finished = new AttributeColumn[raw.CodeColumns.Count];
        Parallel.For(0, finished.Length, k => finished[k] = raw.CodeColumns[k].Finish(cols.Codes[k], offsets, caseIds));
        for (int k = 0; k < finished.Length; k++)
        {
            (raw.CodeColumns[k].CaseLevel ? caseColumns : eventColumns).Add(finished[k]);
        }

        stats = new AssemblyStats(reordered, paired, unpairedStarts);
        return EventLog.CreateTrusted(
            caseIds,
            offsets,
            Trim(cols.Activities, total),
            Trim(cols.Resources, total),
            Trim(cols.Times, total),
            cols.Starts is null || !HasAny(cols.Starts, total) ? null : Trim(cols.Starts, total),
            raw.ActivityNames,
            raw.ResourceNames,
            new AttributeTable(caseCount, caseColumns),
            new AttributeTable(total, eventColumns),
            raw.Metadata);
    }

    private static bool HasAny(long[] starts, int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (starts[i] != Timestamp.None)
            {
                return true;
            }
        }

        return false;
    }

    private static T[] Trim<T>(T[] array, int length) => array.Length == length ? array : array.AsSpan(0, length).ToArray();

    /// <summary>Sorts the events of every case by order time, stable; returns how many cases needed it.</summary>
    private static int SortCases(Columns cols, int[] offsets)
    {
        int caseCount = offsets.Length - 1;
        int reordered = 0;
        var ranges = System.Collections.Concurrent.Partitioner.Create(0, caseCount, Math.Max(4096, (caseCount / (Environment.ProcessorCount * 4)) + 1));
        Parallel.ForEach(ranges, range =>
        {
            int local = 0;
            EventKey[]? scratch = null;
            for (int c = range.Item1; c < range.Item2; c++)
            {
                int from = offsets[c], to = offsets[c + 1];
                bool sorted = true;
                for (int i = from + 1; i < to; i++)
                {
                    if (cols.OrderTime(i) < cols.OrderTime(i - 1))
                    {
                        sorted = false;
                        break;
                    }
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
                    // Ties break on the position, which is file order within the case: the sort is stable.
                    scratch[i] = new EventKey(cols.OrderTime(from + i), i);
                }

                scratch.AsSpan(0, len).Sort();
                cols.Permute(from, len, scratch);
            }

            if (local > 0)
            {
                Interlocked.Add(ref reordered, local);
            }
        });
        return reordered;
    }

    /// <summary>
    /// Within each case (in time order), gives each complete event the time of the earliest unmatched start of the
    /// same activity and drops that start event. Starts never completed stay as events of their own.
    /// </summary>
    private static (int Paired, int Unpaired) PairLifecycles(ref Columns cols, ref int[] offsets)
    {
        int caseCount = offsets.Length - 1;
        int n = offsets[caseCount];
        var drop = new bool[n];
        int paired = 0, unpaired = 0;
        var pending = new Dictionary<int, Queue<int>>();
        for (int c = 0; c < caseCount; c++)
        {
            pending.Clear();
            for (int i = offsets[c]; i < offsets[c + 1]; i++)
            {
                var lc = cols.Lifecycles![i];
                int activity = cols.Activities[i];
                if (lc == Lifecycle.Start)
                {
                    if (!pending.TryGetValue(activity, out var q))
                    {
                        q = new Queue<int>();
                        pending[activity] = q;
                    }

                    q.Enqueue(i);
                }
                else if (lc == Lifecycle.Complete && pending.TryGetValue(activity, out var q) && q.Count > 0)
                {
                    int start = q.Dequeue();
                    cols.Starts![i] = cols.Times[start];
                    drop[start] = true;
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

        var keep = new int[n - paired];
        var newOffsets = new int[caseCount + 1];
        int k = 0;
        for (int c = 0; c < caseCount; c++)
        {
            newOffsets[c] = k;
            for (int i = offsets[c]; i < offsets[c + 1]; i++)
            {
                if (!drop[i])
                {
                    keep[k++] = i;
                }
            }
        }

        newOffsets[caseCount] = k;
        offsets = newOffsets;
        cols = cols.Select(keep);
        return (paired, unpaired);
    }

    private static (Columns, int[]) Reorder(Columns cols, int[] offsets, int[] caseOrder)
    {
        int caseCount = caseOrder.Length;
        var order = new int[offsets[caseCount]];
        var newOffsets = new int[caseCount + 1];
        int pos = 0;
        for (int i = 0; i < caseCount; i++)
        {
            int c = caseOrder[i];
            newOffsets[i] = pos;
            for (int e = offsets[c]; e < offsets[c + 1]; e++)
            {
                order[pos++] = e;
            }
        }

        newOffsets[caseCount] = pos;
        return (cols.Select(order), newOffsets);
    }

    /// <summary>The event columns during assembly, all in the same order.</summary>
    private sealed class Columns
    {
        public Columns(int n, bool starts, bool lifecycles, int codeColumns, bool source)
        {
            Activities = new int[n];
            Resources = new int[n];
            Times = new long[n];
            Source = source ? new int[n] : null;
            Starts = starts ? new long[n] : null;
            Lifecycles = lifecycles ? new Lifecycle[n] : null;
            Codes = new int[codeColumns][];
            for (int k = 0; k < codeColumns; k++)
            {
                Codes[k] = new int[n];
            }
        }

        private Columns(int[] activities, int[] resources, long[] times, int[]? source, long[]? starts, Lifecycle[]? lifecycles, int[][] codes)
        {
            Activities = activities;
            Resources = resources;
            Times = times;
            Source = source;
            Starts = starts;
            Lifecycles = lifecycles;
            Codes = codes;
        }

        public int[] Activities { get; }

        public int[] Resources { get; }

        public long[] Times { get; }

        /// <summary>The raw (file-order) index of each event, kept only when prebuilt columns must be gathered.</summary>
        public int[]? Source { get; }

        public long[]? Starts { get; }

        public Lifecycle[]? Lifecycles { get; }

        public int[][] Codes { get; }

        public long OrderTime(int i) => Starts is not null && Starts[i] != Timestamp.None ? Starts[i] : Times[i];

        /// <summary>Reorders the segment starting at <paramref name="from"/> so that position i takes the event at
        /// offset <c>keys[i].Event</c> of the segment.</summary>
        public void Permute(int from, int len, EventKey[] keys)
        {
            PermuteOne(Activities, from, len, keys);
            PermuteOne(Resources, from, len, keys);
            PermuteOne(Times, from, len, keys);
            if (Source is not null)
            {
                PermuteOne(Source, from, len, keys);
            }
            if (Starts is not null)
            {
                PermuteOne(Starts, from, len, keys);
            }

            if (Lifecycles is not null)
            {
                PermuteOne(Lifecycles, from, len, keys);
            }

            foreach (var codes in Codes)
            {
                PermuteOne(codes, from, len, keys);
            }
        }

        public Columns Select(int[] order) => new(
            Pick(Activities, order),
            Pick(Resources, order),
            Pick(Times, order),
            Source is null ? null : Pick(Source, order),
            Starts is null ? null : Pick(Starts, order),
            Lifecycles is null ? null : Pick(Lifecycles, order),
            [.. Codes.Select(c => Pick(c, order))]);

        private static void PermuteOne<T>(T[] array, int from, int len, EventKey[] keys)
        {
            var copy = array.AsSpan(from, len).ToArray();
            for (int i = 0; i < len; i++)
            {
                array[from + i] = copy[keys[i].Event];
            }
        }

        private static T[] Pick<T>(T[] source, int[] order)
        {
            var result = new T[order.Length];
            for (int i = 0; i < order.Length; i++)
            {
                result[i] = source[order[i]];
            }

            return result;
        }
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
