using Stepwise.Mining;
using Stepwise.Mining.Attributes;
using Stepwise.Mining.Discovery;
using Stepwise.Mining.Statistics;
using Stepwise.Mining.Time;

namespace Stepwise.Maps.Mapping;

/// <summary>
/// A process map of a log view: a start node, an end node and the activities, joined by the directly-follows paths
/// between them, with frequency and performance; simplified on request (the most frequent activities and paths,
/// never leaving a step cut off from the start or the end) and stating what it hides; optionally with swimlanes by
/// any attribute. Layout and drawing are separate (<see cref="Rendering.MapDrawing"/>, <see cref="Rendering.SvgMap"/>,
/// <see cref="Bpmn.BpmnExport"/>).
/// </summary>
public sealed class ProcessMap
{
    private ProcessMap(IReadOnlyList<MapNode> nodes, IReadOnlyList<MapEdge> edges, IReadOnlyList<MapLane> lanes, MapCoverage coverage, MapOptions options, int laneValues, bool serviceTimes)
    {
        Nodes = nodes;
        Edges = edges;
        Lanes = lanes;
        Coverage = coverage;
        Options = options;
        LaneValueCount = laneValues;
        HasServiceTimes = serviceTimes;
    }

    /// <summary>The nodes: <see cref="MapNode.StartId"/>, <see cref="MapNode.EndId"/>, then the activities by
    /// descending events.</summary>
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

    /// <summary>Distinct values of the lane attribute in the view's events (0 without lanes).</summary>
    public int LaneValueCount { get; }

    /// <summary>Whether the log has start times, so that activities have service times.</summary>
    public bool HasServiceTimes { get; }

    /// <summary>How durations were measured.</summary>
    public DurationMeasure Measure => Options.Measure;

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

        // Activities: the most frequent share, at least one.
        var full = DirectlyFollowsGraph.Discover(view, options.Measure);
        int activities = full.Nodes.Count;
        int shownCount = activities == 0 ? 0 : Math.Clamp((int)Math.Ceiling((activities * options.ActivityPercent / 100.0) - 1e-9), 1, activities);
        var shown = new bool[log.ActivityNames.Count];
        for (int i = 0; i < shownCount; i++)
        {
            shown[full.Nodes[i].Activity] = true;
        }

        LogView shownView = shownCount == activities ? view : Project(view, shown);
        var dfg = shownCount == activities ? full : DirectlyFollowsGraph.Discover(shownView, options.Measure);

        // Node ids: start, end, then activities.
        var nodeOf = new int[log.ActivityNames.Count];
        nodeOf.AsSpan().Fill(-1);
        for (int i = 0; i < dfg.Nodes.Count; i++)
        {
            nodeOf[dfg.Nodes[i].Activity] = i + 2;
        }

        int nodeCount = dfg.Nodes.Count + 2;
        int Id(int dfgNode) => dfgNode switch
        {
            DirectlyFollowsGraph.StartNode => MapNode.StartId,
            DirectlyFollowsGraph.EndNode => MapNode.EndId,
            _ => nodeOf[dfgNode],
        };

        int m = dfg.Edges.Count;
        var sources = new int[m];
        var targets = new int[m];
        var edgeIndex = new Dictionary<long, int>(m);
        for (int e = 0; e < m; e++)
        {
            sources[e] = Id(dfg.Edges[e].Source);
            targets[e] = Id(dfg.Edges[e].Target);
            edgeIndex[((long)sources[e] * nodeCount) + targets[e]] = e;
        }

        var keep = PathSelection.Select(nodeCount, sources, targets, options.PathPercent, MapNode.StartId, MapNode.EndId);

        // One pass over the cases: what each case shows, hand-overs per path, lane values per activity.
        int values = codes.Values?.Count ?? 0;
        var handovers = new long[m];
        var laneCounts = new Dictionary<long, long>();
        var laneTotals = new long[nodeCount];
        var seenValue = new bool[values];
        int withHiddenActivity = 0, withHiddenPath = 0, fullyShown = 0;
        var acts = log.Activities;
        for (int i = 0; i < view.CaseCount; i++)
        {
            int c = view.CaseAt(i);
            bool hiddenActivity = false, hiddenPath = false;
            int prev = MapNode.StartId, prevRow = -1;
            for (int row = log.CaseStart(c); row < log.CaseEnd(c); row++)
            {
                int code = codes.Codes is null ? -1 : codes.Codes[row];
                if (code >= 0)
                {
                    seenValue[code] = true;
                }

                if (!shown[acts[row]])
                {
                    hiddenActivity = true;
                    continue;
                }

                int node = nodeOf[acts[row]];
                int e = edgeIndex[((long)prev * nodeCount) + node];
                hiddenPath |= !keep[e];
                if (code >= 0)
                {
                    if (prevRow >= 0 && codes.Codes![prevRow] >= 0 && codes.Codes[prevRow] != code)
                    {
                        handovers[e]++;
                    }

                    long key = ((long)node * values) + code;
                    laneCounts[key] = laneCounts.GetValueOrDefault(key) + 1;
                    laneTotals[node]++;
                }

                prev = node;
                prevRow = row;
            }

            if (prev != MapNode.StartId)
            {
                hiddenPath |= !keep[edgeIndex[((long)prev * nodeCount) + MapNode.EndId]];
            }

            withHiddenActivity += hiddenActivity ? 1 : 0;
            withHiddenPath += hiddenPath ? 1 : 0;
            fullyShown += hiddenActivity || hiddenPath ? 0 : 1;
        }

        var service = new Dictionary<int, DurationStatistics>();
        if (log.HasStartTimes)
        {
            foreach (var stats in ActivityStatistics.Compute(shownView, options.Measure))
            {
                service[stats.Activity] = stats.ServiceTime;
            }
        }

        var edges = new List<MapEdge>();
        long transitions = 0, shownTransitions = 0;
        for (int e = 0; e < m; e++)
        {
            var edge = dfg.Edges[e];
            transitions += edge.Frequency;
            if (keep[e])
            {
                shownTransitions += edge.Frequency;
                edges.Add(new MapEdge(sources[e], targets[e], edge.Frequency, edge.Cases, edge.Duration, handovers[e]));
            }
        }

        // Lanes: each activity in the lane of the value that performs most of its events.
        var laneValue = new string?[nodeCount];
        var laneShare = new double[nodeCount];
        laneShare.AsSpan().Fill(double.NaN);
        if (codes.Codes is not null)
        {
            var best = new long[nodeCount];
            var bestCode = new int[nodeCount];
            bestCode.AsSpan().Fill(-1);
            foreach (var (key, count) in laneCounts)
            {
                int node = (int)(key / values), code = (int)(key % values);
                if (count > best[node] || (count == best[node] && string.CompareOrdinal(codes.Values![code], codes.Values[bestCode[node]]) < 0))
                {
                    best[node] = count;
                    bestCode[node] = code;
                }
            }

            for (int v = 2; v < nodeCount; v++)
            {
                laneValue[v] = bestCode[v] >= 0 ? codes.Values![bestCode[v]] : null;
                laneShare[v] = laneTotals[v] > 0 ? best[v] / (double)laneTotals[v] : double.NaN;
            }
        }

        var (lanes, laneOf) = codes.Codes is null ? ([], new int[nodeCount].Select(_ => -1).ToArray()) : AssignLanes(nodeCount, edges, laneValue, options.MaxLanes, dfg);
        var nodes = new List<MapNode>(nodeCount)
        {
            new(MapNode.StartId, MapNodeKind.Start, "Start", dfg.CaseCount, dfg.CaseCount, DurationStatistics.Empty, laneOf[MapNode.StartId], null, double.NaN),
            new(MapNode.EndId, MapNodeKind.End, "End", dfg.CaseCount, dfg.CaseCount, DurationStatistics.Empty, laneOf[MapNode.EndId], null, double.NaN),
        };
        long shownEvents = 0;
        foreach (var node in dfg.Nodes)
        {
            int id = nodeOf[node.Activity];
            shownEvents += node.Events;
            nodes.Add(new MapNode(id, MapNodeKind.Activity, dfg.Activities[node.Activity], node.Events, node.Cases, service.GetValueOrDefault(node.Activity, DurationStatistics.Empty), laneOf[id], laneValue[id], laneShare[id]));
        }

        var coverage = new MapCoverage(activities, shownCount, m, edges.Count, view.EventCount, shownEvents, transitions, shownTransitions, view.CaseCount, withHiddenActivity, withHiddenPath, fullyShown);
        return new ProcessMap(nodes, edges, lanes, coverage, options, seenValue.Count(s => s), log.HasStartTimes);
    }

    /// <summary>A log of the view's cases with only the shown activities' events (cases left empty are dropped), so
    /// that a hidden step between two shown ones becomes a path between them rather than vanishing.</summary>
    private static LogView Project(LogView view, bool[] shown)
    {
        var log = view.Log;
        var caseIds = new List<string>();
        var offsets = new List<int> { 0 };
        var activities = new List<int>();
        var resources = new List<int>();
        var times = new List<long>();
        List<long>? starts = log.HasStartTimes ? [] : null;
        for (int i = 0; i < view.CaseCount; i++)
        {
            int c = view.CaseAt(i);
            int before = activities.Count;
            for (int row = log.CaseStart(c); row < log.CaseEnd(c); row++)
            {
                if (shown[log.Activities[row]])
                {
                    activities.Add(log.Activities[row]);
                    resources.Add(log.Resources[row]);
                    times.Add(log.Times[row]);
                    starts?.Add(log.StartTimes[row]);
                }
            }

            if (activities.Count > before)
            {
                caseIds.Add(log.CaseIds[c]);
                offsets.Add(activities.Count);
            }
        }

        return EventLog.Create([.. caseIds], [.. offsets], [.. activities], [.. resources], [.. times], starts is null ? null : [.. starts], log.ActivityNames, log.ResourceNames);
    }

    /// <summary>The lanes in the order the flow first reaches them, pooling the lanes with fewest activities beyond
    /// <paramref name="maxLanes"/>; start and end go in the lane of their most frequent neighbour.</summary>
    private static (MapLane[] Lanes, int[] LaneOf) AssignLanes(int nodeCount, List<MapEdge> edges, string?[] laneValue, int maxLanes, DirectlyFollowsGraph dfg)
    {
        var activitiesIn = new Dictionary<string, int>(StringComparer.Ordinal);
        var eventsIn = new Dictionary<string, long>(StringComparer.Ordinal);
        for (int v = 2; v < nodeCount; v++)
        {
            string name = laneValue[v] ?? MapLane.NoneName;
            activitiesIn[name] = activitiesIn.GetValueOrDefault(name) + 1;
            eventsIn[name] = eventsIn.GetValueOrDefault(name) + dfg.Nodes[v - 2].Events;
        }

        var ranked = activitiesIn.Keys.OrderByDescending(k => activitiesIn[k]).ThenByDescending(k => eventsIn[k]).ThenBy(k => k, StringComparer.Ordinal).ToList();
        var pooled = new HashSet<string>(StringComparer.Ordinal);
        if (ranked.Count > maxLanes)
        {
            foreach (var name in ranked.Skip(maxLanes - 1))
            {
                pooled.Add(name);
            }
        }

        string LaneName(int v) => laneValue[v] is null ? MapLane.NoneName : pooled.Contains(laneValue[v]!) ? MapLane.OtherName : laneValue[v]!;

        // Order of first reach, breadth first from the start along the most frequent paths.
        var order = new List<string>();
        var visited = new bool[nodeCount];
        var queue = new Queue<int>();
        queue.Enqueue(MapNode.StartId);
        visited[MapNode.StartId] = true;
        while (queue.Count > 0)
        {
            int u = queue.Dequeue();
            if (u >= 2 && !order.Contains(LaneName(u)))
            {
                order.Add(LaneName(u));
            }

            foreach (var edge in edges)
            {
                if (edge.Source == u && !visited[edge.Target])
                {
                    visited[edge.Target] = true;
                    queue.Enqueue(edge.Target);
                }
            }
        }

        for (int v = 2; v < nodeCount; v++)
        {
            if (!order.Contains(LaneName(v)))
            {
                order.Add(LaneName(v));
            }
        }

        if (order.Count == 0)
        {
            order.Add(MapLane.NoneName);
        }

        var laneOf = new int[nodeCount];
        for (int v = 2; v < nodeCount; v++)
        {
            laneOf[v] = order.IndexOf(LaneName(v));
        }

        laneOf[MapNode.StartId] = Neighbour(edges, laneOf, MapNode.StartId, outgoing: true);
        laneOf[MapNode.EndId] = Neighbour(edges, laneOf, MapNode.EndId, outgoing: false);
        var lanes = new MapLane[order.Count];
        for (int k = 0; k < order.Count; k++)
        {
            string name = order[k];
            int count = 0;
            for (int v = 2; v < nodeCount; v++)
            {
                count += laneOf[v] == k ? 1 : 0;
            }

            lanes[k] = new MapLane(k, name, name == MapLane.OtherName && pooled.Count > 0 ? pooled.Count : 1, count);
        }

        return (lanes, laneOf);
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
