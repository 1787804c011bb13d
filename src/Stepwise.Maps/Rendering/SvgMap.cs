using System.Globalization;
using System.Text;
using Stepwise.Maps.Layout;
using Stepwise.Maps.Mapping;

namespace Stepwise.Maps.Rendering;

/// <summary>
/// Writes a process map as a stand-alone SVG document: styles embedded, a title and description for screen readers
/// and a title on every node, path and lane, all user text XML-escaped. Every box and path also carries its ids and
/// figures as <c>data-*</c> attributes (listed in docs/maps.md), so that a web page can highlight, filter and show
/// details without recomputing. The output depends only on the map and the style, so the same input gives
/// byte-identical SVG.
/// </summary>
public static class SvgMap
{
    private const string Fonts = "'Liberation Sans', Arial, Helvetica, 'DejaVu Sans', sans-serif";

    /// <summary>Draws <paramref name="map"/> in <paramref name="style"/> and returns the SVG text.</summary>
    public static string Render(ProcessMap map, MapStyle? style = null) => Render(MapDrawing.Create(map, style));

    /// <summary>Returns the SVG text of <paramref name="drawing"/>.</summary>
    /// <param name="drawing">The laid-out map.</param>
    /// <param name="idPrefix">Prefix of the document's element ids, so several maps can share one HTML page.</param>
    public static string Render(MapDrawing drawing, string idPrefix = "map")
    {
        ArgumentNullException.ThrowIfNull(drawing);
        ArgumentException.ThrowIfNullOrEmpty(idPrefix);
        var colors = drawing.Colors;
        var map = drawing.Map;
        var sb = new StringBuilder(64 * 1024);
        string id = XmlText.Escape(idPrefix);
        var (pageW, pageH) = drawing.PageInches;
        string size = pageW > 0
            ? $"width=\"{Inches(pageW)}in\" height=\"{Inches(pageH)}in\""
            : $"width=\"{N(drawing.Width)}\" height=\"{N(drawing.Height)}\"";
        var crossings = drawing.Layout.CrossingMethods;
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" {size} viewBox=\"0 0 {N(drawing.Width)} {N(drawing.Height)}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" class=\"stepwise-map\"");
        sb.Append($" data-overlay=\"{(drawing.Style.Overlay == MapOverlay.Performance ? "performance" : "frequency")}\" data-count=\"{drawing.CountUnit}\" data-time=\"{drawing.TimeName}\" data-direction=\"{(drawing.Layout.Direction == LayoutDirection.TopToBottom ? "down" : "right")}\"");
        sb.Append($" data-cases=\"{map.Coverage.Cases}\" data-events=\"{map.Coverage.Events}\" data-steps=\"{map.Coverage.Activities}\" data-steps-shown=\"{map.Coverage.ShownActivities}\" data-paths=\"{map.Coverage.Paths}\" data-paths-shown=\"{map.Coverage.ShownPaths}\"");
        sb.Append($" data-crossings=\"{crossings.Final}\" data-crossings-barycentre=\"{crossings.Barycentre}\" data-crossings-median=\"{crossings.Median}\"");
        if (map.Lanes.Count > 0)
        {
            sb.Append($" data-lanes-by=\"{XmlText.Escape(map.LaneAttribute ?? string.Empty)}\" data-lane-fit=\"{R(map.LaneFit)}\" data-lane-pooled=\"{R(map.LanePooledShare)}\"");
        }

        sb.Append(">\n");
        sb.Append($"<title id=\"{id}-title\">{XmlText.Escape(drawing.Title)}</title>\n");
        sb.Append($"<desc id=\"{id}-desc\">{XmlText.Escape(drawing.Description)}</desc>\n");
        Style(sb, drawing, colors);
        sb.Append($"<rect class=\"background\" width=\"{N(drawing.Width)}\" height=\"{N(drawing.Height)}\" fill=\"{colors.Background}\"/>\n");
        sb.Append($"<g class=\"content\" transform=\"translate({N(drawing.ContentOffset.X)} {N(drawing.ContentOffset.Y)})\">\n");
        Caption(sb, drawing);
        Legend(sb, drawing);
        sb.Append($"<g class=\"map\" transform=\"translate({N(drawing.Origin.X)} {N(drawing.Origin.Y)})\">\n");
        Lanes(sb, drawing);
        Edges(sb, drawing);
        Nodes(sb, drawing);
        sb.Append("</g>\n</g>\n</svg>\n");
        return sb.ToString();
    }

    /// <summary>Writes the SVG of <paramref name="drawing"/> to <paramref name="path"/> (UTF-8, no byte-order mark).</summary>
    public static void Write(MapDrawing drawing, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllText(path, Render(drawing), new UTF8Encoding(false));
    }

    private static void Style(StringBuilder sb, MapDrawing drawing, ColorScheme colors)
    {
        sb.Append("<style>\n");
        sb.Append($"text {{ font-family: {Fonts}; fill: {colors.Text}; }}\n");
        sb.Append($".caption-title {{ font-size: {N(16 * drawing.TextScale)}px; font-weight: bold; }}\n");
        sb.Append($".caption {{ font-size: {N(drawing.SmallSize)}px; fill: {colors.MutedText}; }}\n");
        sb.Append($".node-name {{ font-size: {N(drawing.NameSize)}px; text-anchor: middle; }}\n");
        sb.Append($".terminal .node-name {{ font-weight: bold; }}\n");
        sb.Append($".node-metric {{ font-size: {N(drawing.SmallSize)}px; text-anchor: middle; }}\n");
        sb.Append($".node-lane {{ font-size: {N(drawing.SmallSize)}px; text-anchor: middle; font-style: italic; }}\n");
        sb.Append($".edge-label {{ font-size: {N(drawing.SmallSize)}px; }}\n");
        sb.Append($".lane-title {{ font-size: {N(drawing.NameSize)}px; font-weight: bold; fill: {colors.LaneTitle}; }}\n");
        sb.Append(".line { fill: none; stroke-linecap: butt; stroke-linejoin: round; }\n");
        sb.Append(".handover .line { stroke-dasharray: 7 4; }\n");
        sb.Append("</style>\n");
    }

    private static void Caption(StringBuilder sb, MapDrawing drawing)
    {
        const double margin = 16;
        double y = drawing.CaptionTop + (14 * drawing.TextScale);
        sb.Append("<g class=\"caption-block\">\n");
        sb.Append($"<text class=\"caption-title\" x=\"{N(margin)}\" y=\"{N(y)}\">{XmlText.Escape(drawing.Title)}</text>\n");
        y += 8;
        foreach (var line in drawing.Caption)
        {
            y += drawing.SmallSize * 1.35;
            sb.Append($"<text class=\"caption\" x=\"{N(margin)}\" y=\"{N(y)}\">{XmlText.Escape(line)}</text>\n");
        }

        sb.Append("</g>\n");
    }

    private static void Legend(StringBuilder sb, MapDrawing drawing)
    {
        if (drawing.Legend.Count == 0)
        {
            return;
        }

        var colors = drawing.Colors;
        sb.Append("<g class=\"legend\">\n");
        foreach (var entry in drawing.Legend)
        {
            double mid = entry.Y + (entry.Height / 2);
            double x = entry.X;
            switch (entry.Kind)
            {
                case LegendKind.Width:
                    sb.Append($"<line x1=\"{N(x)}\" y1=\"{N(mid - 4)}\" x2=\"{N(x + entry.SampleWidth)}\" y2=\"{N(mid - 4)}\" stroke=\"{colors.Edge}\" stroke-width=\"{N(drawing.WidthOf(1))}\"/>");
                    sb.Append($"<line x1=\"{N(x)}\" y1=\"{N(mid + 3)}\" x2=\"{N(x + entry.SampleWidth)}\" y2=\"{N(mid + 3)}\" stroke=\"{colors.Edge}\" stroke-width=\"{N(drawing.WidthOf(drawing.MaxEdgeCount))}\"/>");
                    break;
                case LegendKind.Handover:
                    sb.Append($"<line x1=\"{N(x)}\" y1=\"{N(mid)}\" x2=\"{N(x + entry.SampleWidth)}\" y2=\"{N(mid)}\" stroke=\"{colors.Edge}\" stroke-width=\"2\" stroke-dasharray=\"7 4\"/>");
                    break;
                default:
                    const int cells = 8;
                    double cell = entry.SampleWidth / cells;
                    for (int i = 0; i < cells; i++)
                    {
                        double t = i / (double)(cells - 1);
                        string fill = entry.Kind switch
                        {
                            LegendKind.TimeScale => ColorScheme.Along(colors.TimeScale, MapDrawing.EdgeScaleStart + ((1 - MapDrawing.EdgeScaleStart) * t)),
                            LegendKind.PaintScale => ColorScheme.Along(colors.TimeScale, t),
                            _ => ColorScheme.Mix(colors.NodeLow, colors.NodeHigh, t),
                        };
                        sb.Append($"<rect x=\"{N(x + (i * cell))}\" y=\"{N(mid - 6)}\" width=\"{N(cell)}\" height=\"12\" fill=\"{fill}\" stroke=\"{colors.NodeStroke}\" stroke-width=\"0.3\"/>");
                    }

                    break;
            }

            sb.Append($"<text class=\"caption\" x=\"{N(x + entry.SampleWidth + 6)}\" y=\"{N(mid + (drawing.SmallSize * 0.36))}\">{XmlText.Escape(entry.Text)}</text>\n");
        }

        sb.Append("</g>\n");
    }

    private static void Lanes(StringBuilder sb, MapDrawing drawing)
    {
        var map = drawing.Map;
        if (map.Lanes.Count == 0)
        {
            return;
        }

        var colors = drawing.Colors;
        bool down = drawing.Layout.Direction == LayoutDirection.TopToBottom;
        sb.Append("<g class=\"lanes\">\n");
        foreach (var lane in map.Lanes)
        {
            var box = drawing.Layout.Lanes[lane.Id];
            string title = MapDrawing.LaneTitle(lane);
            string share = map.Coverage.ShownEvents == 0 ? "0" : (100.0 * lane.Events / map.Coverage.ShownEvents).ToString("0", CultureInfo.InvariantCulture);
            sb.Append($"<g class=\"lane\" data-lane=\"{lane.Id}\" data-lane-name=\"{XmlText.Escape(lane.Name)}\" data-values=\"{lane.Values}\" data-pooled=\"{(lane.IsPooled ? "true" : "false")}\" data-events=\"{lane.Events}\" data-boxes=\"{lane.Activities}\">");
            sb.Append($"<title>{XmlText.Escape($"Lane {title}: {lane.Activities} boxes, {DurationText.Count(lane.Events)} events ({share}% of those shown)")}</title>");
            sb.Append($"<rect x=\"{N(box.X)}\" y=\"{N(box.Y)}\" width=\"{N(box.Width)}\" height=\"{N(box.Height)}\" fill=\"{(lane.Id % 2 == 0 ? colors.LaneFill : colors.LaneAltFill)}\" stroke=\"{colors.LaneStroke}\" stroke-width=\"1\"/>");
            if (down)
            {
                var lines = TextMetrics.Wrap(title, drawing.NameSize, box.Width - 12, 2, bold: true);
                for (int i = 0; i < lines.Count; i++)
                {
                    sb.Append($"<text class=\"lane-title\" x=\"{N(box.Center.X)}\" y=\"{N(box.Y + (drawing.NameSize * (1.3 + (1.15 * i))))}\" text-anchor=\"middle\">{XmlText.Escape(lines[i])}</text>");
                }
            }
            else
            {
                var lines = TextMetrics.Wrap(title, drawing.NameSize, MapDrawing.LaneTitleWidth * drawing.TextScale, 2, bold: true);
                for (int i = 0; i < lines.Count; i++)
                {
                    double y = box.Center.Y + (drawing.NameSize * 0.36) + ((i - ((lines.Count - 1) / 2.0)) * drawing.NameSize * 1.15);
                    sb.Append($"<text class=\"lane-title\" x=\"{N(box.X + 10)}\" y=\"{N(y)}\">{XmlText.Escape(lines[i])}</text>");
                }
            }

            sb.Append("</g>\n");
        }

        sb.Append("</g>\n");
    }

    private static void Edges(StringBuilder sb, MapDrawing drawing)
    {
        var map = drawing.Map;
        var layout = drawing.Layout;
        bool down = layout.Direction == LayoutDirection.TopToBottom;
        sb.Append("<g class=\"edges\">\n");
        for (int e = 0; e < map.Edges.Count; e++)
        {
            var edge = map.Edges[e];
            var route = layout.Edges[e];
            string cls = "edge" + (route.Reversed ? " back" : string.Empty) + (route.SelfLoop ? " loop" : string.Empty) + (drawing.CrossesLanes[e] ? " handover" : string.Empty);
            var stroke = drawing.Strokes[e];
            var (d, tip, direction) = route.SelfLoop ? LoopPath(route.Points, down, stroke.ArrowLength) : RoutePath(route.Points, down, stroke.ArrowLength);
            sb.Append($"<g class=\"{cls}\"");
            EdgeData(sb, drawing, e);
            sb.Append($"><title>{XmlText.Escape(EdgeTitle(drawing, edge))}</title>");
            sb.Append($"<path class=\"line\" d=\"{d}\" stroke=\"{drawing.EdgeColor[e]}\" stroke-width=\"{N(stroke.LineWidth)}\"/>");
            double half = stroke.ArrowWidth / 2;
            var baseCentre = new Point(tip.X - (direction.X * stroke.ArrowLength), tip.Y - (direction.Y * stroke.ArrowLength));
            var normal = new Point(-direction.Y, direction.X);
            sb.Append($"<path class=\"arrow\" d=\"M{P(tip)}L{P(new Point(baseCentre.X + (normal.X * half), baseCentre.Y + (normal.Y * half)))}L{P(new Point(baseCentre.X - (normal.X * half), baseCentre.Y - (normal.Y * half)))}Z\" fill=\"{drawing.EdgeColor[e]}\"/>");
            sb.Append("</g>\n");
        }

        sb.Append("</g>\n<g class=\"edge-labels\">\n");
        for (int e = 0; e < map.Edges.Count; e++)
        {
            var box = layout.Edges[e].Label;
            if (box.IsEmpty || drawing.EdgeLabels[e].Length == 0)
            {
                continue;
            }

            sb.Append($"<text class=\"edge-label\" data-edge=\"{e}\" x=\"{N(box.X + 1)}\" y=\"{N(box.Center.Y + (drawing.SmallSize * 0.36))}\">{XmlText.Escape(drawing.EdgeLabels[e])}</text>\n");
        }

        sb.Append("</g>\n");
    }

    private static void EdgeData(StringBuilder sb, MapDrawing drawing, int e)
    {
        var map = drawing.Map;
        var edge = map.Edges[e];
        var source = map.Nodes[edge.Source];
        var target = map.Nodes[edge.Target];
        sb.Append($" data-edge=\"{e}\" data-path=\"{NodeKey(source)}>{NodeKey(target)}\" data-source=\"{edge.Source}\" data-target=\"{edge.Target}\"");
        sb.Append($" data-source-step=\"{source.Step}\" data-target-step=\"{target.Step}\"");
        sb.Append($" data-frequency=\"{edge.Frequency}\" data-cases=\"{edge.Cases}\"");
        if (edge.Duration.Count > 0)
        {
            sb.Append($" data-median-s=\"{R(edge.Duration.Median)}\" data-mean-s=\"{R(edge.Duration.Mean)}\" data-p90-s=\"{R(edge.Duration.P90)}\"");
        }

        if (map.Lanes.Count > 0)
        {
            sb.Append($" data-handovers=\"{edge.Handovers}\" data-handover=\"{(drawing.CrossesLanes[e] ? "true" : "false")}\"");
        }

        var route = drawing.Layout.Edges[e];
        sb.Append($" data-back=\"{(route.Reversed ? "true" : "false")}\" data-label=\"{XmlText.Escape(drawing.EdgeLabels[e])}\"");
    }

    /// <summary>A node's id that stays the same on every map of one log: start, end, or the step id (the boxes of a
    /// step split across lanes share it; their data-lane tells them apart).</summary>
    internal static string NodeKey(MapNode node) => node.Kind switch
    {
        MapNodeKind.Start => "start",
        MapNodeKind.End => "end",
        _ => node.Step.ToString(CultureInfo.InvariantCulture),
    };

    private static string EdgeTitle(MapDrawing drawing, MapEdge edge)
    {
        var map = drawing.Map;
        var text = new StringBuilder();
        text.Append(BoxName(map, map.Nodes[edge.Source])).Append(" \u2192 ").Append(BoxName(map, map.Nodes[edge.Target])).Append(": ");
        text.Append(MapDrawing.Counted(edge.Cases, "case")).Append(", ").Append(DurationText.Count(edge.Frequency)).Append(edge.Frequency == 1 ? " time" : " times");
        if (edge.Duration.Count > 0)
        {
            text.Append("; median ").Append(DurationText.Format(edge.Duration.Median)).Append(", mean ").Append(DurationText.Format(edge.Duration.Mean))
                .Append(", 90% within ").Append(DurationText.Format(edge.Duration.P90));
        }

        if (map.Lanes.Count > 0 && edge.Frequency > 0 && edge.Source >= 2 && edge.Target >= 2)
        {
            text.Append("; ").Append(map.LaneAttribute).Append(" changes in ")
                .Append((100.0 * edge.Handovers / edge.Frequency).ToString("0", CultureInfo.InvariantCulture)).Append("% of transitions");
        }

        return text.ToString();
    }

    private static string BoxName(ProcessMap map, MapNode node)
        => node.IsSplit && node.Lane >= 0 ? $"{node.Name} ({map.Lanes[node.Lane].Name})" : node.Name;

    /// <summary>The path of a route: straight through ranks, S-curves across the gaps, ending short of the target
    /// by the arrowhead's length (the layout leaves a straight run of at least that length before every node).</summary>
    private static (string D, Point Tip, Point Direction) RoutePath(IReadOnlyList<Point> points, bool down, double arrow)
    {
        var pts = points.ToList();
        var tip = pts[^1];
        double sign = down ? Math.Sign(tip.Y - pts[^2].Y) : Math.Sign(tip.X - pts[^2].X);
        var direction = down ? new Point(0, sign) : new Point(sign, 0);

        // Pull the end back along the flow by the arrow's length.
        double remaining = arrow;
        while (remaining > 0 && pts.Count > 2)
        {
            var last = pts[^1];
            var prev = pts[^2];
            bool straight = down ? last.X == prev.X : last.Y == prev.Y;
            double length = down ? Math.Abs(last.Y - prev.Y) : Math.Abs(last.X - prev.X);
            if (straight && length <= remaining)
            {
                pts.RemoveAt(pts.Count - 1);
                remaining -= length;
                continue;
            }

            break;
        }

        var end = pts[^1];
        pts[^1] = down ? new Point(end.X, end.Y - (sign * remaining)) : new Point(end.X - (sign * remaining), end.Y);
        var sb = new StringBuilder();
        sb.Append('M').Append(P(pts[0]));
        for (int i = 1; i < pts.Count; i++)
        {
            var a = pts[i - 1];
            var b = pts[i];
            bool straight = down ? a.X == b.X : a.Y == b.Y;
            if (straight || (down ? a.Y == b.Y : a.X == b.X))
            {
                sb.Append('L').Append(P(b));
            }
            else if (down)
            {
                double mid = (a.Y + b.Y) / 2;
                sb.Append('C').Append(P(new Point(a.X, mid))).Append(' ').Append(P(new Point(b.X, mid))).Append(' ').Append(P(b));
            }
            else
            {
                double mid = (a.X + b.X) / 2;
                sb.Append('C').Append(P(new Point(mid, a.Y))).Append(' ').Append(P(new Point(mid, b.Y))).Append(' ').Append(P(b));
            }
        }

        return (sb.ToString(), tip, direction);
    }

    /// <summary>A self-loop: out of the node's side, along its outer line (where its label sits) and back in, with
    /// rounded corners, ending short of the node by the arrowhead's length.</summary>
    private static (string D, Point Tip, Point Direction) LoopPath(IReadOnlyList<Point> points, bool down, double arrow)
    {
        var tip = points[3];
        var direction = down ? new Point(-1, 0) : new Point(0, -1);
        double reach = down ? points[1].X - points[0].X : points[1].Y - points[0].Y;
        double shorten = Math.Min(arrow, 0.9 * reach);
        var end = new Point(tip.X - (direction.X * shorten), tip.Y - (direction.Y * shorten));
        double r = Math.Min(6, reach / 2);
        var p1 = points[1];
        var p2 = points[2];
        string d = down
            ? $"M{P(points[0])}L{P(new Point(p1.X - r, p1.Y))}Q{P(p1)} {P(new Point(p1.X, p1.Y + r))}L{P(new Point(p2.X, p2.Y - r))}Q{P(p2)} {P(new Point(p2.X - r, p2.Y))}L{P(end)}"
            : $"M{P(points[0])}L{P(new Point(p1.X, p1.Y - r))}Q{P(p1)} {P(new Point(p1.X + r, p1.Y))}L{P(new Point(p2.X - r, p2.Y))}Q{P(p2)} {P(new Point(p2.X, p2.Y - r))}L{P(end)}";
        return (d, tip, direction);
    }

    private static void Nodes(StringBuilder sb, MapDrawing drawing)
    {
        var map = drawing.Map;
        var colors = drawing.Colors;
        sb.Append("<g class=\"nodes\">\n");
        foreach (var node in map.Nodes)
        {
            var box = drawing.Layout.Nodes[node.Id];
            bool terminal = node.Kind != MapNodeKind.Activity;
            string fill = drawing.NodeFill[node.Id];
            string textColor = ColorScheme.IsLight(fill) ? colors.Text : "#ffffff";
            sb.Append($"<g class=\"node{(terminal ? " terminal" : string.Empty)}\"");
            NodeData(sb, drawing, node);
            sb.Append($"><title>{XmlText.Escape(NodeTitle(drawing, node))}</title>");
            double radius = terminal ? box.Height / 2 : 5;
            sb.Append($"<rect x=\"{N(box.X)}\" y=\"{N(box.Y)}\" width=\"{N(box.Width)}\" height=\"{N(box.Height)}\" rx=\"{N(radius)}\" fill=\"{fill}\" stroke=\"{(terminal ? colors.TerminalStroke : colors.NodeStroke)}\" stroke-width=\"{(terminal ? "1.6" : "1.1")}\"/>");
            var lines = drawing.NodeText[node.Id];
            double total = 0;
            foreach (var line in lines)
            {
                total += line.FontSize * 1.25;
            }

            double y = box.Y + ((box.Height - total) / 2);
            foreach (var line in lines)
            {
                double baseline = y + (line.FontSize * 0.625) + (line.FontSize * 0.36);
                sb.Append($"<text class=\"node-{line.Kind}\" x=\"{N(box.Center.X)}\" y=\"{N(baseline)}\" fill=\"{textColor}\" style=\"fill:{textColor}\">{XmlText.Escape(line.Text)}</text>");
                y += line.FontSize * 1.25;
            }

            sb.Append("</g>\n");
        }

        sb.Append("</g>\n");
    }

    private static void NodeData(StringBuilder sb, MapDrawing drawing, MapNode node)
    {
        var map = drawing.Map;
        string kind = node.Kind switch { MapNodeKind.Start => "start", MapNodeKind.End => "end", _ => "step" };
        sb.Append($" data-node=\"{node.Id}\" data-kind=\"{kind}\" data-key=\"{NodeKey(node)}\" data-step=\"{node.Step}\" data-name=\"{XmlText.Escape(node.Name)}\"");
        sb.Append($" data-events=\"{node.Events}\" data-cases=\"{node.Cases}\" data-flow-rank=\"{(node.Kind == MapNodeKind.End ? -2 : node.FlowRank)}\" data-layer=\"{drawing.Layout.NodeLayers[node.Id]}\"");
        if (node.ServiceTime.Count > 0)
        {
            sb.Append($" data-service-median-s=\"{R(node.ServiceTime.Median)}\" data-service-mean-s=\"{R(node.ServiceTime.Mean)}\"");
        }

        if (node.Kind == MapNodeKind.Activity && drawing.Style.Paint is { } paint && paint.Steps.TryGetValue(node.Name, out var figure) && !double.IsNaN(figure.Value))
        {
            sb.Append($" data-paint=\"{R(figure.Value)}\"");
        }

        if (map.Lanes.Count > 0 && node.Lane >= 0)
        {
            sb.Append($" data-lane=\"{node.Lane}\" data-lane-name=\"{XmlText.Escape(map.Lanes[node.Lane].Name)}\" data-boxes=\"{node.Boxes}\"");
            if (node.Kind == MapNodeKind.Activity)
            {
                sb.Append($" data-lane-share=\"{R(node.LaneShare)}\"");
            }
        }
    }

    private static string NodeTitle(MapDrawing drawing, MapNode node)
    {
        var map = drawing.Map;
        if (node.Kind != MapNodeKind.Activity)
        {
            return $"{node.Name}: {MapDrawing.Counted(node.Cases, "case")}";
        }

        var text = new StringBuilder();
        text.Append(node.Name).Append(": ").Append(MapDrawing.Counted(node.Cases, "case")).Append(", ").Append(MapDrawing.Counted(node.Events, "event"));
        if (node.ServiceTime.Count > 0)
        {
            text.Append("; service time median ").Append(DurationText.Format(node.ServiceTime.Median)).Append(", mean ").Append(DurationText.Format(node.ServiceTime.Mean));
        }

        if (node.Lane >= 0 && map.Lanes.Count > 0 && !double.IsNaN(node.LaneShare))
        {
            text.Append("; ").Append((node.LaneShare * 100).ToString("0", CultureInfo.InvariantCulture)).Append("% of the step's events done in lane ").Append(map.Lanes[node.Lane].Name);
            if (node.IsSplit)
            {
                text.Append(" (the step is drawn in ").Append(node.Boxes).Append(" lanes)");
            }
        }

        return text.ToString();
    }

    private static string Inches(double value) => Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture);

    private static string R(double value)
        => double.IsNaN(value) ? "" : Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture);

    private static string N(double value)
    {
        double rounded = Math.Round(value, 2);
        return (rounded == 0 ? 0 : rounded).ToString("0.##", CultureInfo.InvariantCulture);
    }

    private static string P(Point p) => N(p.X) + "," + N(p.Y);
}
