using System.Globalization;
using System.Text;
using System.Xml;
using Stepwise.Maps.Layout;
using Stepwise.Maps.Mapping;
using Stepwise.Maps.Rendering;
using XmlText = Stepwise.Maps.Rendering.XmlText;

namespace Stepwise.Maps.Bpmn;

/// <summary>
/// Exports a process map as BPMN 2.0 XML with diagram interchange, so it opens laid out in a BPMN modeller: a start
/// event, a task per box (sized to show its name in whole words), an end event, exclusive (XOR) gateways where paths
/// split (flows named with their share and count) and join, parallel gateways around steps the map finds concurrent,
/// sequence flows named with how often they are taken, and the map's lanes as a lane set in a pool. Coordinates come
/// from the layered layout, flowing left to right with lanes as rows and right-angled flows, as BPMN diagrams usually
/// do.
/// </summary>
public static class BpmnExport
{
    private const string Model = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private const string Di = "http://www.omg.org/spec/BPMN/20100524/DI";
    private const string Dc = "http://www.omg.org/spec/DD/20100524/DC";
    private const string DiCommon = "http://www.omg.org/spec/DD/20100524/DI";
    private const double PoolHeader = 30;
    private const double Margin = 20;

    /// <summary>The BPMN 2.0 XML of <paramref name="map"/>.</summary>
    /// <param name="map">The map (usually simplified: BPMN readers expect a model, not every rare path).</param>
    /// <param name="processName">The process's name, e.g. the log's name.</param>
    public static string ToXml(ProcessMap map, string? processName = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        var model = BpmnModel.From(map);
        var layout = model.Lay();
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false), CheckCharacters = true };
        var sb = new StringBuilder();
        using (var writer = XmlWriter.Create(new StringWriter(sb, CultureInfo.InvariantCulture), settings))
        {
            Write(writer, map, model, layout, processName);
        }

        // StringWriter reports UTF-16; the file is written as UTF-8, so the declaration must say so.
        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"UTF-8\"", StringComparison.Ordinal) + "\n";
    }

    /// <summary>Writes the BPMN 2.0 XML of <paramref name="map"/> to <paramref name="path"/> (UTF-8).</summary>
    public static void Write(ProcessMap map, string path, string? processName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllText(path, ToXml(map, processName), new UTF8Encoding(false));
    }

    private static void Write(XmlWriter w, ProcessMap map, BpmnModel model, GraphLayout layout, string? processName)
    {
        bool lanes = map.Lanes.Count > 0;
        string name = XmlText.Clean(processName ?? "Process map");
        w.WriteStartDocument();
        w.WriteStartElement("bpmn", "definitions", Model);
        w.WriteAttributeString("xmlns", "bpmndi", null, Di);
        w.WriteAttributeString("xmlns", "dc", null, Dc);
        w.WriteAttributeString("xmlns", "di", null, DiCommon);
        w.WriteAttributeString("id", "Definitions_1");
        w.WriteAttributeString("targetNamespace", "urn:stepwise:process-map");
        w.WriteAttributeString("exporter", "Stepwise");
        w.WriteAttributeString("exporterVersion", "1.0");
        if (lanes)
        {
            w.WriteStartElement("bpmn", "collaboration", Model);
            w.WriteAttributeString("id", "Collaboration_1");
            w.WriteStartElement("bpmn", "participant", Model);
            w.WriteAttributeString("id", "Participant_1");
            w.WriteAttributeString("name", name);
            w.WriteAttributeString("processRef", "Process_1");
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteStartElement("bpmn", "process", Model);
        w.WriteAttributeString("id", "Process_1");
        w.WriteAttributeString("name", name);
        w.WriteAttributeString("isExecutable", "false");

        // What the model is of: the cases and the period of their events (documentation comes first in an element).
        w.WriteElementString("bpmn", "documentation", Model, XmlText.Clean(map.PeriodText + "."));
        if (lanes)
        {
            w.WriteStartElement("bpmn", "laneSet", Model);
            w.WriteAttributeString("id", "LaneSet_1");
            foreach (var lane in map.Lanes)
            {
                w.WriteStartElement("bpmn", "lane", Model);
                w.WriteAttributeString("id", LaneId(lane.Id));
                w.WriteAttributeString("name", XmlText.Clean(MapDrawing.LaneTitle(lane)));
                for (int e = 0; e < model.Elements.Count; e++)
                {
                    if (model.Elements[e].Lane == lane.Id)
                    {
                        w.WriteElementString("bpmn", "flowNodeRef", Model, model.Elements[e].Id);
                    }
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        foreach (var element in model.Elements)
        {
            w.WriteStartElement("bpmn", element.Type, Model);
            w.WriteAttributeString("id", element.Id);
            if (element.Name is not null)
            {
                w.WriteAttributeString("name", XmlText.Clean(element.Name));
            }

            if (element.Direction is not null)
            {
                w.WriteAttributeString("gatewayDirection", element.Direction);
            }

            if (element.Documentation is not null)
            {
                w.WriteElementString("bpmn", "documentation", Model, XmlText.Clean(element.Documentation));
            }

            foreach (int f in element.Incoming)
            {
                w.WriteElementString("bpmn", "incoming", Model, FlowId(f));
            }

            foreach (int f in element.Outgoing)
            {
                w.WriteElementString("bpmn", "outgoing", Model, FlowId(f));
            }

            w.WriteEndElement();
        }

        for (int f = 0; f < model.Flows.Count; f++)
        {
            var flow = model.Flows[f];
            w.WriteStartElement("bpmn", "sequenceFlow", Model);
            w.WriteAttributeString("id", FlowId(f));
            if (flow.Name is not null)
            {
                w.WriteAttributeString("name", flow.Name);
            }

            w.WriteAttributeString("sourceRef", model.Elements[flow.Source].Id);
            w.WriteAttributeString("targetRef", model.Elements[flow.Target].Id);
            if (flow.Documentation is not null)
            {
                w.WriteElementString("bpmn", "documentation", Model, XmlText.Clean(flow.Documentation));
            }

            w.WriteEndElement();
        }

        w.WriteEndElement(); // process

        // Diagram: the layout shifted right of the pool's header.
        double dx = Margin + (lanes ? PoolHeader : 0), dy = Margin;
        w.WriteStartElement("bpmndi", "BPMNDiagram", Di);
        w.WriteAttributeString("id", "Diagram_1");
        w.WriteStartElement("bpmndi", "BPMNPlane", Di);
        w.WriteAttributeString("id", "Plane_1");
        w.WriteAttributeString("bpmnElement", lanes ? "Collaboration_1" : "Process_1");
        if (lanes)
        {
            Shape(w, "Participant_1", new Rect(Margin, dy, layout.Width + PoolHeader, layout.Height), horizontal: true);
            foreach (var lane in map.Lanes)
            {
                var band = layout.Lanes[lane.Id];
                Shape(w, LaneId(lane.Id), new Rect(band.X + dx, band.Y + dy, band.Width, band.Height), horizontal: true);
            }
        }

        for (int e = 0; e < model.Elements.Count; e++)
        {
            var box = layout.Nodes[e];
            Shape(w, model.Elements[e].Id, new Rect(box.X + dx, box.Y + dy, box.Width, box.Height), horizontal: null, marker: model.Elements[e].Type == "exclusiveGateway");
        }

        for (int f = 0; f < model.Flows.Count; f++)
        {
            w.WriteStartElement("bpmndi", "BPMNEdge", Di);
            w.WriteAttributeString("id", FlowId(f) + "_di");
            w.WriteAttributeString("bpmnElement", FlowId(f));
            foreach (var p in layout.Edges[f].Points)
            {
                w.WriteStartElement("di", "waypoint", DiCommon);
                w.WriteAttributeString("x", N(p.X + dx));
                w.WriteAttributeString("y", N(p.Y + dy));
                w.WriteEndElement();
            }

            var label = layout.Edges[f].Label;
            if (!label.IsEmpty)
            {
                w.WriteStartElement("bpmndi", "BPMNLabel", Di);
                w.WriteStartElement("dc", "Bounds", Dc);
                w.WriteAttributeString("x", N(label.X + dx));
                w.WriteAttributeString("y", N(label.Y + dy));
                w.WriteAttributeString("width", N(label.Width));
                w.WriteAttributeString("height", N(label.Height));
                w.WriteEndElement();
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        w.WriteEndElement(); // plane
        w.WriteEndElement(); // diagram
        w.WriteEndElement(); // definitions
        w.WriteEndDocument();
    }

    private static void Shape(XmlWriter w, string element, Rect bounds, bool? horizontal, bool marker = false)
    {
        w.WriteStartElement("bpmndi", "BPMNShape", Di);
        w.WriteAttributeString("id", element + "_di");
        w.WriteAttributeString("bpmnElement", element);
        if (horizontal is { } h)
        {
            w.WriteAttributeString("isHorizontal", h ? "true" : "false");
        }

        if (marker)
        {
            w.WriteAttributeString("isMarkerVisible", "true");
        }

        w.WriteStartElement("dc", "Bounds", Dc);
        w.WriteAttributeString("x", N(bounds.X));
        w.WriteAttributeString("y", N(bounds.Y));
        w.WriteAttributeString("width", N(bounds.Width));
        w.WriteAttributeString("height", N(bounds.Height));
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static string FlowId(int flow) => "Flow_" + (flow + 1).ToString(CultureInfo.InvariantCulture);

    private static string LaneId(int lane) => "Lane_" + (lane + 1).ToString(CultureInfo.InvariantCulture);

    private static string N(double value)
    {
        double rounded = Math.Round(value, 1);
        return (rounded == 0 ? 0 : rounded).ToString("0.#", CultureInfo.InvariantCulture);
    }
}
