using System.Globalization;
using System.Text;
using Stepwise.Maps.Layout;
using Stepwise.Maps.Mapping;

namespace Stepwise.Maps.Rendering;

/// <summary>
/// Writes a process map as a stand-alone SVG document: styles embedded, a title and description for screen readers
/// and a title on every node, path and lane, all user text XML-escaped. The output depends only on the map and the
/// style, so the same input gives byte-identical SVG.
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
        var sb = new StringBuilder(64 * 1024);
        string id = XmlText.Escape(idPrefix);
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{N(drawing.Width)}\" height=\"{N(drawing.Height)}\" viewBox=\"0 0 {N(drawing.Width)} {N(drawing.Height)}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" class=\"stepwise-map\">\n");
        sb.Append($"<title id=\"{id}-title\">{XmlText.Escape(drawing.Title)}</title>\n");
        sb.Append($"<desc id=\"{id}-desc\">{XmlText.Escape(drawing.Description)}</desc>\n");
        Style(sb, drawing, colors);
        sb.Append($"<rect class=\"background\" width=\"{N(drawing.Width)}\" height=\"{N(drawing.Height)}\" fill=\"{colors.Background}\"/>\n");
        Caption(sb, drawing);
        Legend(sb, drawing);
        sb.Append($"<g class=\"map\" transform=\"translate({N(drawing.Origin.X)} {N(drawing.Origin.Y)})\">\n");
        Lanes(sb, drawing);
        Edges(sb, drawing);
        Nodes(sb, drawing);
        sb.Append("</g>\n</svg>\n");
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
        sb.Append($".caption-title {{ font-size: 16px; font-weight: bold; }}\n");
        sb.Append($".caption {{ font-size: {N(MapDrawing.SmallFontSize)}px; fill: {colors.MutedText}; }}\n");
        sb.Append($".node-name {{ font-size: {N(MapDrawing.NameFontSize)}px; text-anchor: middle; }}\n");
        sb.Append($".terminal .node-name {{ font-weight: bold; }}\n");
        sb.Append($".node-metric {{ font-size: {N(MapDrawing.SmallFontSize)}px; text-anchor: middle; }}\n");
        sb.Append($".node-lane {{ font-size: {N(MapDrawing.SmallFontSize)}px; text-anchor: middle; font-style: italic; }}\n");
        sb.Append($".edge-label {{ font-size: {N(MapDrawing.SmallFontSize)}px; }}\n");
        sb.Append($".lane-title {{ font-size: {N(MapDrawing.NameFontSize)}px; font-weight: bold; fill: {colors.LaneTitle}; }}\n");
        sb.Append(".line { fill: none; stroke-linecap: butt; stroke-linejoin: round; }\n");
        if (colors.DashCrossLane)
        {
            sb.Append(".cross-lane .line { stroke-dasharray: 7 4; }\n");
        }

        sb.Append(".back .line { stroke-opacity: 0.9; }\n");
        sb.Append("</style>\n");
    }

    private static void Caption(StringBuilder sb, MapDrawing drawing)
    {
        const double margin = 16;
        double y = margin + 14;
        sb.Append("<g class=\"caption-block\">\n");
        sb.Append($"<text class=\"caption-title\" x=\"{N(margin)}\" y=\"{N(y)}\">{XmlText.Escape(drawing.Title)}</text>\n");
        y += 8;
        foreach (var line in drawing.Caption)
        {
            y += MapDrawing.SmallFontSize * 1.35;
            sb.Append($"<text class=\"caption\" x=\"{N(margin)}\" y=\"{N(y)}\">{XmlText.Escape(line)}</text>\n");
        }

        sb.Append("</g>\n");
    }

    private static void Legend(StringBuilder sb, MapDrawing drawing)
    {
        var (low, high) = drawing.TimeRange;
        if (drawing.Style.Overlay != MapOverlay.Performance || double.IsNaN(low))
        {
            return;
        }

        const double x0 = 16;
        double y = drawing.LegendTop + 8;
        string lowText = $"{drawing.TimeName} {DurationText.Format(low)}";
        double x = x0;
        sb.Append("<g class=\"legend\">\n<title>Colour scale of times, logarithmic</title>\n");
        sb.Append($"<text class=\"caption\" x=\"{N(x)}\" y=\"{N(y + 9)}\">{XmlText.Escape(lowText)}</text>\n");
        x += TextMetrics.Width(lowText, MapDrawing.SmallFontSize) + 6;
        const int cells = 12;
        for (int i = 0; i < cells; i++)
        {
            string fill = ColorScheme.Along(drawing.Colors.TimeScale, 0.15 + (0.85 * i / (cells - 1)));
            sb.Append($"<rect x=\"{N(x + (i * 16))}\" y=\"{N(y)}\" width=\"16\" height=\"11\" fill=\"{fill}\" stroke=\"{drawing.Colors.NodeStroke}\" stroke-width=\"0.3\"/>\n");
        }

        x += (cells * 16) + 6;
        sb.Append($"<text class=\"caption\" x=\"{N(x)}\" y=\"{N(y + 9)}\">{XmlText.Escape(DurationText.Format(high))}</text>\n");
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
            sb.Append($"<g class=\"lane\"><title>{XmlText.Escape($"Lane {title}: {lane.Activities} steps")}</title>");
            sb.Append($"<rect x=\"{N(box.X)}\" y=\"{N(box.Y)}\" width=\"{N(box.Width)}\" height=\"{N(box.Height)}\" fill=\"{(lane.Id % 2 == 0 ? colors.LaneFill : colors.LaneAltFill)}\" stroke=\"{colors.LaneStroke}\" stroke-width=\"1\"/>");
            if (down)
            {
                string shown = TextMetrics.Wrap(title, MapDrawing.NameFontSize, box.Width - 12, 1, bold: true)[0];
                sb.Append($"<text class=\"lane-title\" x=\"{N(box.Center.X)}\" y=\"{N(box.Y + 20)}\" text-anchor=\"middle\">{XmlText.Escape(shown)}</text>");
            }
            else
            {
                string shown = TextMetrics.Wrap(title, MapDrawing.NameFontSize, 150, 1, bold: true)[0];
                sb.Append($"<text class=\"lane-title\" x=\"{N(box.X + 10)}\" y=\"{N(box.Center.Y + 4.5)}\">{XmlText.Escape(shown)}</text>");
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
            string cls = "edge" + (route.Reversed ? " back" : string.Empty) + (route.SelfLoop ? " loop" : string.Empty) + (drawing.CrossesLanes[e] ? " cross-lane" : string.Empty);
            double width = drawing.EdgeWidth[e];
            double arrow = 5 + (width * 1.1);
            var (d, tip, direction) = route.SelfLoop ? LoopPath(route.Points, down, arrow) : RoutePath(route.Points, down, arrow);
            sb.Append($"<g class=\"{cls}\"><title>{XmlText.Escape(EdgeTitle(drawing, edge))}</title>");
            sb.Append($"<path class=\"line\" d=\"{d}\" stroke=\"{drawing.EdgeColor[e]}\" stroke-width=\"{N(width)}\"/>");
            double half = 2.8 + (width * 0.8);
            var baseCentre = new Point(tip.X - (direction.X * arrow), tip.Y - (direction.Y * arrow));
            var normal = new Point(-direction.Y, direction.X);
            sb.Append($"<path class=\"arrow\" d=\"M{P(tip)}L{P(new Point(baseCentre.X + (normal.X * half), baseCentre.Y + (normal.Y * half)))}L{P(new Point(baseCentre.X - (normal.X * half), baseCentre.Y - (normal.Y * half)))}Z\" fill=\"{drawing.EdgeColor[e]}\"/>");
            sb.Append("</g>\n");
        }

        sb.Append("</g>\n<g class=\"edge-labels\">\n");
        for (int e = 0; e < map.Edges.Count; e++)
        {
            var box = layout.Edges[e].Label;
            if (box.IsEmpty)
            {
                continue;
            }

            sb.Append($"<text class=\"edge-label\" x=\"{N(box.X + 1)}\" y=\"{N(box.Center.Y + (MapDrawing.SmallFontSize * 0.36))}\">{XmlText.Escape(drawing.EdgeLabels[e])}</text>\n");
        }

        sb.Append("</g>\n");
    }

    private static string EdgeTitle(MapDrawing drawing, MapEdge edge)
    {
        var map = drawing.Map;
        var text = new StringBuilder();
        text.Append(map.Nodes[edge.Source].Name).Append(" \u2192 ").Append(map.Nodes[edge.Target].Name).Append(": ");
        text.Append(DurationText.Count(edge.Cases)).Append(" cases, ").Append(DurationText.Count(edge.Frequency)).Append(" times");
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

    /// <summary>The path of a route: straight through ranks, S-curves across the gaps, ending short of the target
    /// by the arrowhead's length.</summary>
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

    private static (string D, Point Tip, Point Direction) LoopPath(IReadOnlyList<Point> points, bool down, double arrow)
    {
        var tip = points[3];
        var direction = down ? new Point(-1, 0) : new Point(0, -1);
        double shorten = Math.Min(arrow, 0.9 * (down ? points[2].X - points[3].X : points[2].Y - points[3].Y));
        var end = new Point(tip.X - (direction.X * shorten), tip.Y - (direction.Y * shorten));
        string d = $"M{P(points[0])}C{P(points[1])} {P(points[2])} {P(end)}";
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
            sb.Append($"<g class=\"node{(terminal ? " terminal" : string.Empty)}\"><title>{XmlText.Escape(NodeTitle(drawing, node))}</title>");
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

    private static string NodeTitle(MapDrawing drawing, MapNode node)
    {
        if (node.Kind != MapNodeKind.Activity)
        {
            return $"{node.Name}: {MapDrawing.Counted(node.Cases, "case")}";
        }

        var text = new StringBuilder();
        text.Append(node.Name).Append(": ").Append(DurationText.Count(node.Cases)).Append(" cases, ").Append(DurationText.Count(node.Events)).Append(" events");
        if (node.ServiceTime.Count > 0)
        {
            text.Append("; service time median ").Append(DurationText.Format(node.ServiceTime.Median)).Append(", mean ").Append(DurationText.Format(node.ServiceTime.Mean));
        }

        if (node.Lane >= 0 && node.LaneValue is not null)
        {
            text.Append("; ").Append((node.LaneShare * 100).ToString("0", CultureInfo.InvariantCulture)).Append("% of events by ").Append(node.LaneValue);
        }

        return text.ToString();
    }

    private static string N(double value)
    {
        double rounded = Math.Round(value, 2);
        return (rounded == 0 ? 0 : rounded).ToString("0.##", CultureInfo.InvariantCulture);
    }

    private static string P(Point p) => N(p.X) + "," + N(p.Y);
}
