using Stepwise.Mining;

namespace Stepwise.Maps.Mapping;

/// <summary>
/// Which lanes a map draws and in which of them each step gets a box. The values doing the most events of the shown
/// steps get a lane each; beyond <see cref="MapOptions.MaxLanes"/> the rest share one pooled lane, so that an attribute
/// with hundreds of values (support groups) still shows where the work is done. A step gets a box in every lane that
/// does at least <see cref="MapOptions.LaneSplitShare"/> of its events; its other events are drawn in its main box.
/// A lane of its own whose boxes would hold less than half of its events (none, for a team doing a little of every
/// step among hundreds of teams; or a few, for a team reaching the share only in a rare step) also holds a box of the
/// step it does most of, so that the busiest values are always the lanes drawn, none empty, each showing its main
/// work, and their hand-overs show. Lanes are ordered by where along the flow their work lies on average, the pooled lane last.
/// </summary>
internal sealed class LaneAssignment
{
    private readonly int[] _codes;
    private readonly int[] _laneOfCode;
    private readonly int _noneLane;
    private readonly long[] _counts;
    private readonly long[] _totals;

    private LaneAssignment(MapLane[] lanes, int[] codes, int[] laneOfCode, int noneLane, long[] counts, long[] totals, List<int>[] boxLanes, int valueCount)
    {
        Lanes = lanes;
        _codes = codes;
        _laneOfCode = laneOfCode;
        _noneLane = noneLane;
        _counts = counts;
        _totals = totals;
        BoxLanes = boxLanes;
        ValueCount = valueCount;
    }

    public MapLane[] Lanes { get; }

    /// <summary>Lanes as indexed in the counts (the pooled lane, if any, last).</summary>
    public int LaneCount => Lanes.Length;

    /// <summary>The lanes each activity has a box in, the lane doing most of it first (empty for hidden steps).</summary>
    public List<int>[] BoxLanes { get; }

    /// <summary>Distinct values in the shown steps' events.</summary>
    public int ValueCount { get; }

    public int LaneOfRow(int row) => _codes[row] < 0 ? _noneLane : _laneOfCode[_codes[row]];

    /// <summary>The lane of the events without a value.</summary>
    public int NoneLane => _noneLane;

    /// <summary>The share of activity <paramref name="activity"/>'s events performed in <paramref name="lane"/>.</summary>
    public double Share(int activity, int lane)
        => _totals[activity] == 0 ? double.NaN : _counts[(activity * Lanes.Length) + lane] / (double)_totals[activity];

    /// <summary>The share of the shown events that lie in a box of the lane that performed them.</summary>
    public double Fit()
    {
        long inLane = 0, total = 0;
        for (int a = 0; a < _totals.Length; a++)
        {
            total += _totals[a];
            foreach (int lane in BoxLanes[a])
            {
                inLane += _counts[(a * Lanes.Length) + lane];
            }
        }

        return total == 0 ? double.NaN : inLane / (double)total;
    }

    /// <summary>The share of the shown events performed by values without a lane of their own (0 without a pool).</summary>
    public double PooledShare()
    {
        long pooled = 0, total = 0;
        for (int a = 0; a < _totals.Length; a++)
        {
            total += _totals[a];
            for (int lane = 0; lane < Lanes.Length; lane++)
            {
                if (Lanes[lane].IsPooled)
                {
                    pooled += _counts[(a * Lanes.Length) + lane];
                }
            }
        }

        return total == 0 ? 0 : pooled / (double)total;
    }

    public static LaneAssignment Choose(LogView view, int[] codes, NameTable values, bool[] shown, int[] rank, MapOptions options)
    {
        var log = view.Log;
        int v = values.Count;
        int activityCount = log.ActivityNames.Count;

        // Work per value and per activity and value (index v stands for "no value"), and where along the flow it lies.
        var events = new long[v + 1];
        var rankSum = new double[v + 1];
        var perActivity = new Dictionary<long, long>();
        for (int i = 0; i < view.CaseCount; i++)
        {
            int c = view.CaseAt(i);
            for (int row = log.CaseStart(c); row < log.CaseEnd(c); row++)
            {
                int a = log.Activities[row];
                if (shown[a])
                {
                    int code = codes[row] < 0 ? v : codes[row];
                    events[code]++;
                    rankSum[code] += rank[a];
                    long key = ((long)a * (v + 1)) + code;
                    perActivity[key] = perActivity.GetValueOrDefault(key) + 1;
                }
            }
        }

        var candidates = Enumerable.Range(0, v + 1).Where(k => events[k] > 0).ToList();
        string NameOf(int k) => k == v ? MapLane.NoneName : values[k];
        candidates.Sort((x, y) => events[y] != events[x] ? events[y].CompareTo(events[x]) : string.CompareOrdinal(NameOf(x), NameOf(y)));
        var owned = candidates.Take(candidates.Count <= options.MaxLanes ? candidates.Count : options.MaxLanes - 1).ToList();

        // The busiest values keep their lanes even where no step reaches the split share in them (a team doing a
        // little of every step, among hundreds of teams): such a lane holds a box of the step it does most of.
        var laneOfCode = LaneOfCode(owned, candidates, v, out int laneCount);

        // Lanes ordered by where along the flow their work lies on average; the pool last.
        var order = owned.OrderBy(k => rankSum[k] / events[k]).ThenByDescending(k => events[k]).ThenBy(NameOf, StringComparer.Ordinal).ToList();
        var lanes = new List<MapLane>();
        var remap = new int[laneCount];
        foreach (int k in order)
        {
            remap[laneOfCode[k]] = lanes.Count;
            lanes.Add(new MapLane(lanes.Count, NameOf(k), 1, 0, events[k], false));
        }

        int pooledValues = candidates.Count - owned.Count;
        if (pooledValues > 0)
        {
            remap[laneCount - 1] = lanes.Count;
            string name = MapLane.PooledName;
            while (owned.Any(k => string.Equals(NameOf(k), name, StringComparison.OrdinalIgnoreCase)))
            {
                name += " (pooled)";
            }

            long pooledEvents = candidates.Where(k => !owned.Contains(k)).Sum(k => events[k]);
            lanes.Add(new MapLane(lanes.Count, name, pooledValues, 0, pooledEvents, true));
        }

        for (int k = 0; k <= v; k++)
        {
            laneOfCode[k] = remap[Math.Min(laneOfCode[k], laneCount - 1)];
        }

        var (counts, totals) = Counts(perActivity, laneOfCode, activityCount, laneCount, v);
        var boxLanes = ChooseBoxLanes(counts, totals, shown, laneCount, options.LaneSplitShare);
        AddMainSteps(counts, boxLanes, laneCount, owned.Count);
        var laneOfValue = new int[v];
        Array.Copy(laneOfCode, laneOfValue, v);
        return new LaneAssignment([.. lanes], codes, laneOfValue, laneOfCode[v], counts, totals, boxLanes, candidates.Count(k => k < v));
    }

    /// <summary>Gives every lane of its own (the first <paramref name="ownLanes"/>, not the pool) whose boxes hold less
    /// than half of its events a box of the step it does most events of (of equal steps the first), after the step's
    /// busier boxes: an empty lane, and a lane that reaches the split share only in a rare step (a few events of a step
    /// hardly anyone does), still show their main work.</summary>
    private static void AddMainSteps(long[] counts, List<int>[] boxLanes, int laneCount, int ownLanes)
    {
        for (int lane = 0; lane < ownLanes; lane++)
        {
            int best = -1;
            long inBoxes = 0, all = 0;
            for (int a = 0; a < boxLanes.Length; a++)
            {
                long done = counts[(a * laneCount) + lane];
                all += done;
                inBoxes += boxLanes[a].Contains(lane) ? done : 0;
                if (boxLanes[a].Count > 0 && done > (best < 0 ? 0 : counts[(best * laneCount) + lane]))
                {
                    best = a;
                }
            }

            if (best < 0 || boxLanes[best].Contains(lane) || 2 * inBoxes >= all)
            {
                continue;
            }

            var list = boxLanes[best];
            long count = counts[(best * laneCount) + lane];
            int at = 1;
            while (at < list.Count && counts[(best * laneCount) + list[at]] >= count)
            {
                at++;
            }

            list.Insert(at, lane);
        }
    }

    /// <summary>The lane of each value: the owned values in rank order, every other value in the pool (the last lane).</summary>
    private static int[] LaneOfCode(List<int> owned, List<int> candidates, int v, out int laneCount)
    {
        var laneOf = new int[v + 1];
        bool pool = candidates.Count > owned.Count;
        laneCount = owned.Count + (pool ? 1 : 0);
        Array.Fill(laneOf, owned.Count);
        for (int i = 0; i < owned.Count; i++)
        {
            laneOf[owned[i]] = i;
        }

        return laneOf;
    }

    private static (long[] Counts, long[] Totals) Counts(Dictionary<long, long> perActivity, int[] laneOfCode, int activityCount, int laneCount, int v)
    {
        var counts = new long[activityCount * laneCount];
        var totals = new long[activityCount];
        foreach (var (key, count) in perActivity)
        {
            int a = (int)(key / (v + 1)), code = (int)(key % (v + 1));
            int lane = Math.Min(laneOfCode[code], laneCount - 1);
            counts[(a * laneCount) + lane] += count;
            totals[a] += count;
        }

        return (counts, totals);
    }

    private static List<int>[] ChooseBoxLanes(long[] counts, long[] totals, bool[] shown, int laneCount, double split)
    {
        var boxLanes = new List<int>[totals.Length];
        for (int a = 0; a < totals.Length; a++)
        {
            boxLanes[a] = [];
            if (!shown[a] || totals[a] == 0)
            {
                continue;
            }

            var byShare = Enumerable.Range(0, laneCount).Where(l => counts[(a * laneCount) + l] > 0).ToList();
            byShare.Sort((x, y) => counts[(a * laneCount) + y] != counts[(a * laneCount) + x] ? counts[(a * laneCount) + y].CompareTo(counts[(a * laneCount) + x]) : x.CompareTo(y));
            for (int k = 0; k < byShare.Count; k++)
            {
                if (k == 0 || counts[(a * laneCount) + byShare[k]] >= split * totals[a])
                {
                    boxLanes[a].Add(byShare[k]);
                }
            }
        }

        return boxLanes;
    }
}
