using Stepwise.Mining;
using Stepwise.Mining.Attributes;
using Stepwise.Mining.Discovery;
using System.Runtime.InteropServices;
using Stepwise.Mining.Statistics;

namespace Stepwise.Maps.Mapping;

/// <summary>
/// A process map of a log view: a start node, an end node and the steps, joined by the directly-follows paths
/// between them, with frequency and performance; simplified on request by share of work (the busiest steps and the
/// most travelled paths, never leaving a step cut off from the start or the end) and stating what it hides;
/// optionally with swimlanes by any attribute, where a step done by several teams is drawn in each lane that does a
/// large enough share of it. Every step carries its rank along the flow (<see cref="FlowOrder"/>), computed on the
/// whole view so that simplified and full maps place their common steps in the same order. Layout and drawing are
/// separate (<see cref="Rendering.MapDrawing"/>, <see cref="Rendering.SvgMap"/>, <see cref="Bpmn.BpmnExport"/>).
/// </summary>
public sealed class ProcessMap
{
    private readonly Lazy<IReadOnlyList<(int A, int B)>> _concurrent;

    private ProcessMap(IReadOnlyList<MapNode> nodes, IReadOnlyList<MapEdge> edges, IReadOnlyList<MapLane> lanes, MapCoverage coverage, MapOptions options, int laneValues, double laneFit, bool serviceTimes, Lazy<IReadOnlyList<(int A, int B)>> concurrent)
    {
        _concurrent = concurrent;
        Nodes = nodes;
        Edges = edges;
        Lanes = lanes;
        Coverage = coverage;
        Options = options;
        LaneValueCount = laneValues;
        LaneFit = laneFit;
        HasServiceTimes = serviceTimes;
    }

    /// <summary>The nodes: <see cref="MapNode.StartId"/>, <see cref="MapNode.EndId"/>, then the steps by descending
    /// events (the boxes of a split step together, the busiest first).</summary>
    public IReadOnlyList<MapNode> Nodes { get; }

    /// <summary>The paths shown, most frequent first.</summary>
    public IReadOnlyList<MapEdge> Edges { get; }

    /// <summary>The swimlanes in drawing order (empty for a map without lanes).</summary>
    public IReadOnlyList<MapLane> Lanes { get; }

    /// <summary>What the map shows and hides.</summary>
    public MapCoverage Coverage { get; }

    /// <summary>The options it was built with.</summary>
    public MapOptions Options { get; }

    /// <summary>The lane attribute, or null.</summary>
    public string? LaneAttribute => Options.LaneAttribute;

    /// <summary>Values (counting events without a value as one) that have no lane of their own and whose events lie in
    /// no box of their own: the pooled lane when it holds no box is left out of <see cref="Lanes"/>; 0 otherwise.</summary>
    public int UndrawnValues { get; private init; }

    /// <summary>Distinct values of the lane attribute in the shown steps' events (0 without lanes).</summary>
    public int LaneValueCount { get; }

    /// <summary>How well the lanes describe the work: the share of the shown events drawn in the lane of the value
    /// that performed them (the pooled lane counts as the lane of the values it pools); NaN without lanes.</summary>
    public double LaneFit { get; }

    /// <summary>The share of the shown events performed by values without a lane of their own (pooled as "other
    /// teams", or not drawn when the pool holds no box): where drawn, the part of <see cref="LaneFit"/> that says only
    /// "some other team"; 0 when every value has a lane, NaN without lanes.</summary>
    public double LanePooledShare { get; private init; } = double.NaN;

    /// <summary>The time of the earliest event (its start where the log has one) of the cases drawn, after filters, in
    /// UTC ticks; <see cref="Mining.Time.Timestamp.None"/> for a map of no events.</summary>
    public long FirstEvent { get; private init; } = Mining.Time.Timestamp.None;

    /// <summary>The time of the latest event of the cases drawn, after filters, in UTC ticks;
    /// <see cref="Mining.Time.Timestamp.None"/> for a map of no events.</summary>
    public long LastEvent { get; private init; } = Mining.Time.Timestamp.None;

    /// <summary>The cases drawn and the period of their events, for a caption: "Cases 1,487 · events from 31 Mar 2010
    /// to 22 May 2012" (dates in UTC; one date when all events fall on one day).</summary>
    public string PeriodText
    {
        get
        {
            string cases = $"Cases {Coverage.Cases.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}";
            if (FirstEvent == Mining.Time.Timestamp.None)
            {
                return cases + " \u00b7 no events";
            }

            string from = Day(FirstEvent), to = Day(LastEvent);
            return from == to ? $"{cases} \u00b7 events on {from}" : $"{cases} \u00b7 events from {from} to {to}";

            static string Day(long ticks) => Mining.Time.Timestamp.ToDateTime(ticks).ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Whether the log has start times, so that steps have service times.</summary>
    public bool HasServiceTimes { get; }

    /// <summary>Pairs of boxes (node ids) whose steps run side by side: the log shows them in both orders (each order
    /// at least <see cref="ConcurrencyOrderShare"/> of the times one directly follows the other) and, in at least
    /// <see cref="ConcurrencyOverlapShare"/> of the cases with both, their events overlap in time (one starts before the
    /// other completes). Only a log with start times can show overlap, so without them there are none. Worked out on
    /// first use (from the view the map was built from), since only the BPMN export needs it.</summary>
    public IReadOnlyList<(int A, int B)> Concurrent => _concurrent.Value;

    /// <summary>The least share of the less frequent order of two steps for them to count as concurrent.</summary>
    public const double ConcurrencyOrderShare = 0.1;

    /// <summary>The least share of the cases with both steps in which they overlap in time, for them to count as concurrent.</summary>
    public const double ConcurrencyOverlapShare = 0.2;

    /// <summary>How durations were measured.</summary>
    public Mining.Time.DurationMeasure Measure => Options.Measure;

    /// <summary>Builds the map of <paramref name="view"/>.</summary>
    /// <exception cref="ArgumentException">The lane attribute is not in the log (the message lists those that are).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static ProcessMap Build(LogView view, MapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        options ??= MapOptions.Default;
        options.Validate();
        var log = view.Log;
        var codes = options.LaneAttribute is { } attribute ? AttributeCodes.ForEvents(log, attribute) : default;
        bool withLanes = codes.Codes is not null;
        int activityCount = log.ActivityNames.Count;

        // Steps: the busiest until they make up the requested share of the events, at least one.
        var full = DirectlyFollowsGraph.Discover(view, options.Measure);
        int activities = full.Nodes.Count;
        int shownCount = SharePrefix(full.Nodes.Select(n => n.Events).ToArray(), options.ActivityPercent);
        if (activities > 0)
        {
            shownCount = Math.Max(1, shownCount);
        }

        var shown = new bool[activityCount];
        for (int i = 0; i < shownCount; i++)
        {
            shown[full.Nodes[i].Activity] = true;
        }

        var rank = FlowOrder.Rank(view);

        // Boxes: one per shown step, or with lanes one per step and lane doing enough of it.
        var lanes = withLanes ? LaneAssignment.Choose(view, codes.Codes!, codes.Values!, shown, rank, options) : null;
        var boxActivity = new List<int>();
        var boxLane = new List<int>();
        var boxOf = new int[activityCount * Math.Max(1, lanes?.LaneCount ?? 1)];
        boxOf.AsSpan().Fill(-1);
        var mainBox = new int[activityCount];
        mainBox.AsSpan().Fill(-1);
        for (int i = 0; i < shownCount; i++)
        {
            int a = full.Nodes[i].Activity;
            if (lanes is null)
            {
                mainBox[a] = boxOf[a] = boxActivity.Count;
                boxActivity.Add(a);
                boxLane.Add(-1);
                continue;
            }

            foreach (int lane in lanes.BoxLanes[a])
            {
                boxOf[(a * lanes.LaneCount) + lane] = boxActivity.Count;
                if (mainBox[a] < 0)
                {
                    mainBox[a] = boxActivity.Count;
                }

                boxActivity.Add(a);
                boxLane.Add(lane);
            }
        }

        int boxCount = boxActivity.Count;
        int BoxOfRow(int row)
        {
            int a = log.Activities[row];
            if (!shown[a])
            {
                return -1;
            }

            if (lanes is null)
            {
                return mainBox[a];
            }

            int box = boxOf[(a * lanes.LaneCount) + lanes.LaneOfRow(row)];
            return box >= 0 ? box : mainBox[a];
        }

        // The directly-follows graph between boxes: of the view itself when every box is a whole activity and nothing
        // is hidden, else of a log whose activities are the boxes (a hidden step between two shown ones becomes a path).
        DirectlyFollowsGraph dfg;
        int[] boxOfDfgActivity;
        if (lanes is null && shownCount == activities)
        {
            dfg = full;
            boxOfDfgActivity = mainBox;
        }
        else
        {
            dfg = DirectlyFollowsGraph.Discover(Project(view, boxCount, BoxOfRow), options.Measure);
            boxOfDfgActivity = Enumerable.Range(0, boxCount).ToArray();
        }
        int nodeCount = boxCount + 2;
        int Id(int dfgNode) => dfgNode switch
        {
            DirectlyFollowsGraph.StartNode => MapNode.StartId,
            DirectlyFollowsGraph.EndNode => MapNode.EndId,
            _ => boxOfDfgActivity[dfgNode] + 2,
        };

        int m = dfg.Edges.Count;
        var sources = new int[m];
        var targets = new int[m];
        var edgeIndex = new int[nodeCount * nodeCount];
        edgeIndex.AsSpan().Fill(-1);
        for (int e = 0; e < m; e++)
        {
            sources[e] = Id(dfg.Edges[e].Source);
            targets[e] = Id(dfg.Edges[e].Target);
            edgeIndex[(sources[e] * nodeCount) + targets[e]] = e;
        }

        var frequencies = dfg.Edges.Select(e => e.Frequency).ToArray();
        int wanted = SharePrefix(frequencies, options.PathPercent);
        var reasons = PathSelection.Select(nodeCount, sources, targets, frequencies, wanted, MapNode.StartId, MapNode.EndId, options.KeepStepPaths);
        var keep = new bool[m];
        for (int e = 0; e < m; e++)
        {
            keep[e] = reasons[e] != PathReason.Hidden;
        }

        // One pass over the cases: what each case shows, hand-overs per path, and service times per box.
        var handovers = new long[m];
        var folded = new long[m];
        var foldedCases = new int[m];
        var foldedIn = new int[m];
        foldedIn.AsSpan().Fill(-1);
        bool elapsed = ReferenceEquals(options.Measure, Mining.Time.DurationMeasure.Elapsed);
        var serviceTicks = log.HasStartTimes ? Enumerable.Range(0, boxCount).Select(_ => new List<long>()).ToArray() : null;
        var startTimes = log.StartTimes;
        int withHiddenActivity = 0, withHiddenPath = 0, fullyShown = 0;
        long first = long.MaxValue, last = long.MinValue;
        for (int i = 0; i < view.CaseCount; i++)
        {
            int c = view.CaseAt(i);
            bool hiddenActivity = false, hiddenPath = false, detour = false;
            int prev = MapNode.StartId, prevRow = -1;
            for (int row = log.CaseStart(c); row < log.CaseEnd(c); row++)
            {
                long time = log.Times[row];
                first = Math.Min(first, log.HasStartTimes && startTimes[row] != Mining.Time.Timestamp.None ? Math.Min(startTimes[row], time) : time);
                last = Math.Max(last, time);
                int box = BoxOfRow(row);
                if (box < 0)
                {
                    hiddenActivity = true;
                    detour = true;
                    continue;
                }

                int node = box + 2;
                if (serviceTicks is not null && startTimes[row] != Mining.Time.Timestamp.None)
                {
                    serviceTicks[box].Add(elapsed ? log.Times[row] - startTimes[row] : options.Measure.Between(startTimes[row], log.Times[row]));
                }

                int e = edgeIndex[(prev * nodeCount) + node];
                hiddenPath |= !keep[e];
                if (detour)
                {
                    Fold(e, i);
                    detour = false;
                }
                if (withLanes && prevRow >= 0 && codes.Codes![row] >= 0 && codes.Codes[prevRow] >= 0 && codes.Codes[prevRow] != codes.Codes[row])
                {
                    handovers[e]++;
                }

                prev = node;
                prevRow = row;
            }

            if (prev != MapNode.StartId)
            {
                int e = edgeIndex[(prev * nodeCount) + MapNode.EndId];
                hiddenPath |= !keep[e];
                if (detour)
                {
                    Fold(e, i);
                }
            }

            withHiddenActivity += hiddenActivity ? 1 : 0;
            withHiddenPath += hiddenPath ? 1 : 0;
            fullyShown += hiddenActivity || hiddenPath ? 0 : 1;
        }

        // A detour through hidden steps, drawn as the path between the shown steps around it.
        void Fold(int e, int caseIndex)
        {
            folded[e]++;
            if (foldedIn[e] != caseIndex)
            {
                foldedIn[e] = caseIndex;
                foldedCases[e]++;
            }
        }

        var service = new DurationStatistics[boxCount];
        for (int b = 0; b < boxCount; b++)
        {
            service[b] = serviceTicks is null ? DurationStatistics.Empty : DurationStatistics.FromTicks(CollectionsMarshal.AsSpan(serviceTicks[b]));
        }

        var edges = new List<MapEdge>();
        long transitions = 0, shownTransitions = 0, foldedTransitions = 0;
        for (int e = 0; e < m; e++)
        {
            var edge = dfg.Edges[e];
            transitions += edge.Frequency;
            foldedTransitions += folded[e];
            if (keep[e])
            {
                shownTransitions += edge.Frequency;
                edges.Add(new MapEdge(sources[e], targets[e], edge.Frequency, edge.Cases, edge.Duration, handovers[e]) { Reason = reasons[e], Folded = folded[e], FoldedCases = foldedCases[e] });
            }
        }

        // Nodes: boxes by the step's events, the boxes of a step together.
        var boxEvents = new long[boxCount];
        var boxCases = new int[boxCount];
        foreach (var node in dfg.Nodes)
        {
            int box = boxOfDfgActivity[node.Activity];
            if (box >= 0)
            {
                boxEvents[box] = node.Events;
                boxCases[box] = node.Cases;
            }
        }

        var stepBoxes = new int[activityCount];
        foreach (int a in boxActivity)
        {
            stepBoxes[a]++;
        }

        var laneOf = new int[nodeCount];
        laneOf.AsSpan().Fill(-1);
        for (int b = 0; b < boxCount; b++)
        {
            laneOf[b + 2] = boxLane[b];
        }

        if (lanes is not null)
        {
            laneOf[MapNode.StartId] = Neighbour(edges, laneOf, MapNode.StartId, outgoing: true);
            laneOf[MapNode.EndId] = Neighbour(edges, laneOf, MapNode.EndId, outgoing: false);
        }

        var nodes = new List<MapNode>(nodeCount)
        {
            new(MapNode.StartId, MapNodeKind.Start, "Start", dfg.CaseCount, dfg.CaseCount, DurationStatistics.Empty, laneOf[MapNode.StartId], double.NaN, -1, -1, 1),
            new(MapNode.EndId, MapNodeKind.End, "End", dfg.CaseCount, dfg.CaseCount, DurationStatistics.Empty, laneOf[MapNode.EndId], double.NaN, -1, int.MaxValue, 1),
        };
        long shownEvents = 0;
        for (int b = 0; b < boxCount; b++)
        {
            int a = boxActivity[b];
            shownEvents += boxEvents[b];
            double share = lanes is null ? double.NaN : lanes.Share(a, boxLane[b]);
            nodes.Add(new MapNode(b + 2, MapNodeKind.Activity, log.ActivityNames[a], boxEvents[b], boxCases[b], service[b], boxLane[b], share, a, rank[a], stepBoxes[a]));
        }

        // A pool that holds no box is not drawn: its values, doing the fewest events, do too little of any step (the
        // caption says so). Every lane of its own holds a box.
        var mapLanes = lanes is null ? [] : lanes.Lanes.Select(l => l with { Activities = boxLane.Count(x => x == l.Id) }).Where(l => !l.IsPooled || l.Activities > 0).ToArray();
        var coverage = new MapCoverage(activities, shownCount, m, edges.Count, view.EventCount, shownEvents, transitions, shownTransitions, view.CaseCount, withHiddenActivity, withHiddenPath, fullyShown, full.Edges.Count)
        {
            FoldedTransitions = foldedTransitions,
        };
        var concurrent = new Lazy<IReadOnlyList<(int A, int B)>>(() => log.HasStartTimes ? Concurrency(view, nodes, edges) : []);
        int undrawn = lanes?.Lanes.Where(l => l.IsPooled && !mapLanes.Any(m => m.Id == l.Id)).Sum(l => l.Values) ?? 0;
        return new ProcessMap(nodes, edges, mapLanes, coverage, options, lanes?.ValueCount ?? 0, lanes?.Fit() ?? double.NaN, log.HasStartTimes, concurrent)
        {
            UndrawnValues = undrawn,
            FirstEvent = first <= last ? first : Mining.Time.Timestamp.None,
            LastEvent = first <= last ? last : Mining.Time.Timestamp.None,
            LanePooledShare = lanes?.PooledShare() ?? double.NaN,
        };
    }

    /// <summary>
    /// A part of this map for a slide of its own: the boxes <paramref name="boxes"/> (node ids of steps) with the paths
    /// between them, the lanes that hold them, and two stand-ins for everything else: the start node, renamed
    /// <paramref name="entry"/>, from which come the paths into the part (from the start or from boxes of other parts),
    /// and the end node, renamed <paramref name="exit"/>, to which go the paths out of it. Paths from several boxes
    /// outside the part to one box inside it (or the other way) are drawn as one, their transitions and cases added
    /// (a case taking two of them counts twice) and without a time; a path from the start to the end is left out.
    /// The part keeps the whole map's coverage, options and period, so its caption speaks of the same data.
    /// </summary>
    /// <exception cref="ArgumentException">A node id is not a step of this map.</exception>
    public ProcessMap Part(IReadOnlyCollection<int> boxes, string entry, string exit)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(exit);
        var newId = new int[Nodes.Count];
        newId.AsSpan().Fill(-1);
        var laneIds = new SortedSet<int>();
        foreach (int id in boxes)
        {
            if (id < 2 || id >= Nodes.Count)
            {
                throw new ArgumentException($"node {id} is not a step of the map.", nameof(boxes));
            }

            if (Nodes[id].Lane >= 0)
            {
                laneIds.Add(Nodes[id].Lane);
            }
        }

        // The boxes in the map's own order (by the step's events), numbered after the two stand-ins.
        var nodes = new List<MapNode>(boxes.Count + 2);
        int next = 2;
        foreach (var node in Nodes)
        {
            if (node.Id >= 2 && boxes.Contains(node.Id))
            {
                newId[node.Id] = next++;
            }
        }

        var laneOf = new Dictionary<int, int>();
        foreach (int lane in laneIds)
        {
            laneOf[lane] = laneOf.Count;
        }

        int Lane(int lane) => lane >= 0 && laneOf.TryGetValue(lane, out int l) ? l : (laneOf.Count > 0 ? 0 : -1);
        var merged = new Dictionary<(int, int), (long Frequency, int Cases, long Handovers, int Count, DurationStatistics Duration)>();
        var order = new List<(int, int)>();
        foreach (var edge in Edges)
        {
            int source = edge.Source >= 2 ? newId[edge.Source] : -1, target = edge.Target >= 2 ? newId[edge.Target] : -1;
            if (source < 0 && target < 0)
            {
                continue;
            }

            var key = (source < 0 ? MapNode.StartId : source, target < 0 ? MapNode.EndId : target);
            if (merged.TryGetValue(key, out var sum))
            {
                merged[key] = (sum.Frequency + edge.Frequency, sum.Cases + edge.Cases, sum.Handovers + edge.Handovers, sum.Count + 1, DurationStatistics.Empty);
            }
            else
            {
                merged[key] = (edge.Frequency, edge.Cases, edge.Handovers, 1, edge.Duration);
                order.Add(key);
            }
        }

        var edges = order.Select(k => (Key: k, Sum: merged[k])).Select(e => new MapEdge(e.Key.Item1, e.Key.Item2, e.Sum.Frequency, e.Sum.Cases, e.Sum.Count == 1 ? e.Sum.Duration : DurationStatistics.Empty, e.Sum.Handovers))
            .OrderByDescending(e => e.Frequency).ToList();
        long entering = edges.Where(e => e.Source == MapNode.StartId).Sum(e => (long)e.Cases), leaving = edges.Where(e => e.Target == MapNode.EndId).Sum(e => (long)e.Cases);
        int startLane = edges.Where(e => e.Source == MapNode.StartId).OrderByDescending(e => e.Frequency).Select(e => Lane(Nodes[Array.IndexOf(newId, e.Target)].Lane)).FirstOrDefault(Lane(-1));
        int endLane = edges.Where(e => e.Target == MapNode.EndId).OrderByDescending(e => e.Frequency).Select(e => Lane(Nodes[Array.IndexOf(newId, e.Source)].Lane)).FirstOrDefault(Lane(-1));
        nodes.Add(Nodes[MapNode.StartId] with { Name = entry, Events = entering, Cases = (int)Math.Min(entering, int.MaxValue), Lane = laneIds.Count == 0 ? -1 : startLane });
        nodes.Add(Nodes[MapNode.EndId] with { Name = exit, Events = leaving, Cases = (int)Math.Min(leaving, int.MaxValue), Lane = laneIds.Count == 0 ? -1 : endLane });
        foreach (var node in Nodes)
        {
            if (node.Id >= 2 && newId[node.Id] >= 0)
            {
                nodes.Add(node with { Id = newId[node.Id], Lane = node.Lane < 0 ? -1 : laneOf[node.Lane] });
            }
        }

        var lanes = Lanes.Where(l => laneIds.Contains(l.Id)).Select(l => l with { Id = laneOf[l.Id], Activities = nodes.Count(n => n.Id >= 2 && n.Lane == laneOf[l.Id]) }).ToArray();
        return new ProcessMap(nodes, edges, lanes, Coverage, Options, LaneValueCount, LaneFit, HasServiceTimes, new Lazy<IReadOnlyList<(int A, int B)>>(() => []))
        {
            UndrawnValues = UndrawnValues,
            FirstEvent = FirstEvent,
            LastEvent = LastEvent,
            LanePooledShare = LanePooledShare,
        };
    }

    /// <summary>The pairs of unsplit boxes joined by paths both ways whose steps overlap in time often enough.</summary>
    private static List<(int A, int B)> Concurrency(LogView view, List<MapNode> nodes, List<MapEdge> edges)
    {
        var log = view.Log;
        var frequency = new Dictionary<(int, int), long>();
        foreach (var e in edges)
        {
            frequency[(e.Source, e.Target)] = e.Frequency;
        }

        var candidates = new List<(MapNode A, MapNode B)>();
        foreach (var e in edges)
        {
            var (a, b) = (nodes[e.Source], nodes[e.Target]);
            if (a.Id < b.Id && a.Kind == MapNodeKind.Activity && b.Kind == MapNodeKind.Activity && !a.IsSplit && !b.IsSplit && frequency.TryGetValue((b.Id, a.Id), out long back))
            {
                long forth = e.Frequency;
                if (Math.Min(forth, back) >= ConcurrencyOrderShare * (forth + back))
                {
                    candidates.Add((a, b));
                }
            }
        }

        var result = new List<(int A, int B)>();
        if (candidates.Count == 0)
        {
            return result;
        }

        // One pass over the cases for all candidate pairs: cases with both steps, and cases where they overlap.
        int n = log.ActivityNames.Count;
        var pairOf = new int[n * n];
        pairOf.AsSpan().Fill(-1);
        for (int k = 0; k < candidates.Count; k++)
        {
            var (a, b) = candidates[k];
            pairOf[(a.Step * n) + b.Step] = pairOf[(b.Step * n) + a.Step] = k;
        }

        var both = new int[candidates.Count];
        var overlap = new int[candidates.Count];
        var seenBoth = new int[candidates.Count];
        var seenOverlap = new int[candidates.Count];
        seenBoth.AsSpan().Fill(-1);
        seenOverlap.AsSpan().Fill(-1);
        var acts = log.Activities;
        var times = log.Times;
        var starts = log.StartTimes;
        for (int i = 0; i < view.CaseCount; i++)
        {
            int c = view.CaseAt(i);
            int from = log.CaseStart(c), to = log.CaseEnd(c);
            for (int x = from; x < to; x++)
            {
                int rowOffset = acts[x] * n;
                long startX = starts[x] == Mining.Time.Timestamp.None ? times[x] : starts[x];
                for (int y = x + 1; y < to; y++)
                {
                    int k = pairOf[rowOffset + acts[y]];
                    if (k < 0)
                    {
                        continue;
                    }

                    if (seenBoth[k] != i)
                    {
                        seenBoth[k] = i;
                        both[k]++;
                    }

                    long startY = starts[y] == Mining.Time.Timestamp.None ? times[y] : starts[y];
                    if (seenOverlap[k] != i && startX < times[y] && startY < times[x])
                    {
                        seenOverlap[k] = i;
                        overlap[k]++;
                    }
                }
            }
        }

        for (int k = 0; k < candidates.Count; k++)
        {
            if (both[k] > 0 && overlap[k] >= ConcurrencyOverlapShare * both[k])
            {
                result.Add((candidates[k].A.Id, candidates[k].B.Id));
            }
        }

        return result;
    }



    /// <summary>How many of the items (most first) it takes to reach <paramref name="percent"/>% of their total: the
    /// shortest prefix whose sum is at least that share.</summary>
    internal static int SharePrefix(long[] sizesDescending, double percent)
    {
        long total = 0;
        foreach (long size in sizesDescending)
        {
            total += size;
        }

        if (percent >= 100)
        {
            return sizesDescending.Length;
        }

        // A tolerance, so that a prefix making up exactly the share is not missed by a rounding error.
        double target = total * percent / 100.0;
        long sum = 0;
        for (int k = 0; k < sizesDescending.Length; k++)
        {
            if (sum >= target - 1e-9)
            {
                return k;
            }

            sum += sizesDescending[k];
        }

        return sizesDescending.Length;
    }

    /// <summary>A log of the view's cases whose activities are the boxes the events are drawn in (events of hidden steps
    /// dropped, cases left empty dropped), so that a hidden step between two shown ones becomes a path between them.</summary>
    private static LogView Project(LogView view, int boxCount, Func<int, int> boxOfRow)
    {
        // Two passes over the rows (count, then fill), so a log of millions of events is copied into exact arrays.
        var log = view.Log;
        var boxes = new int[log.EventCount];
        int rows = 0, cases = 0;
        for (int i = 0; i < view.CaseCount; i++)
        {
            int c = view.CaseAt(i);
            int before = rows;
            for (int row = log.CaseStart(c); row < log.CaseEnd(c); row++)
            {
                boxes[row] = boxOfRow(row);
                rows += boxes[row] >= 0 ? 1 : 0;
            }

            cases += rows > before ? 1 : 0;
        }

        var caseIds = new string[cases];
        var offsets = new int[cases + 1];
        var activities = new int[rows];
        var resources = new int[rows];
        var times = new long[rows];
        var starts = log.HasStartTimes ? new long[rows] : null;
        var allResources = log.Resources;
        var allTimes = log.Times;
        var allStarts = log.StartTimes;
        int at = 0, k = 0;
        for (int i = 0; i < view.CaseCount; i++)
        {
            int c = view.CaseAt(i);
            int before = at;
            for (int row = log.CaseStart(c); row < log.CaseEnd(c); row++)
            {
                if (boxes[row] >= 0)
                {
                    activities[at] = boxes[row];
                    resources[at] = allResources[row];
                    times[at] = allTimes[row];
                    if (starts is not null)
                    {
                        starts[at] = allStarts[row];
                    }

                    at++;
                }
            }

            if (at > before)
            {
                caseIds[k] = log.CaseIds[c];
                offsets[++k] = at;
            }
        }

        var names = new NameTable(Enumerable.Range(0, boxCount).Select(b => "box" + b.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)));
        return EventLog.Create(caseIds, offsets, activities, resources, times, starts, names, log.ResourceNames);
    }

    private static int Neighbour(List<MapEdge> edges, int[] laneOf, int node, bool outgoing)
    {
        foreach (var edge in edges)
        {
            // Edges are most frequent first: the first one found is the heaviest.
            if (outgoing && edge.Source == node && edge.Target >= 2)
            {
                return laneOf[edge.Target];
            }

            if (!outgoing && edge.Target == node && edge.Source >= 2)
            {
                return laneOf[edge.Source];
            }
        }

        return 0;
    }
}
