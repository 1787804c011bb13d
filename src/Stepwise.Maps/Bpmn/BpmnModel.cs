using System.Globalization;
using Stepwise.Maps.Layout;
using Stepwise.Maps.Mapping;
using Stepwise.Maps.Rendering;

namespace Stepwise.Maps.Bpmn;

/// <summary>The BPMN elements and flows of a map, before they are written: what becomes a task, where gateways go.</summary>
internal sealed class BpmnModel
{
    private BpmnModel(List<BpmnElement> elements, List<BpmnFlow> flows, bool lanes)
    {
        Elements = elements;
        Flows = flows;
        HasLanes = lanes;
    }

    public IReadOnlyList<BpmnElement> Elements { get; }

    public IReadOnlyList<BpmnFlow> Flows { get; }

    public bool HasLanes { get; }

    public static BpmnModel From(ProcessMap map)
    {
        var elements = new List<BpmnElement>();
        var elementOf = new int[map.Nodes.Count];
        int tasks = 0;
        foreach (var node in map.Nodes)
        {
            elementOf[node.Id] = elements.Count;
            int lane = Math.Max(0, node.Lane);
            elements.Add(node.Kind switch
            {
                MapNodeKind.Start => new BpmnElement("startEvent", "StartEvent_1", null, $"{DurationText.Count(node.Cases)} cases start here.", lane),
                MapNodeKind.End => new BpmnElement("endEvent", "EndEvent_1", null, $"{DurationText.Count(node.Cases)} cases end here.", lane),
                _ => new BpmnElement("task", "Activity_" + (++tasks).ToString(CultureInfo.InvariantCulture), node.Name, $"{DurationText.Count(node.Events)} events in {DurationText.Count(node.Cases)} cases.", lane),
            });
        }

        // A step with several successors gets a diverging XOR gateway: in BPMN, several unconditional flows leaving a
        // task would all be taken (an implicit parallel split), which is not what a directly-follows map means.
        var flows = new List<BpmnFlow>();
        int gateways = 0;
        foreach (var node in map.Nodes)
        {
            var outgoing = map.Edges.Where(e => e.Source == node.Id).ToList();
            int from = elementOf[node.Id];
            if (outgoing.Count > 1)
            {
                int gateway = elements.Count;
                elements.Add(new BpmnElement("exclusiveGateway", "Gateway_" + (++gateways).ToString(CultureInfo.InvariantCulture), null, null, elements[from].Lane));
                Connect(elements, flows, from, gateway, outgoing.Sum(e => e.Frequency), null);
                from = gateway;
            }

            foreach (var edge in outgoing)
            {
                Connect(elements, flows, from, elementOf[edge.Target], edge.Frequency, $"{DurationText.Count(edge.Frequency)} times in {DurationText.Count(edge.Cases)} cases.");
            }
        }

        return new BpmnModel(elements, flows, map.Lanes.Count > 0);
    }

    /// <summary>Lays the model out left to right, lanes as rows; element ids index nodes, flow ids edges.</summary>
    public GraphLayout Lay()
    {
        var graph = new LayoutGraph();
        foreach (var element in Elements)
        {
            var size = element.Type switch
            {
                "startEvent" or "endEvent" => new Size(36, 36),
                "exclusiveGateway" => new Size(50, 50),
                _ => new Size(110, 70),
            };
            graph.AddNode(size, element.Lane);
        }

        foreach (var lane in Enumerable.Range(0, Elements.Count == 0 ? 0 : Elements.Max(e => e.Lane) + 1))
        {
            graph.SetLaneMinimumBreadth(lane, HasLanes ? 110 : 0);
        }

        foreach (var flow in Flows)
        {
            graph.AddEdge(flow.Source, flow.Target, Math.Max(1, flow.Weight));
        }

        return LayeredLayout.Compute(graph, new LayoutOptions
        {
            Direction = LayoutDirection.LeftToRight,
            LaneHeader = HasLanes ? 30 : 0,
            NodeSpacing = 30,
            LayerSpacing = 50,
            LanePadding = 20,
        });
    }

    private static void Connect(List<BpmnElement> elements, List<BpmnFlow> flows, int from, int to, long weight, string? documentation)
    {
        int id = flows.Count;
        flows.Add(new BpmnFlow(from, to, weight, documentation));
        elements[from].Outgoing.Add(id);
        elements[to].Incoming.Add(id);
    }
}

/// <summary>A flow node of the export.</summary>
internal sealed record BpmnElement(string Type, string Id, string? Name, string? Documentation, int Lane)
{
    public List<int> Incoming { get; } = [];

    public List<int> Outgoing { get; } = [];
}

/// <summary>A sequence flow of the export.</summary>
internal sealed record BpmnFlow(int Source, int Target, long Weight, string? Documentation);
