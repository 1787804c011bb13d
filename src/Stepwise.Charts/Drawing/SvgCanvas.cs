using System.Text;
using static Stepwise.Charts.Drawing.NumberText;

namespace Stepwise.Charts.Drawing;

/// <summary>
/// Writes one chart's SVG: a root with a title and description for screen readers, shapes, and texts whose bounding
/// boxes are recorded for the layout tests. Every number goes through <see cref="NumberText"/> and every text through
/// <see cref="XmlText"/>, so the output is byte-identical for identical input and no label can inject markup.
/// </summary>
internal sealed class SvgCanvas
{
    /// <summary>Part of the em above the baseline a label's box covers (DejaVu Sans cap height 0.73 plus accents).</summary>
    public const double Ascent = 0.76;

    /// <summary>Part of the em below the baseline (DejaVu Sans descent 0.236).</summary>
    public const double Descent = 0.24;

    private const string FontFamily = "'DejaVu Sans', Verdana, 'Bitstream Vera Sans', sans-serif";

    private readonly StringBuilder _body = new(16 * 1024);
    private readonly List<LabelBox> _labels = [];

    public IReadOnlyList<LabelBox> Labels => _labels;

    /// <summary>A text at baseline <paramref name="y"/>.</summary>
    public LabelBox Text(double x, double y, string text, double size, TextAnchor anchor = TextAnchor.Start, bool bold = false, string fill = Palette.Text, bool vertical = false)
    {
        double width = TextMeasure.Width(text, size, bold);
        LabelBox box;
        if (vertical)
        {
            // Rotated a quarter turn anticlockwise about (x, y): the text runs upwards.
            double top = anchor switch { TextAnchor.Middle => y - (width / 2), TextAnchor.End => y, _ => y - width };
            box = new LabelBox(x - (Ascent * size), top, size * (Ascent + Descent), width, text);
        }
        else
        {
            double left = anchor switch { TextAnchor.Middle => x - (width / 2), TextAnchor.End => x - width, _ => x };
            box = new LabelBox(left, y - (Ascent * size), width, size * (Ascent + Descent), text);
        }

        _labels.Add(box);
        _body.Append("<text x=\"").Append(Coordinate(x)).Append("\" y=\"").Append(Coordinate(y))
            .Append("\" font-size=\"").Append(Coordinate(size)).Append('"');
        if (anchor != TextAnchor.Start)
        {
            _body.Append(" text-anchor=\"").Append(anchor == TextAnchor.Middle ? "middle" : "end").Append('"');
        }

        if (bold)
        {
            _body.Append(" font-weight=\"bold\"");
        }

        if (fill != Palette.Text)
        {
            _body.Append(" fill=\"").Append(fill).Append('"');
        }

        if (vertical)
        {
            _body.Append(" transform=\"rotate(-90 ").Append(Coordinate(x)).Append(' ').Append(Coordinate(y)).Append(")\"");
        }

        _body.Append('>').Append(XmlText.Escape(text)).Append("</text>\n");
        return box;
    }

    /// <summary>Lines of text, the first baseline at <paramref name="y"/>, 1.25 em apart.</summary>
    public void Lines(double x, double y, IReadOnlyList<string> lines, double size, TextAnchor anchor = TextAnchor.Start, bool bold = false, string fill = Palette.Text)
    {
        for (int i = 0; i < lines.Count; i++)
        {
            Text(x, y + (i * size * 1.25), lines[i], size, anchor, bold, fill);
        }
    }

    public void Rect(double x, double y, double width, double height, string fill, string? stroke = null, double strokeWidth = 1, double opacity = 1)
    {
        _body.Append("<rect x=\"").Append(Coordinate(x)).Append("\" y=\"").Append(Coordinate(y))
            .Append("\" width=\"").Append(Coordinate(Math.Max(0, width))).Append("\" height=\"").Append(Coordinate(Math.Max(0, height)))
            .Append("\" fill=\"").Append(fill).Append('"');
        Stroke(stroke, strokeWidth, null);
        if (opacity < 1)
        {
            _body.Append(" fill-opacity=\"").Append(Coordinate(opacity)).Append('"');
        }

        _body.Append("/>\n");
    }

    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null)
    {
        _body.Append("<line x1=\"").Append(Coordinate(x1)).Append("\" y1=\"").Append(Coordinate(y1))
            .Append("\" x2=\"").Append(Coordinate(x2)).Append("\" y2=\"").Append(Coordinate(y2)).Append('"');
        Stroke(stroke, width, dash);
        _body.Append("/>\n");
    }

    public void Polyline(IReadOnlyList<(double X, double Y)> points, string stroke, double width = 1.5, string? dash = null)
    {
        if (points.Count < 2)
        {
            return;
        }

        _body.Append("<polyline points=\"").Append(Points(points)).Append("\" fill=\"none\"");
        Stroke(stroke, width, dash);
        _body.Append(" stroke-linejoin=\"round\"/>\n");
    }

    public void Polygon(IReadOnlyList<(double X, double Y)> points, string fill, double opacity)
    {
        _body.Append("<polygon points=\"").Append(Points(points)).Append("\" fill=\"").Append(fill)
            .Append("\" fill-opacity=\"").Append(Coordinate(opacity)).Append("\"/>\n");
    }

    public void Marker(MarkerShape shape, double x, double y, double radius, string fill, string stroke = Palette.Background)
    {
        switch (shape)
        {
            case MarkerShape.Square:
                Rect(x - (radius * 0.9), y - (radius * 0.9), radius * 1.8, radius * 1.8, fill, stroke, 1);
                break;
            case MarkerShape.Diamond:
                Shape([(x, y - (radius * 1.25)), (x + (radius * 1.25), y), (x, y + (radius * 1.25)), (x - (radius * 1.25), y)], fill, stroke);
                break;
            case MarkerShape.Triangle:
                Shape([(x, y - (radius * 1.3)), (x + (radius * 1.15), y + (radius * 0.75)), (x - (radius * 1.15), y + (radius * 0.75))], fill, stroke);
                break;
            default:
                _body.Append("<circle cx=\"").Append(Coordinate(x)).Append("\" cy=\"").Append(Coordinate(y))
                    .Append("\" r=\"").Append(Coordinate(radius)).Append("\" fill=\"").Append(fill).Append('"');
                Stroke(stroke, 1, null);
                _body.Append("/>\n");
                break;
        }
    }

    public void Ring(double x, double y, double radius, string stroke, double width = 2)
    {
        _body.Append("<circle cx=\"").Append(Coordinate(x)).Append("\" cy=\"").Append(Coordinate(y))
            .Append("\" r=\"").Append(Coordinate(radius)).Append("\" fill=\"none\"");
        Stroke(stroke, width, null);
        _body.Append("/>\n");
    }

    /// <summary>Starts a group; <paramref name="title"/> becomes its tooltip and accessible name.</summary>
    public void BeginGroup(string role, string? title = null)
    {
        _body.Append("<g class=\"").Append(role).Append("\">");
        if (title is not null)
        {
            _body.Append("<title>").Append(XmlText.Escape(title)).Append("</title>");
        }

        _body.Append('\n');
    }

    public void EndGroup() => _body.Append("</g>\n");

    /// <summary>The whole document.</summary>
    public string Document(string id, double width, double height, string title, string description)
    {
        string safeId = XmlText.Escape(id);
        var sb = new StringBuilder(_body.Length + 1024);
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").Append(Coordinate(width))
            .Append("\" height=\"").Append(Coordinate(height)).Append("\" viewBox=\"0 0 ").Append(Coordinate(width)).Append(' ')
            .Append(Coordinate(height)).Append("\" role=\"img\" aria-labelledby=\"").Append(safeId).Append("-title ")
            .Append(safeId).Append("-desc\" class=\"stepwise-chart\" font-family=\"").Append(XmlText.Escape(FontFamily))
            .Append("\" fill=\"").Append(Palette.Text).Append("\">\n");
        sb.Append("<title id=\"").Append(safeId).Append("-title\">").Append(XmlText.Escape(title)).Append("</title>\n");
        sb.Append("<desc id=\"").Append(safeId).Append("-desc\">").Append(XmlText.Escape(description)).Append("</desc>\n");
        sb.Append("<rect width=\"").Append(Coordinate(width)).Append("\" height=\"").Append(Coordinate(height))
            .Append("\" fill=\"").Append(Palette.Background).Append("\"/>\n");
        sb.Append(_body);
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    private void Shape(IReadOnlyList<(double X, double Y)> points, string fill, string stroke)
    {
        _body.Append("<polygon points=\"").Append(Points(points)).Append("\" fill=\"").Append(fill).Append('"');
        Stroke(stroke, 1, null);
        _body.Append("/>\n");
    }

    private void Stroke(string? stroke, double width, string? dash)
    {
        if (stroke is null)
        {
            return;
        }

        _body.Append(" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(Coordinate(width)).Append('"');
        if (!string.IsNullOrEmpty(dash))
        {
            _body.Append(" stroke-dasharray=\"").Append(dash).Append('"');
        }
    }

    private static string Points(IReadOnlyList<(double X, double Y)> points)
    {
        var sb = new StringBuilder(points.Count * 12);
        for (int i = 0; i < points.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            sb.Append(Coordinate(points[i].X)).Append(',').Append(Coordinate(points[i].Y));
        }

        return sb.ToString();
    }
}
