using System.Runtime.InteropServices;
using Stepwise.Mining.Attributes;
using Stepwise.Mining.Time;

namespace Stepwise.Mining.Assembly;

/// <summary>What assembly did to the events it was given, for the import report.</summary>
/// <param name="CasesReordered">Cases whose events were not in time order as read.</param>
/// <param name="CasesLeftOut">Cases all of whose events belonged to instances left out by lifecycle pairing.</param>
internal sealed record AssemblyStats(int CasesReordered, int CasesLeftOut);

/// <summary>
/// Turns a <see cref="RawLog"/> into the canonical <see cref="EventLog"/>. Events are scattered in file order to
/// their case's slot (a stable counting sort: sequential reads, one pass), each case is checked and, only where
/// needed, sorted by time; lifecycle transitions are paired into instances (<see cref="LifecyclePairing"/>); cases
/// are put in order of their first event (skipped when they already are, as in a time-ordered export).
/// </summary>
internal static class LogAssembler
{
    /// <summary>The name of the event attribute holding the suspensions of instances paired from lifecycle
    /// transitions (<c>from/to;from/to</c> in ISO-8601 UTC).</summary>
    public const string SuspensionsAttribute = Mining.Suspensions.AttributeName;

    public static EventLog Assemble(RawLog raw, Stepwise.Mining.IO.LifecycleHandling handling, out Stepwise.Mining.IO.LifecycleReport lifecycle, out AssemblyStats stats)
    {
        int n = raw.EventCount;
        int caseCount = raw.CaseIds.Length;
        var segments = raw.Segments;

        var offsets = new int[caseCount + 1];
        foreach (var segment in segments)
        {
            var caseOf = segment.CaseOf;
            for (int i = 0; i < segment.Count; i++)
            {
                offsets[caseOf[i] + 1]++;
            }
        }

        for (int c = 0; c < caseCount; c++)
        {
            offsets[c + 1] += offsets[c];
        }

        // 1. Scatter every column to case order, stable in file order. One segment without lifecycle transitions (a
        // plain file) is moved within its own arrays through one spare of four bytes an event (ColumnScatter), so
        // that the import never holds two copies of its columns;
        // several segments (a streamed file) or transitions to pair are scattered into new columns.
        bool hasLifecycles = raw.HasLifecycles;
        bool inPlace = segments.Count == 1 && !hasLifecycles;
        int[]? scratch = null;
        int[]? spare = null;
        AssemblyColumns cols;
        if (inPlace)
        {
            scratch = segments[0].CaseOf;
            cols = ScatterInPlace(segments[0], offsets, raw.EventColumns.Count > 0, out spare);
        }
        else
        {
            cols = new AssemblyColumns(n, raw.HasStartTimes || hasLifecycles, hasLifecycles, raw.CodeColumns.Count, raw.EventColumns.Count > 0);
            var cursor = offsets.AsSpan(0, caseCount).ToArray();
            int e = 0;
            foreach (var segment in segments)
            {
                var caseOf = segment.CaseOf;
                var acts = segment.Activities;
                var res = segment.Resources;
                var times = segment.Times;
                for (int i = 0; i < segment.Count; i++, e++)
                {
                    int d = cursor[caseOf[i]]++;
                    cols.Activities[d] = acts[i];
                    cols.Resources[d] = res[i];
                    cols.Times[d] = times[i];
                    if (cols.Source is not null)
                    {
                        cols.Source[d] = e;
                    }
                }
            }

            if (cols.Starts is not null)
            {
                var cursorS = offsets.AsSpan(0, caseCount).ToArray();
                foreach (var segment in segments)
                {
                    var caseOf = segment.CaseOf;
                    var starts = segment.Starts;
                    var lifecycles = segment.Lifecycles;
                    for (int i = 0; i < segment.Count; i++)
                    {
                        int d = cursorS[caseOf[i]]++;
                        cols.Starts[d] = starts is null ? Timestamp.None : starts[i];
                        if (cols.Lifecycles is not null)
                        {
                            cols.Lifecycles[d] = lifecycles is null ? Lifecycle.None : lifecycles[i];
                        }
                    }
                }
            }

            Parallel.For(0, raw.CodeColumns.Count, k =>
            {
                var target = cols.Codes[k];
                var cur = offsets.AsSpan(0, caseCount).ToArray();
                foreach (var segment in segments)
                {
                    var caseOf = segment.CaseOf;
                    var source = segment.Codes[k];
                    for (int i = 0; i < segment.Count; i++)
                    {
                        target[cur[caseOf[i]]++] = source[i];
                    }
                }
            });
        }

        // 2. Sort each case by time where it is not already.
        int reordered = SortCases(cols, offsets);

        // 3. Pair lifecycle transitions into instances.
        var counts = new PairingCounts();
        var pauses = new List<long[]>();
        // Only transitions that open, change or end an instance need pairing (a log of complete events does not).
        var codes = cols.Lifecycles is null ? default : MemoryMarshal.Cast<Lifecycle, byte>(cols.Lifecycles.AsSpan(0, n));
        bool pairs = handling == Stepwise.Mining.IO.LifecycleHandling.Pair && cols.Lifecycles is not null
            && (codes.ContainsAnyInRange((byte)Lifecycle.Schedule, (byte)Lifecycle.Resume) || codes.ContainsAnyInRange((byte)Lifecycle.AutoSkip, (byte)Lifecycle.PiAbort));
        if (pairs)
        {
            var drop = LifecyclePairing.Pair(cols, offsets, pauses, counts);
            if (counts.Merged + counts.Dropped > 0)
            {
                (cols, offsets) = Keep(cols, offsets, drop);
            }

            SortCases(cols, offsets);
        }
        else if (cols.Lifecycles is not null && handling == Stepwise.Mining.IO.LifecycleHandling.Pair)
        {
            foreach (var lc in cols.Lifecycles.AsSpan(0, n))
            {
                counts.NonStandard += lc is Lifecycle.Other or Lifecycle.Unknown ? 1 : 0;
            }
        }

        // 4. Cases in order of their first event, stable on first appearance; cases left empty by pairing go.
        string[] caseIds = raw.CaseIds;
        int[]? caseOrder = null;
        int emptyCases = 0;
        for (int c = 0; c < caseCount; c++)
        {
            emptyCases += offsets[c + 1] == offsets[c] ? 1 : 0;
        }

        bool ordered = emptyCases == 0;
        for (int c = 1; c < caseCount && ordered; c++)
        {
            ordered = cols.OrderTime(offsets[c]) >= cols.OrderTime(offsets[c - 1]);
        }

        if (!ordered)
        {
            var keys = new CaseKey[caseCount - emptyCases];
            int k = 0;
            for (int c = 0; c < caseCount; c++)
            {
                if (offsets[c + 1] > offsets[c])
                {
                    keys[k++] = new CaseKey(cols.OrderTime(offsets[c]), c);
                }
            }

            keys.AsSpan().Sort();
            caseOrder = new int[keys.Length];
            caseIds = new string[keys.Length];
            for (int i = 0; i < keys.Length; i++)
            {
                caseOrder[i] = keys[i].Case;
                caseIds[i] = raw.CaseIds[keys[i].Case];
            }

            (cols, offsets) = scratch is null ? Reorder(cols, offsets, caseOrder) : ReorderInPlace(cols, offsets, caseOrder, scratch, spare);
            caseCount = keys.Length;
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

        if (pauses.Count > 0 && cols.Pauses is not null && eventColumns.TrueForAll(c => c.Name != SuspensionsAttribute))
        {
            eventColumns.Add(SuspensionColumn(cols.Pauses, total, pauses));
        }

        stats = new AssemblyStats(reordered, emptyCases);
        lifecycle = new Stepwise.Mining.IO.LifecycleReport
        {
            Handling = handling,
            EventsRead = n,
            Instances = total,
            Transitions = raw.Transitions,
            MergedEvents = counts.Merged,
            DroppedEvents = counts.Dropped,
            NeverStarted = counts.NeverStarted,
            Withdrawn = counts.Withdrawn,
            Skipped = counts.Skipped,
            Aborted = counts.Aborted,
            Unfinished = counts.Unfinished,
            Suspensions = counts.Suspensions,
            Unmatched = counts.Unmatched,
            NonStandard = counts.NonStandard,
            CasesLeftOut = emptyCases,
        };
        return EventLog.CreateTrusted(
            caseIds,
            offsets,
            inPlace ? cols.Activities : Trim(cols.Activities, total),
            inPlace ? cols.Resources : Trim(cols.Resources, total),
            inPlace ? cols.Times : Trim(cols.Times, total),
            cols.Starts is null || !HasAny(cols.Starts, total) ? null : inPlace ? cols.Starts : Trim(cols.Starts, total),
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
    private static int SortCases(AssemblyColumns cols, int[] offsets)
    {
        int caseCount = offsets.Length - 1;
        int reordered = 0;
        var ranges = System.Collections.Concurrent.Partitioner.Create(0, caseCount, Math.Max(4096, (caseCount / (Environment.ProcessorCount * 4)) + 1));
        Parallel.ForEach(ranges, range =>
        {
            int local = 0;
            EventKey[]? scratch = null;
            int[]? order = null;
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
                if (order is null || order.Length < len)
                {
                    order = new int[scratch.Length];
                }

                for (int i = 0; i < len; i++)
                {
                    order[i] = scratch[i].Event;
                }

                cols.Permute(from, len, order.AsSpan(0, len));
            }

            if (local > 0)
            {
                Interlocked.Add(ref reordered, local);
            }
        });
        return reordered;
    }

    /// <summary>The columns without the dropped rows, and the case offsets to match.</summary>
    private static (AssemblyColumns, int[]) Keep(AssemblyColumns cols, int[] offsets, bool[] drop)
    {
        int caseCount = offsets.Length - 1;
        int n = offsets[caseCount];
        var keep = new int[n - drop.Count(d => d)];
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
        return (cols.Select(keep), newOffsets);
    }

    /// <summary>The suspensions of paired instances as a text attribute (so that they are stored and written with the log).</summary>
    private static StringColumn SuspensionColumn(int[] pauseRef, int count, List<long[]> pauses)
    {
        var codes = new int[count];
        var values = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int e = 0; e < count; e++)
        {
            int p = pauseRef[e];
            if (p < 0)
            {
                codes[e] = -1;
                continue;
            }

            string text = Mining.Suspensions.Format(pauses[p]);
            if (!index.TryGetValue(text, out int code))
            {
                code = values.Count;
                index[text] = code;
                values.Add(text);
            }

            codes[e] = code;
        }

        return StringColumn.Trusted(SuspensionsAttribute, codes, new NameTable(values));
    }

    /// <summary>
    /// The events of the one segment moved to case order within its own arrays (stable in file order). The segment's
    /// case column is rewritten into each event's destination and is not needed afterwards except as scratch space.
    /// </summary>
    private static AssemblyColumns ScatterInPlace(RawSegment segment, int[] offsets, bool source, out int[] spare)
    {
        int n = segment.Count;
        var destination = segment.CaseOf;
        var cursor = offsets.AsSpan(0, offsets.Length - 1).ToArray();
        for (int i = 0; i < n; i++)
        {
            destination[i] = cursor[destination[i]]++;
        }

        int[]? rows = null;
        if (source)
        {
            rows = new int[n];
            for (int i = 0; i < n; i++)
            {
                rows[i] = i;
            }
        }

        var cols = AssemblyColumns.Wrap(segment.Activities, segment.Resources, segment.Times, rows, segment.Starts, segment.Codes);
        var scatter = new ColumnScatter(destination, n);
        cols = Move(cols, scatter);
        spare = scatter.Spare;

        // The case column (now scratch) and the spare (the old array of a column) are let go with the assembly, not
        // kept alive by whoever still holds the raw log.
        segment.CaseOf = segment.Activities = segment.Resources = [];
        return cols;
    }

    /// <summary>Cases put in the order given, within the columns' own arrays; <paramref name="scratch"/> (one int
    /// per event) holds the permutation, and the spare left by the first scatter is used again.</summary>
    private static (AssemblyColumns, int[]) ReorderInPlace(AssemblyColumns cols, int[] offsets, int[] caseOrder, int[] scratch, int[]? spare)
    {
        int caseCount = caseOrder.Length;
        var newOffsets = new int[caseCount + 1];
        int pos = 0;
        for (int i = 0; i < caseCount; i++)
        {
            int c = caseOrder[i];
            newOffsets[i] = pos;
            for (int e = offsets[c]; e < offsets[c + 1]; e++)
            {
                scratch[e] = pos++;
            }
        }

        newOffsets[caseCount] = pos;
        return (Move(cols, new ColumnScatter(scratch, pos, spare)), newOffsets);
    }

    /// <summary>Every column moved by one scatter, one after the other through the one spare.</summary>
    private static AssemblyColumns Move(AssemblyColumns cols, ColumnScatter scatter)
    {
        scatter.Apply(cols.Times);
        if (cols.Starts is not null)
        {
            scatter.Apply(cols.Starts);
        }

        var activities = cols.Activities;
        scatter.Apply(ref activities);
        var resources = cols.Resources;
        scatter.Apply(ref resources);
        var codes = cols.Codes;
        for (int k = 0; k < codes.Length; k++)
        {
            scatter.Apply(ref codes[k]);
        }

        var source = cols.Source;
        if (source is not null)
        {
            scatter.Apply(ref source);
        }

        return AssemblyColumns.Wrap(activities, resources, cols.Times, source, cols.Starts, codes);
    }

    private static (AssemblyColumns, int[]) Reorder(AssemblyColumns cols, int[] offsets, int[] caseOrder)
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
