using SkiaSharp;
using Stepwise.Charts;
using Stepwise.Rendering.Svg;
using static Stepwise.Reports.Pdf.PdfStyle;

namespace Stepwise.Reports.Pdf;

/// <summary>
/// Lays a document out on A4 pages: a flowing cursor, blocks kept whole where they can be (figures, key figures, table
/// rows, headings with what follows), table headers repeated on every page, a table too wide for a portrait page on
/// landscape pages (see <see cref="PdfTableLayout"/>). Drawing is recorded per page and run once the page count and
/// each section's page are known, so the contents list and the footers can name them.
/// </summary>
internal sealed class PdfComposer : IDisposable
{
    private const float LineFactor = 1.38f;
    private readonly List<PdfPage> _pages = [];
    private readonly List<SvgPicture> _pictures = [];
    private float _y;
    private bool _wide;

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

    /// <summary>The lowest point content may reach on a portrait page.</summary>
    private static float PortraitLimit => Bottom - Footer;

    /// <summary>The lowest point content may reach on the current page.</summary>
    private float Limit => Page.Height - Margin - Footer;

    /// <summary>The width of the content area of the current page.</summary>
    private float Width => Page.ContentWidth;

    public void NewPage(bool landscape = false)
    {
        _pages.Add(new PdfPage(landscape));
        _y = Margin;
    }

    /// <summary>Puts what follows on landscape pages (a wide table and its heading): the current page if it is landscape
    /// or still empty, else a new one. The next content that is not a wide table returns to portrait pages.</summary>
    public void Wide()
    {
        _wide = true;
        if (Page.Landscape)
        {
            return;
        }

        if (Page.Draw.Count == 0)
        {
            Page.Landscape = true;
            _y = Margin;
            return;
        }

        NewPage(landscape: true);
    }

    /// <summary>Ends the landscape run that <see cref="Wide"/> began.</summary>
    public void EndWide() => _wide = false;

    /// <summary>Starts a portrait page when the cursor is on a landscape page that no wide table holds any more.</summary>
    private void Upright()
    {
        if (Page.Landscape && !_wide)
        {
            NewPage();
        }
    }

    /// <summary>Starts a new page unless <paramref name="height"/> fits below the cursor.</summary>
    public void Keep(float height)
    {
        Upright();
        if (_y + height > Limit && _y > Margin + 0.5f)
        {
            NewPage(Page.Landscape);
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
        Upright();
        float lineHeight = size * LineFactor;
        foreach (var line in PdfText.Wrap(text, size, width ?? (Width - indent), bold))
        {
            Keep(lineHeight);
            Draw(line, Margin + indent, _y + (size * 0.95f), size, bold, color ?? PdfStyle.Text);
            _y += lineHeight;
        }
    }

    /// <summary>A heading kept on the page with <paramref name="keepWithNext"/> points of what follows it.</summary>
    public void Heading(string text, float size, string? destination, float keepWithNext = 60)
    {
        Upright();
        var lines = PdfText.Wrap(text, size, Width, bold: true);
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

        float rule = _y + 2, right = Margin + Width;
        Page.Draw.Add(c => Line(c, Margin, rule, right, rule, Accent, 1.2f));
        _y += size * 0.5f;
    }

    public void Bullets(IReadOnlyList<string> items)
    {
        Upright();
        foreach (var item in items)
        {
            var lines = PdfText.Wrap(item, Body, ContentWidth - 14);
            // An item of a few lines is kept whole; a longer one may run onto the next page.
            Keep(Body * LineFactor * (lines.Count <= 4 ? lines.Count : 2));
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
        Upright();
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
        Upright();
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
        return (float)Math.Min(figure.Height * ContentWidth / figure.Width, PortraitLimit - Margin - 40) + 30;
    }

    /// <summary>The height a picture (SVG) takes on the page, with its caption's first line.</summary>
    public static float PictureHeight(string svg)
    {
        using var picture = SvgPicture.Parse(svg);
        return (float)Math.Min(picture.Height * ContentWidth / picture.Width, PortraitLimit - Margin - 40) + 16;
    }

    public void Chart(Chart chart, int number)
    {
        var figure = chart.Render(Size, $"fig{number}");
        Picture(figure.Svg, $"Figure {number}. {figure.Description}");
    }

    /// <summary>A picture (SVG) the content width wide (less where a page is too short for it), its caption under it;
    /// with <paramref name="shrinkToRoom"/> drawn smaller to stay under its heading where most of a page is left.</summary>
    public void Picture(string svg, string captionText, bool shrinkToRoom = false)
    {
        Upright();
        var picture = SvgPicture.Parse(svg);
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

        float room = Limit - _y - 40;
        if (shrinkToRoom && height > room && room >= (Limit - Margin) * 0.6f)
        {
            width *= room / height;
            height = room;
        }

        var caption = PdfText.Wrap(captionText, 7.5f, ContentWidth);
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

    /// <summary>A table under its caption, laid out by <see cref="PdfTableLayout"/>: on landscape pages when it is too
    /// wide for a portrait one, in groups of columns (each repeating the first) when it is too wide for that; its
    /// header row repeated on every page it runs onto.</summary>
    public void Table(ReportTable table, string caption, PdfTableLayout? layout = null)
    {
        layout ??= PdfTableLayout.Of(table);
        if (layout.Landscape)
        {
            Wide();
        }

        int groups = layout.Groups.Count;
        for (int g = 0; g < groups; g++)
        {
            var columns = layout.Groups[g];
            string title = groups == 1 ? caption
                : $"{caption} (part {g + 1} of {groups}: {table.Columns[columns[0]].Header}" + (columns.Length > 1 ? $", {table.Columns[columns[1]].Header} to {table.Columns[columns[^1]].Header})" : ")");
            TableGroup(table, columns, layout.Widths[g], layout.Size, title);
        }

        EndWide();
    }

    private void TableGroup(ReportTable table, int[] columns, float[] widths, float size, string caption)
    {
        const float pad = PdfTableLayout.Pad;
        float lineHeight = size * 1.3f;
        var headerLines = columns.Select((c, i) => PdfText.Wrap(table.Columns[c].Header, size, widths[i] - (2 * pad), bold: true)).ToList();
        float headerHeight = (headerLines.Max(l => l.Count) * lineHeight) + (2 * pad);
        var captionLines = PdfText.Wrap(caption, 9, Width, bold: true);
        Keep(Opening(table, columns, widths, size, captionLines.Count, headerHeight));
        foreach (var line in captionLines)
        {
            Draw(line, Margin, _y + 9, 9, true, PdfStyle.Text);
            _y += 12;
        }

        DrawHeader(table, columns, widths, headerLines, headerHeight, size, pad, lineHeight);
        foreach (var row in table.Rows)
        {
            var cells = Cells(table, columns, widths, size, row);
            float height = (cells.Max(l => l.Count) * lineHeight) + (2 * pad);
            if (_y + height > Limit)
            {
                NewPage(Page.Landscape);
                DrawHeader(table, columns, widths, headerLines, headerHeight, size, pad, lineHeight);
            }

            float x = Margin;
            float top = _y;
            for (int i = 0; i < cells.Count; i++)
            {
                bool right = ColumnText.IsUnbroken(table.Columns[columns[i]]);
                float y = top + pad;
                foreach (var line in cells[i])
                {
                    Draw(line, right ? x + widths[i] - pad : x + pad, y + size, size, false, PdfStyle.Text, right ? SKTextAlign.Right : SKTextAlign.Left);
                    y += lineHeight;
                }

                x += widths[i];
            }

            float bottom = top + height, total = widths.Sum();
            Page.Draw.Add(c => Line(c, Margin, bottom, Margin + total, bottom, PdfStyle.Rule, 0.6f));
            _y = bottom;
        }

        Space(10);
    }

    /// <summary>The height a table needs at the top of the page it starts on: its caption, its header row and its first
    /// rows (a short table whole), so that neither a caption nor a header row is left alone at the foot of a page.</summary>
    public static float Opening(ReportTable table, string caption, PdfTableLayout layout)
    {
        var columns = layout.Groups[0];
        var widths = layout.Widths[0];
        float lineHeight = layout.Size * 1.3f;
        float header = (columns.Select((c, i) => PdfText.Wrap(table.Columns[c].Header, layout.Size, widths[i] - (2 * PdfTableLayout.Pad), bold: true).Count).Max() * lineHeight) + (2 * PdfTableLayout.Pad);
        int captionLines = PdfText.Wrap(caption, 9, PdfTableLayout.ContentWidthOf(layout.Landscape), bold: true).Count;
        return Opening(table, columns, widths, layout.Size, captionLines, header);
    }

    private static float Opening(ReportTable table, int[] columns, float[] widths, float size, int captionLines, float headerHeight)
    {
        const int shortTable = 6, firstRows = 3;
        float lineHeight = size * 1.3f;
        int rows = table.Rows.Count <= shortTable ? table.Rows.Count : firstRows;
        float body = 0;
        for (int r = 0; r < rows; r++)
        {
            body += (Cells(table, columns, widths, size, table.Rows[r]).Max(l => l.Count) * lineHeight) + (2 * PdfTableLayout.Pad);
        }

        return (captionLines * 12) + headerHeight + body;
    }

    /// <summary>The lines of each cell of a row: numbers and dates on one line, text wrapped to its column.</summary>
    private static List<List<string>> Cells(ReportTable table, int[] columns, float[] widths, float size, IReadOnlyList<TableCell> row)
        => columns.Select((c, i) => ColumnText.IsUnbroken(table.Columns[c])
            ? [table.Columns[c].Format(row[c])]
            : PdfText.Wrap(table.Columns[c].Format(row[c]), size, widths[i] - (2 * PdfTableLayout.Pad))).ToList();

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

    private void DrawHeader(ReportTable table, int[] columns, float[] widths, List<List<string>> headerLines, float headerHeight, float size, float pad, float lineHeight)
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
            bool right = ColumnText.IsUnbroken(table.Columns[columns[i]]);
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
}
