using SkiaSharp;
using Stepwise.Charts;
using Stepwise.Rendering.Svg;
using static Stepwise.Reports.Pdf.PdfStyle;

namespace Stepwise.Reports.Pdf;

/// <summary>
/// Lays a document out on A4 pages: a flowing cursor, blocks kept whole where they can be (figures, key figures, table
/// rows, headings with what follows), table headers repeated on every page. Drawing is recorded per page and run once
/// the page count and each section's page are known, so the contents list and the footers can name them.
/// </summary>
internal sealed class PdfComposer : IDisposable
{
    private const float LineFactor = 1.38f;
    private readonly List<PdfPage> _pages = [];
    private readonly List<SvgPicture> _pictures = [];
    private float _y;

    /// <summary>A composer; a brief document's charts are drawn shorter (same width and type size, so nothing in them
    /// gets smaller), so a board paper keeps to its two pages.</summary>
    public PdfComposer(bool brief = false)
    {
        Size = brief ? BriefChart : ChartSize.A4;
        NewPage();
    }

    /// <summary>The chart size of a brief document: the A4 width and type, less height (charts still grow to fit their bars).</summary>
    public static ChartSize BriefChart { get; } = new(640, 180, 11);

    /// <summary>The size charts are drawn at.</summary>
    public ChartSize Size { get; }

    /// <summary>Page number (1-based) of each named destination.</summary>
    public Dictionary<string, int> Destinations { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<PdfPage> Pages => _pages;

    private PdfPage Page => _pages[^1];

    private static float Limit => Bottom - Footer;

    public void NewPage()
    {
        _pages.Add(new PdfPage());
        _y = Margin;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> fits below the cursor.</summary>
    public void Keep(float height)
    {
        if (_y + height > Limit && _y > Margin + 0.5f)
        {
            NewPage();
        }
    }

    public void Space(float height) => _y = Math.Min(_y + height, Limit);

    /// <summary>Marks a named destination at the cursor (a contents entry links to it).</summary>
    public void Destination(string name)
    {
        Destinations[name] = _pages.Count;
        float y = _y;
        Page.Draw.Add(c => c.DrawNamedDestinationAnnotation(new SKPoint(Margin, y), name).Dispose());
    }

    /// <summary>Wrapped text in the content width (or from <paramref name="indent"/>), flowing across pages.</summary>
    public void Text(string text, float size, bool bold = false, SKColor? color = null, float indent = 0, float? width = null)
    {
        float lineHeight = size * LineFactor;
        foreach (var line in PdfText.Wrap(text, size, width ?? (ContentWidth - indent), bold))
        {
            Keep(lineHeight);
            Draw(line, Margin + indent, _y + (size * 0.95f), size, bold, color ?? PdfStyle.Text);
            _y += lineHeight;
        }
    }

    /// <summary>A heading kept on the page with <paramref name="keepWithNext"/> points of what follows it.</summary>
    public void Heading(string text, float size, string? destination, float keepWithNext = 60)
    {
        var lines = PdfText.Wrap(text, size, ContentWidth, bold: true);
        Keep((lines.Count * size * 1.3f) + Math.Min(keepWithNext, Limit - Margin - 80));
        Space(size * 0.4f);
        if (destination is not null)
        {
            Destination(destination);
        }

        foreach (var line in lines)
        {
            Draw(line, Margin, _y + size, size, true, PdfStyle.Text);
            _y += size * 1.3f;
        }

        float rule = _y + 2;
        Page.Draw.Add(c => Line(c, Margin, rule, Margin + ContentWidth, rule, Accent, 1.2f));
        _y += size * 0.5f;
    }

    public void Bullets(IReadOnlyList<string> items)
    {
        foreach (var item in items)
        {
            var lines = PdfText.Wrap(item, Body, ContentWidth - 14);
            Keep(Body * LineFactor);
            Draw("\u2022", Margin + 3, _y + (Body * 0.95f), Body, false, PdfStyle.Text);
            foreach (var line in lines)
            {
                Keep(Body * LineFactor);
                Draw(line, Margin + 14, _y + (Body * 0.95f), Body, false, PdfStyle.Text);
                _y += Body * LineFactor;
            }
        }

        Space(4);
    }

    public void Quote(string text, string? attribution)
    {
        var lines = PdfText.Wrap(text, Body, ContentWidth - 18);
        float height = (lines.Count * Body * LineFactor) + (attribution is null ? 0 : Small * LineFactor) + 4;
        Keep(Math.Min(height, 200));
        float top = _y;
        int startPage = _pages.Count;
        foreach (var line in lines)
        {
            Keep(Body * LineFactor);
            Draw(line, Margin + 14, _y + (Body * 0.95f), Body, false, PdfStyle.Text);
            _y += Body * LineFactor;
        }

        if (attribution is not null)
        {
            Draw("\u2014 " + attribution, Margin + 14, _y + (Small * 0.95f), Small, false, Muted);
            _y += Small * LineFactor;
        }

        if (_pages.Count == startPage)
        {
            float bottom = _y;
            Page.Draw.Add(c => Line(c, Margin + 4, top, Margin + 4, bottom, PdfStyle.Rule, 3));
        }

        Space(6);
    }

    public void KeyFigures(IReadOnlyList<KeyFigure> figures)
    {
        const int perRow = 3;
        const float gap = 8;
        float width = (ContentWidth - ((perRow - 1) * gap)) / perRow;
        for (int start = 0; start < figures.Count; start += perRow)
        {
            var row = figures.Skip(start).Take(perRow).ToList();
            var cards = row.Select(f => (f, Value: PdfText.Wrap(f.Text, 16, width - 14, bold: true), Label: PdfText.Wrap(f.Label, 9, width - 14),
                Extra: PdfText.Wrap(string.Join(" \u00B7 ", new[] { f.IntervalText is { } i ? "95% interval " + i : null, f.Note }.Where(s => !string.IsNullOrWhiteSpace(s))), 7.5f, width - 14))).ToList();
            float height = cards.Max(c => (c.Value.Count * 20) + (c.Label.Count * 12) + (c.Extra.Count(l => l.Length > 0) * 10)) + 14;
            Keep(height + gap);
            float top = _y;
            for (int i = 0; i < cards.Count; i++)
            {
                float x = Margin + (i * (width + gap));
                var card = cards[i];
                Page.Draw.Add(c =>
                {
                    using var border = new SKPaint { Color = PdfStyle.Rule, IsStroke = true, StrokeWidth = 0.8f, IsAntialias = true };
                    c.DrawRect(x, top, width, height, border);
                    using var accent = new SKPaint { Color = Accent, IsAntialias = true };
                    c.DrawRect(x, top, 3, height, accent);
                });
                float y = top + 7;
                foreach (var line in card.Value)
                {
                    Draw(line, x + 9, y + 16, 16, true, PdfStyle.Text);
                    y += 20;
                }

                foreach (var line in card.Label)
                {
                    Draw(line, x + 9, y + 9, 9, false, PdfStyle.Text);
                    y += 12;
                }

                foreach (var line in card.Extra.Where(l => l.Length > 0))
                {
                    Draw(line, x + 9, y + 7.5f, 7.5f, false, Muted);
                    y += 10;
                }
            }

            _y = top + height + gap;
        }

        Space(4);
    }

    /// <summary>The height a chart takes on the page.</summary>
    public static float ChartHeight(Chart chart, ChartSize size)
    {
        var figure = chart.Render(size);
        return (float)Math.Min(figure.Height * ContentWidth / figure.Width, Limit - Margin - 40) + 30;
    }

    public void Chart(Chart chart, int number)
    {
        var figure = chart.Render(Size, $"fig{number}");
        var picture = SvgPicture.Parse(figure.Svg);
        _pictures.Add(picture);
        float scale = ContentWidth / picture.Width;
        float height = picture.Height * scale;
        float maxHeight = Limit - Margin - 40;
        float width = ContentWidth;
        if (height > maxHeight)
        {
            width *= maxHeight / height;
            height = maxHeight;
        }

        var caption = PdfText.Wrap($"Figure {number}. {figure.Description}", 7.5f, ContentWidth);
        Keep(height + 6 + Math.Min(caption.Count, 3) * 10);
        float top = _y;
        float left = Margin + ((ContentWidth - width) / 2);
        Page.Draw.Add(c => picture.Draw(c, new SKRect(left, top, left + width, top + height)));
        _y += height + 4;
        foreach (var line in caption)
        {
            Keep(10);
            Draw(line, Margin, _y + 7.5f, 7.5f, false, Muted);
            _y += 10;
        }

        Space(8);
    }

    public void Table(ReportTable table, string caption)
    {
        const float size = 8.5f, pad = 3f;
        float lineHeight = size * 1.3f;
        var widths = ColumnWidths(table, size, pad);
        var headerLines = table.Columns.Select((c, i) => PdfText.Wrap(c.Header, size, widths[i] - (2 * pad), bold: true)).ToList();
        float headerHeight = (headerLines.Max(l => l.Count) * lineHeight) + (2 * pad);
        var captionLines = PdfText.Wrap(caption, 9, ContentWidth, bold: true);
        Keep((captionLines.Count * 12) + headerHeight + (lineHeight * 2) + (2 * pad));
        foreach (var line in captionLines)
        {
            Draw(line, Margin, _y + 9, 9, true, PdfStyle.Text);
            _y += 12;
        }

        DrawHeader(table, widths, headerLines, headerHeight, size, pad, lineHeight);
        foreach (var row in table.Rows)
        {
            var cells = table.Columns.Select((c, i) => c.IsNumeric || c.Kind == ColumnKind.Date
                ? [c.Format(row[i])]
                : PdfText.Wrap(c.Format(row[i]), size, widths[i] - (2 * pad))).ToList();
            float height = (cells.Max(l => l.Count) * lineHeight) + (2 * pad);
            if (_y + height > Limit)
            {
                NewPage();
                DrawHeader(table, widths, headerLines, headerHeight, size, pad, lineHeight);
            }

            float x = Margin;
            float top = _y;
            for (int i = 0; i < cells.Count; i++)
            {
                bool right = table.Columns[i].IsNumeric || table.Columns[i].Kind == ColumnKind.Date;
                float y = top + pad;
                foreach (var line in cells[i])
                {
                    Draw(line, right ? x + widths[i] - pad : x + pad, y + size, size, false, PdfStyle.Text, right ? SKTextAlign.Right : SKTextAlign.Left);
                    y += lineHeight;
                }

                x += widths[i];
            }

            float bottom = top + height;
            Page.Draw.Add(c => Line(c, Margin, bottom, Margin + widths.Sum(), bottom, PdfStyle.Rule, 0.6f));
            _y = bottom;
        }

        Space(10);
    }

    /// <summary>A line of text drawn at a baseline.</summary>
    public void Draw(string text, float x, float baseline, float size, bool bold, SKColor color, SKTextAlign align = SKTextAlign.Left)
    {
        Page.Draw.Add(c =>
        {
            using var paint = new SKPaint { Color = color, IsAntialias = true };
            c.DrawText(text, x, baseline, align, PdfText.Font(size, bold), paint);
        });
    }

    /// <summary>The page number of <paramref name="destination"/>, right-aligned at <paramref name="right"/>; written
    /// when the document is drawn, once every page is laid out.</summary>
    public void PageNumber(string destination, float right, float baseline)
    {
        var destinations = Destinations;
        Page.Draw.Add(c =>
        {
            using var paint = new SKPaint { Color = PdfStyle.Text, IsAntialias = true };
            string number = destinations.TryGetValue(destination, out int page) ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
            c.DrawText(number, right, baseline, SKTextAlign.Right, PdfText.Font(Body), paint);
        });
    }

    public void Link(SKRect area, string destination) => Page.Draw.Add(c => c.DrawLinkDestinationAnnotation(area, destination).Dispose());

    public float Cursor => _y;

    public void Dispose()
    {
        foreach (var picture in _pictures)
        {
            picture.Dispose();
        }
    }

    internal static void Line(SKCanvas canvas, float x1, float y1, float x2, float y2, SKColor color, float width)
    {
        using var paint = new SKPaint { Color = color, StrokeWidth = width, IsStroke = true, IsAntialias = true };
        canvas.DrawLine(x1, y1, x2, y2, paint);
    }

    private void DrawHeader(ReportTable table, float[] widths, List<List<string>> headerLines, float headerHeight, float size, float pad, float lineHeight)
    {
        float top = _y;
        float total = widths.Sum();
        Page.Draw.Add(c =>
        {
            using var fill = new SKPaint { Color = HeaderFill };
            c.DrawRect(Margin, top, total, headerHeight, fill);
            Line(c, Margin, top + headerHeight, Margin + total, top + headerHeight, PdfStyle.Text, 0.8f);
        });
        float x = Margin;
        for (int i = 0; i < widths.Length; i++)
        {
            bool right = table.Columns[i].IsNumeric || table.Columns[i].Kind == ColumnKind.Date;
            float y = top + pad;
            foreach (var line in headerLines[i])
            {
                Draw(line, right ? x + widths[i] - pad : x + pad, y + size, size, true, PdfStyle.Text, right ? SKTextAlign.Right : SKTextAlign.Left);
                y += lineHeight;
            }

            x += widths[i];
        }

        _y = top + headerHeight;
    }

    private static float[] ColumnWidths(ReportTable table, float size, float pad)
    {
        int n = table.Columns.Count;
        var natural = new float[n];
        var minimum = new float[n];
        for (int i = 0; i < n; i++)
        {
            var column = table.Columns[i];
            float widest = table.Rows.Select(r => PdfText.Width(column.Format(r[i]), size)).DefaultIfEmpty(0).Max();
            float header = column.Header.Split(' ').Max(w => PdfText.Width(w, size, bold: true));
            natural[i] = Math.Max(widest, PdfText.Width(column.Header, size, bold: true)) + (2 * pad);
            bool fixedWidth = column.IsNumeric || column.Kind == ColumnKind.Date;

            // A text column is never narrower than its longest word (up to a quarter of the page), so names and
            // headers wrap between words, never inside one.
            float word = table.Rows.SelectMany(r => column.Format(r[i]).Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(w => PdfText.Width(w, size)).DefaultIfEmpty(0).Max();
            float longest = Math.Max(header, Math.Min(word, ContentWidth / 4));
            minimum[i] = (fixedWidth ? Math.Max(widest, header) : Math.Min(Math.Max(longest, 40), natural[i] - (2 * pad))) + (2 * pad);
        }

        float total = natural.Sum();
        if (total <= ContentWidth)
        {
            // Spread the spare width so the table spans the page.
            return natural.Select(w => w * ContentWidth / total).ToArray();
        }

        // Columns give way in proportion to their spare width above their minimum; numbers never wrap.
        float spare = natural.Zip(minimum, (w, m) => w - m).Sum();
        float excess = total - ContentWidth;
        var widths = natural.Select((w, i) => spare <= 0 ? w : w - ((w - minimum[i]) * Math.Min(1, excess / spare))).ToArray();
        float sum = widths.Sum();
        return sum > ContentWidth ? widths.Select(w => w * ContentWidth / sum).ToArray() : widths;
    }
}
