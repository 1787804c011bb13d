using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Stepwise.Maps.Layout;

namespace Stepwise.Maps.Tests;

/// <summary>
/// The geometry of a map as drawn in its SVG, read back from the document (not from the layout): each path's line as
/// a polyline sampled along its curves, its stroke width, its arrowhead triangle, and its label's anchor (the middle of
/// the label's side facing its line, from the text's position and size). Coordinates are those of the map group.
/// </summary>
internal sealed partial class DrawnMap
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public required List<DrawnEdge> Edges { get; init; }

    public required List<(int Node, Rect Box)> Nodes { get; init; }

    public static DrawnMap Parse(string svg)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(svg), settings);
        var doc = XDocument.Load(reader);
        var edges = new List<DrawnEdge>();
        foreach (var g in doc.Descendants(Svg + "g").Where(g => ((string?)g.Attribute("class"))?.Split(' ').Contains("edge") == true))
        {
            int id = int.Parse((string)g.Attribute("data-edge")!, CultureInfo.InvariantCulture);
            var line = g.Elements(Svg + "path").Single(p => (string?)p.Attribute("class") == "line");
            var arrow = g.Elements(Svg + "path").Single(p => (string?)p.Attribute("class") == "arrow");
            double width = Num((string)line.Attribute("stroke-width")!);
            edges.Add(new DrawnEdge(id, Sample((string)line.Attribute("d")!), width, Sample((string)arrow.Attribute("d")!).Take(3).ToArray(), null, ((string?)g.Attribute("class"))!.Contains("loop", StringComparison.Ordinal)));
        }

        // Labels: left end of the text at the baseline; the anchor is at mid-height of the text's box.
        double fontSize = Num(FontSizeRegex().Match(doc.Descendants(Svg + "style").Single().Value).Groups[1].Value);
        foreach (var text in doc.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "edge-label"))
        {
            int id = int.Parse((string)text.Attribute("data-edge")!, CultureInfo.InvariantCulture);
            double x = Num((string)text.Attribute("x")!) - 1, y = Num((string)text.Attribute("y")!) - (fontSize * 0.36);
            int k = edges.FindIndex(e => e.Id == id);
            edges[k] = edges[k] with { Label = (new Point(x, y), text.Value) };
        }

        var nodes = new List<(int, Rect)>();
        foreach (var g in doc.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") is "node" or "node terminal"))
        {
            var rect = g.Element(Svg + "rect")!;
            nodes.Add((int.Parse((string)g.Attribute("data-node")!, CultureInfo.InvariantCulture), new Rect(Num((string)rect.Attribute("x")!), Num((string)rect.Attribute("y")!), Num((string)rect.Attribute("width")!), Num((string)rect.Attribute("height")!))));
        }

        return new DrawnMap { Edges = edges, Nodes = nodes };
    }

    /// <summary>Distance from <paramref name="p"/> to a polyline.</summary>
    public static double Distance(Point p, IReadOnlyList<Point> line)
    {
        double best = double.PositiveInfinity;
        for (int i = 0; i + 1 < line.Count; i++)
        {
            best = Math.Min(best, SegmentDistance(p, line[i], line[i + 1]));
        }

        return line.Count == 1 ? Math.Sqrt(((p.X - line[0].X) * (p.X - line[0].X)) + ((p.Y - line[0].Y) * (p.Y - line[0].Y))) : best;
    }

    public static double SegmentDistance(Point p, Point a, Point b)
    {
        double dx = b.X - a.X, dy = b.Y - a.Y;
        double length = (dx * dx) + (dy * dy);
        double t = length == 0 ? 0 : Math.Clamp((((p.X - a.X) * dx) + ((p.Y - a.Y) * dy)) / length, 0, 1);
        double x = a.X + (t * dx) - p.X, y = a.Y + (t * dy) - p.Y;
        return Math.Sqrt((x * x) + (y * y));
    }

    /// <summary>Whether two triangles share interior area (separating-axis test; touching does not count).</summary>
    public static bool TrianglesOverlap(Point[] a, Point[] b)
    {
        foreach (var poly in new[] { a, b })
        {
            for (int i = 0; i < 3; i++)
            {
                var p = poly[i];
                var q = poly[(i + 1) % 3];
                var axis = new Point(-(q.Y - p.Y), q.X - p.X);
                var (minA, maxA) = Project(a, axis);
                var (minB, maxB) = Project(b, axis);
                if (maxA <= minB + 1e-6 || maxB <= minA + 1e-6)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static (double Min, double Max) Project(Point[] poly, Point axis)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var p in poly)
        {
            double d = (p.X * axis.X) + (p.Y * axis.Y);
            min = Math.Min(min, d);
            max = Math.Max(max, d);
        }

        return (min, max);
    }

    /// <summary>The points of an SVG path of M, L, C and Q commands with absolute coordinates, curves sampled.</summary>
    private static List<Point> Sample(string d)
    {
        var points = new List<Point>();
        foreach (Match command in CommandRegex().Matches(d))
        {
            char op = command.Groups[1].Value[0];
            var numbers = NumberRegex().Matches(command.Groups[2].Value).Select(m => Num(m.Value)).ToList();
            var pts = new List<Point>();
            for (int i = 0; i + 1 < numbers.Count; i += 2)
            {
                pts.Add(new Point(numbers[i], numbers[i + 1]));
            }

            switch (op)
            {
                case 'M' or 'L':
                    points.AddRange(pts);
                    break;
                case 'C':
                    {
                        var p0 = points[^1];
                        for (int k = 1; k <= 24; k++)
                        {
                            double t = k / 24.0, u = 1 - t;
                            points.Add(new Point(
                                (u * u * u * p0.X) + (3 * u * u * t * pts[0].X) + (3 * u * t * t * pts[1].X) + (t * t * t * pts[2].X),
                                (u * u * u * p0.Y) + (3 * u * u * t * pts[0].Y) + (3 * u * t * t * pts[1].Y) + (t * t * t * pts[2].Y)));
                        }

                        break;
                    }

                case 'Q':
                    {
                        var p0 = points[^1];
                        for (int k = 1; k <= 12; k++)
                        {
                            double t = k / 12.0, u = 1 - t;
                            points.Add(new Point((u * u * p0.X) + (2 * u * t * pts[0].X) + (t * t * pts[1].X), (u * u * p0.Y) + (2 * u * t * pts[0].Y) + (t * t * pts[1].Y)));
                        }

                        break;
                    }

                case 'Z':
                    break;
                default:
                    throw new InvalidOperationException($"unexpected path command {op}");
            }
        }

        return points;
    }

    private static double Num(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"([MLCQZ])([^MLCQZ]*)")]
    private static partial Regex CommandRegex();

    [GeneratedRegex(@"-?[0-9]+(\.[0-9]+)?")]
    private static partial Regex NumberRegex();

    [GeneratedRegex(@"\.edge-label \{ font-size: ([0-9.]+)px")]
    private static partial Regex FontSizeRegex();
}

/// <summary>One drawn path: its line, stroke width, arrowhead and label (anchor and text).</summary>
internal sealed record DrawnEdge(int Id, List<Point> Line, double Width, Point[] Arrow, (Point Anchor, string Text)? Label, bool Loop);
