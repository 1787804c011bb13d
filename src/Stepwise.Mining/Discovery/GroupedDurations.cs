using Stepwise.Mining.Statistics;

namespace Stepwise.Mining.Discovery;

/// <summary>
/// Durations tagged with a group (an activity, an edge, a pair of resources), collected in one pass and summarised
/// per group: the values are bucketed by group with a counting sort, then each bucket is summarised by selection.
/// </summary>
internal sealed class GroupedDurations(int capacity)
{
    private int[] _groups = new int[Math.Max(16, capacity)];
    private long[] _values = new long[Math.Max(16, capacity)];
    private int _count;

    public int Count => _count;

    public void Add(int group, long ticks)
    {
        if (_count == _groups.Length)
        {
            Array.Resize(ref _groups, _count * 2);
            Array.Resize(ref _values, _count * 2);
        }

        _groups[_count] = group;
        _values[_count] = ticks;
        _count++;
    }

    /// <summary>Summaries of the groups that have durations (for sparse groups, such as overlaps per edge).</summary>
    public static Dictionary<int, DurationStatistics> MergeSparse(GroupedDurations[] parts)
    {
        var values = new Dictionary<int, List<long>>();
        foreach (var part in parts)
        {
            for (int i = 0; i < part._count; i++)
            {
                if (!values.TryGetValue(part._groups[i], out var list))
                {
                    list = [];
                    values[part._groups[i]] = list;
                }

                list.Add(part._values[i]);
            }
        }

        return values.ToDictionary(kv => kv.Key, kv => DurationStatistics.FromTicks(kv.Value.ToArray()));
    }

    /// <summary>Summaries per group of all the parts' durations.</summary>
    public static DurationStatistics[] Merge(GroupedDurations[] parts, int groups)
    {
        var start = new int[groups + 1];
        foreach (var part in parts)
        {
            for (int i = 0; i < part._count; i++)
            {
                start[part._groups[i] + 1]++;
            }
        }

        for (int g = 0; g < groups; g++)
        {
            start[g + 1] += start[g];
        }

        var values = new long[start[groups]];
        var cursor = start.AsSpan(0, groups).ToArray();
        foreach (var part in parts)
        {
            for (int i = 0; i < part._count; i++)
            {
                values[cursor[part._groups[i]]++] = part._values[i];
            }
        }

        var result = new DurationStatistics[groups];
        Parallel.For(0, groups, g => result[g] = DurationStatistics.FromTicks(values.AsSpan(start[g], start[g + 1] - start[g])));
        return result;
    }
}
