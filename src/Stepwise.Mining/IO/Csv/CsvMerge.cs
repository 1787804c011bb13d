using System.Globalization;
using System.Text;
using Stepwise.Mining.Assembly;
using Stepwise.Mining.Attributes;
using Stepwise.Mining.IO.Sources;
using Stepwise.Mining.Time;

namespace Stepwise.Mining.IO.Csv;

/// <summary>
/// Turns the parsed columns into one raw log: global value tables in file order (each chunk's own ids remapped
/// where its rows lie as each wave was read), the rows handed over as one segment, lifecycle transitions read,
/// and attribute columns set up to be typed once in final order.
/// </summary>
internal static class CsvMerge
{
    internal static RawLog Merge(CsvLayout layout, CsvEventBuffer events, int total, CsvValueTables tables, HashSet<string> caseAttributeNames, string? lifecycleName, CsvLogOptions csv, EventLogReadOptions options, string file, string format, out CaseAttributeConflicts[] caseConflicts)
    {
        var (cases, activities, resources, attributes) = (tables.Cases, tables.Activities, tables.Resources, tables.Attributes);
        // The rows of every wave lie one after the other in the one set of columns (each wave made contiguous as it
        // was read): they are handed over as one segment, put in case order in place.
        List<RawSegment> segments =
        [
            new RawSegment
            {
                CaseOf = events.CaseOf,
                Activities = events.Activities,
                Resources = events.Resources,
                Times = events.Times,
                Starts = events.Starts,
                Codes = events.Attributes,
                Count = total,
            },
        ];
        events.Release();

        var caseIds = cases.ToStrings();
        var codeColumns = new List<RawCodeColumn>();
        var conflicts = new List<CaseAttributeConflicts>();
        IReadOnlyList<KeyValuePair<string, long>> transitions = new KeyValuePair<string, long>[0];
        var activityNames = activities.ToNameTable();
        for (int k = 0; k < attributes.Length; k++)
        {
            string name = layout.Header[layout.AttributeFields[k]];
            var values = attributes[k].ToNameTable();
            if (name == lifecycleName)
            {
                transitions = ToLifecycles(segments, k, values);
                if (options.Lifecycle == LifecycleHandling.Classifier)
                {
                    activityNames = WithTransitions(segments, k, activityNames, values);
                }
            }

            if (caseAttributeNames.Contains(name))
            {
                string caseName = name.StartsWith("case:", StringComparison.OrdinalIgnoreCase) ? name[5..] : name;
                var conflictsOfColumn = new CaseAttributeConflicts(caseName);
                conflicts.Add(conflictsOfColumn);
                codeColumns.Add(new RawCodeColumn(caseName, CaseLevel: true, (ordered, offsets, finalCaseIds) =>
                {
                    var perCase = ReduceToCases(ordered, offsets, values, finalCaseIds, conflictsOfColumn);
                    return csv.InferAttributeTypes ? CsvAttributeTypes.Infer(caseName, perCase, perCase.Length, values, layout.TimeFormat) : StringColumn.Trusted(caseName, perCase, values);
                }));
            }
            else
            {
                codeColumns.Add(new RawCodeColumn(name, CaseLevel: false, (ordered, offsets, _) =>
                    csv.InferAttributeTypes ? CsvAttributeTypes.Infer(name, ordered, offsets[^1], values, layout.TimeFormat) : StringColumn.Trusted(name, ordered, values, offsets[^1])));
            }
        }

        caseConflicts = [.. conflicts];
        return new RawLog
        {
            CaseIds = caseIds,
            Segments = segments,
            Transitions = transitions,
            ActivityNames = activityNames,
            ResourceNames = resources.ToNameTable(),
            CodeColumns = codeColumns,
            Metadata = new LogMetadata { SourceName = file, SourceFormat = format },
        };
    }

    /// <summary>Activity names for steps named by activity and transition (<c>A+start</c>), with the activity ids of
    /// every segment rewritten in place; events without a transition keep the activity's name.</summary>
    private static NameTable WithTransitions(List<RawSegment> segments, int column, NameTable activityNames, NameTable transitionNames)
    {
        var names = new List<string>();
        var index = new Dictionary<(int, int), int>();
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var segment in segments)
        {
            var activities = segment.Activities;
            var transitions = segment.Codes[column];
            for (int e = 0; e < segment.Count; e++)
            {
                var key = (activities[e], transitions[e]);
                if (!index.TryGetValue(key, out int id))
                {
                    string name = transitions[e] < 0 ? activityNames[activities[e]] : activityNames[activities[e]] + "+" + transitionNames[transitions[e]];
                    if (!lookup.TryGetValue(name, out id))
                    {
                        id = names.Count;
                        names.Add(name);
                        lookup[name] = id;
                    }

                    index[key] = id;
                }

                activities[e] = id;
            }
        }

        return new NameTable(names);
    }

    internal static int[] MapInto(Utf8Interner local, Utf8Interner global)
    {
        var map = new int[local.Count];
        for (int id = 0; id < map.Length; id++)
        {
            map[id] = global.Intern(local.Bytes(id));
        }

        return map;
    }

    /// <summary>Whether <paramref name="map"/> takes every id to itself.</summary>
    internal static bool IsIdentity(int[] map)
    {
        for (int id = 0; id < map.Length; id++)
        {
            if (map[id] != id)
            {
                return false;
            }
        }

        return true;
    }

    internal static void Remap(int[] ids, int start, int count, int[] map)
    {
        var span = ids.AsSpan(start, count);
        for (int i = 0; i < span.Length; i++)
        {
            int id = span[i];
            if (id >= 0)
            {
                span[i] = map[id];
            }
        }
    }

    /// <summary>Sets each segment's lifecycle transitions from the lifecycle column's codes; returns each value
    /// as written with its count, most frequent first.</summary>
    private static IReadOnlyList<KeyValuePair<string, long>> ToLifecycles(List<RawSegment> segments, int column, NameTable values)
    {
        var byCode = new Lifecycle[values.Count];
        for (int v = 0; v < values.Count; v++)
        {
            byCode[v] = Lifecycles.Parse(values[v]);
        }

        var counts = new long[values.Count];
        foreach (var segment in segments)
        {
            var codes = segment.Codes[column];
            var starts = segment.Starts;
            var result = new Lifecycle[segment.Count];
            for (int e = 0; e < segment.Count; e++)
            {
                int code = codes[e];
                if (code >= 0)
                {
                    // A row that has its own start time is a whole instance already (as a log Stepwise wrote):
                    // its transition stays an attribute and takes no part in pairing.
                    result[e] = starts is not null && starts[e] != Time.Timestamp.None ? Lifecycle.None : byCode[code];
                    counts[code]++;
                }
            }

            segment.Lifecycles = result;
        }

        return [.. Enumerable.Range(0, values.Count).Where(v => counts[v] > 0)
            .Select(v => new KeyValuePair<string, long>(values[v], counts[v]))
            .OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal)];
    }

    /// <summary>Each case's first value of a case-attribute column (in time order), counting every row whose value
    /// differs from it into <paramref name="conflicts"/>.</summary>
    private static int[] ReduceToCases(int[] codes, int[] offsets, NameTable values, IReadOnlyList<string> caseIds, CaseAttributeConflicts conflicts)
    {
        int caseCount = offsets.Length - 1;
        var perCase = new int[caseCount];
        for (int c = 0; c < caseCount; c++)
        {
            int first = -1, other = -1, differ = 0;
            for (int e = offsets[c]; e < offsets[c + 1]; e++)
            {
                int code = codes[e];
                if (code < 0)
                {
                    continue;
                }

                if (first < 0)
                {
                    first = code;
                }
                else if (code != first)
                {
                    other = differ == 0 ? code : other;
                    differ++;
                }
            }

            if (differ > 0)
            {
                conflicts.Add(caseIds[c], differ, first, other, values);
            }

            perCase[c] = first;
        }

        return perCase;
    }
}
