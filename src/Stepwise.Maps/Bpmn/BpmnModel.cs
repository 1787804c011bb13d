using System.Globalization;
using Stepwise.Maps.Layout;
using Stepwise.Maps.Mapping;
using Stepwise.Maps.Rendering;

namespace Stepwise.Maps.Bpmn;

/// <summary>
/// The BPMN elements and flows of a map, before they are written: a task per box, a diverging exclusive gateway
/// after every element with several successors (its outgoing flows named with their share), a converging exclusive
/// gateway before every element with several predecessors, and a parallel split and join around two steps the map
/// marks as concurrent (<see cref="ProcessMap.Concurrent"/>) where they share one predecessor and one successor.
/// </summary>
internal sealed class BpmnModel
{
    /// <summary>Font of task names in BPMN viewers (bpmn-js draws 12 px Arial with 5 px padding).</summary>
    private const double TaskFont = 12;

    private BpmnModel(List<BpmnElement> elements, List<BpmnFlow> flows, int lanes)
    {
        Elements = elements;
        Flows = flows;
        LaneCount = lanes;
    }

    public IReadOnlyList<BpmnElement> Elements { get; }

    public IReadOnlyList<BpmnFlow> Flows { get; }

    /// <summary>The map's lanes (0 without), every one drawn even if no element lies in it.</summary>
    public int LaneCount { get; }

    public bool HasLanes => LaneCount > 0;

    public static BpmnModel From(ProcessMap map)
    {
        var elements = new List<BpmnElement>();
        var elementOf = new int[map.Nodes.Count];
        int tasks = 0, gateways = 0;
        foreach (var node in map.Nodes)
        {
            elementOf[node.Id] = elements.Count;
            int lane = Math.Max(0, node.Lane);
            double order = node.Kind switch { MapNodeKind.Start => -1, MapNodeKind.End => 1e9, _ => node.FlowRank + (lane * 1e-3) };
            string name = node.IsSplit && node.Lane >= 0 ? $"{node.Name} ({map.Lanes[node.Lane].Name})" : node.Name;
            elements.Add(node.Kind switch
            {
                MapNodeKind.Start => new BpmnElement("startEvent", "StartEvent_1", null, $"{DurationText.Count(node.Cases)} cases start here.", lane, order),
                MapNodeKind.End => new BpmnElement("endEvent", "EndEvent_1", null, $"{DurationText.Count(node.Cases)} cases end here.", lane, order),
                _ => new BpmnElement("task", "Activity_" + (++tasks).ToString(CultureInfo.InvariantCulture), name, $"{DurationText.Count(node.Events)} events in {DurationText.Count(node.Cases)} cases.", lane, order),
            });
        }

        // Paths as (from element, to element, times); concurrent pairs become parallel blocks first.
        var paths = map.Edges.Select(e => (From: elementOf[e.Source], To: elementOf[e.Target], Times: e.Frequency, Cases: e.Cases)).ToList();
        foreach (var (a, b) in map.Concurrent)
        {
            var block = ParallelBlock(paths, elementOf[a], elementOf[b]);
            if (block is not { } found)
            {
                continue;
            }

            var (x, y, into, outOf) = found;
            int split = elements.Count;
            elements.Add(new BpmnElement("parallelGateway", "Gateway_" + (++gateways).ToString(CultureInfo.InvariantCulture), null, $"{elements[elementOf[a]].Name} and {elements[elementOf[b]].Name} run side by side.", elements[x].Lane, elements[x].Order + 0.4) { Direction = "Diverging" });
            int join = elements.Count;
            elements.Add(new BpmnElement("parallelGateway", "Gateway_" + (++gateways).ToString(CultureInfo.InvariantCulture), null, null, elements[y].Lane, elements[y].Order - 0.4) { Direction = "Converging" });
            paths.RemoveAll(p => (p.From == x && (p.To == elementOf[a] || p.To == elementOf[b])) || (p.To == y && (p.From == elementOf[a] || p.From == elementOf[b]))
                || (p.From == elementOf[a] && p.To == elementOf[b]) || (p.From == elementOf[b] && p.To == elementOf[a]));
            paths.Add((x, split, into, (int)Math.Min(into, int.MaxValue)));
            paths.Add((split, elementOf[a], into, (int)Math.Min(into, int.MaxValue)));
            paths.Add((split, elementOf[b], into, (int)Math.Min(into, int.MaxValue)));
            paths.Add((elementOf[a], join, outOf, (int)Math.Min(outOf, int.MaxValue)));
            paths.Add((elementOf[b], join, outOf, (int)Math.Min(outOf, int.MaxValue)));
            paths.Add((join, y, outOf, (int)Math.Min(outOf, int.MaxValue)));
        }

        // Merges: an element with several ways in gets a converging XOR gateway, so that each task has one way in.
        var flows = new List<BpmnFlow>();
        var entry = new Dictionary<int, int>();
        foreach (var group in paths.GroupBy(p => p.To).Where(g => g.Count() > 1 && elements[g.Key].Type is not "parallelGateway"))
        {
            int merge = elements.Count;
            elements.Add(new BpmnElement("exclusiveGateway", "Gateway_" + (++gateways).ToString(CultureInfo.InvariantCulture), null, null, elements[group.Key].Lane, elements[group.Key].Order - 0.3) { Direction = "Converging" });
            entry[group.Key] = merge;
        }

        // Splits: an element with several ways out gets a diverging XOR gateway; in BPMN several unconditional flows
        // leaving a task would all be taken (an implicit parallel split), which is not what a map's paths mean.
        foreach (var group in paths.GroupBy(p => p.From).OrderBy(g => g.Key))
        {
            var outgoing = group.OrderByDescending(p => p.Times).ThenBy(p => p.To).ToList();
            int from = group.Key;
            long total = outgoing.Sum(p => p.Times);
            bool split = outgoing.Count > 1 && elements[from].Type != "parallelGateway";
            if (split)
            {
                int gateway = elements.Count;
                elements.Add(new BpmnElement("exclusiveGateway", "Gateway_" + (++gateways).ToString(CultureInfo.InvariantCulture), null, null, elements[from].Lane, elements[from].Order + 0.3) { Direction = "Diverging" });
                Connect(elements, flows, from, gateway, total, Times(total), null);
                from = gateway;
            }

            foreach (var p in outgoing)
            {
                string name = split ? $"{Percent(p.Times, total)} ({Times(p.Times)})" : Times(p.Times);
                int to = entry.TryGetValue(p.To, out int merge) ? merge : p.To;
                Connect(elements, flows, from, to, p.Times, name, $"{Times(p.Times)} in {DurationText.Count(p.Cases)} cases.");
            }
        }

        foreach (var (target, merge) in entry)
        {
            long total = flows.Where(f => f.Target == merge).Sum(f => f.Weight);
            Connect(elements, flows, merge, target, total, Times(total), null);
        }

        return new BpmnModel(elements, flows, map.Lanes.Count);
    }

    /// <summary>The size of a task that shows <paramref name="name"/> in at most three lines without breaking a word:
    /// 100 by 80 (the usual task size) or wider.</summary>
    public static Size TaskSize(string name)
    {
        double width = 100;
        while (width < 400)
        {
            var lines = TextMetrics.Wrap(name, TaskFont, width - 16, 99);
            bool wholeWords = lines.Count <= 3 && lines.All(l => name.Contains(l, StringComparison.Ordinal) && (l.Length == name.Length || IsWholeWords(name, l)));
            if (wholeWords)
            {
                break;
            }

            width += 10;
        }

        return new Size(width, 80);
    }

    /// <summary>Lays the model out left to right, lanes as rows, flows with right-angled bends; element ids index
    /// nodes, flow ids edges, flow names are labels placed beside their flow.</summary>
    public GraphLayout Lay()
    {
        var graph = new LayoutGraph();
        foreach (var element in Elements)
        {
            var size = element.Type switch
            {
                "startEvent" or "endEvent" => new Size(36, 36),
                "exclusiveGateway" or "parallelGateway" => new Size(50, 50),
                _ => TaskSize(element.Name ?? string.Empty),
            };
            graph.AddNode(size, element.Lane, element.Order);
        }

        foreach (var lane in Enumerable.Range(0, Math.Max(LaneCount, Elements.Count == 0 ? 0 : Elements.Max(e => e.Lane) + 1)))
        {
            graph.SetLaneMinimumBreadth(lane, HasLanes ? 110 : 0);
        }

        foreach (var flow in Flows)
        {
            var label = flow.Name is null ? Size.Empty : new Size(Math.Ceiling(TextMetrics.Width(flow.Name, 11) + 4), 14);
            int id = graph.AddEdge(flow.Source, flow.Target, Math.Max(1, flow.Weight), label);
            graph.SetStroke(id, new EdgeStroke(1.5, 10, 10));
        }

        return LayeredLayout.Compute(graph, new LayoutOptions
        {
            Direction = LayoutDirection.LeftToRight,
            LaneHeader = HasLanes ? 30 : 0,
            NodeSpacing = 30,
            LayerSpacing = 60,
            LanePadding = 20,
            Orthogonal = true,
        });
    }

    private static bool IsWholeWords(string name, string line)
    {
        foreach (var word in line.TrimEnd('\u2026').Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(word))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether steps a and b form a parallel block: the same single element before both and the same single
    /// element after both (besides each other). Returns those elements and how often the block is entered and left.</summary>
    private static (int Before, int After, long Into, long OutOf)? ParallelBlock(List<(int From, int To, long Times, int Cases)> paths, int a, int b)
    {
        var beforeA = paths.Where(p => p.To == a && p.From != b).Select(p => p.From).Distinct().ToList();
        var beforeB = paths.Where(p => p.To == b && p.From != a).Select(p => p.From).Distinct().ToList();
        var afterA = paths.Where(p => p.From == a && p.To != b).Select(p => p.To).Distinct().ToList();
        var afterB = paths.Where(p => p.From == b && p.To != a).Select(p => p.To).Distinct().ToList();
        if (beforeA.Count != 1 || beforeB.Count != 1 || afterA.Count != 1 || afterB.Count != 1 || beforeA[0] != beforeB[0] || afterA[0] != afterB[0])
        {
            return null;
        }

        long into = paths.Where(p => p.From == beforeA[0] && (p.To == a || p.To == b)).Sum(p => p.Times);
        long outOf = paths.Where(p => p.To == afterA[0] && (p.From == a || p.From == b)).Sum(p => p.Times);
        return (beforeA[0], afterA[0], into, outOf);
    }

    private static string Times(long times) => $"{DurationText.Count(times)}\u00d7";

    private static string Percent(long part, long total) => total == 0 ? "0%" : (100.0 * part / total).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static void Connect(List<BpmnElement> elements, List<BpmnFlow> flows, int from, int to, long weight, string? name, string? documentation)
    {
        int id = flows.Count;
        flows.Add(new BpmnFlow(from, to, weight, name, documentation));
        elements[from].Outgoing.Add(id);
        elements[to].Incoming.Add(id);
    }
}

/// <summary>A flow node of the export.</summary>
internal sealed record BpmnElement(string Type, string Id, string? Name, string? Documentation, int Lane, double Order)
{
    public List<int> Incoming { get; } = [];

    public List<int> Outgoing { get; } = [];

    /// <summary>For gateways: Diverging or Converging (null: unspecified).</summary>
    public string? Direction { get; init; }
}

/// <summary>A sequence flow of the export.</summary>
internal sealed record BpmnFlow(int Source, int Target, long Weight, string? Name, string? Documentation);
