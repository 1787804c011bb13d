using System.Globalization;
using System.Text;
using Stepwise.Reports.Pdf;
using static Stepwise.Reports.Pptx.PptxXml;

namespace Stepwise.Reports.Pptx;

/// <summary>
/// A report table set as DrawingML tables (<c>a:tbl</c> in a graphic frame) that fit the slide: the type size and the
/// column widths from the measured width of the text (numbers and dates on one line, headers and text wrapped between
/// words), the rows split over as many slides as they need with the header row on each, and a table too wide even at
/// the smallest size split into groups of columns that each repeat the first (key) column. Row heights are estimated
/// from the type size and the number of lines each cell wraps to, so every frame lies within the slide.
/// </summary>
internal sealed class PptxTable
{
    /// <summary>The sizes tried, largest first; the last is the smallest a table is set in.</summary>
    private static readonly int[] Sizes = [14, 12, 11, 10, 9];

    /// <summary>Cell margins: left and right, top and bottom (EMU).</summary>
    public const long MarginX = 68580, MarginY = 45720;

    /// <summary>The height of a line of text per point of type size (single spacing of the font, with room).</summary>
    public const double LineFactor = 1.25;

    /// <summary>The measured width of the bundled font is widened by this for the slide font (Verdana is a little wider).</summary>
    private const double FontFactor = 1.08;

    /// <summary>Body words wider than this (points, at 12 pt) may break inside; shorter words never do.</summary>
    private const double LongestUnbrokenWord = 220;

    private const long PointEmu = 12700;

    private PptxTable(int size, IReadOnlyList<int[]> groups, IReadOnlyList<long[]> widths)
    {
        Size = size;
        Groups = groups;
        Widths = widths;
    }

    /// <summary>The type size in points.</summary>
    public int Size { get; }

    /// <summary>The columns of each group (one group of every column when the table fits the width).</summary>
    public IReadOnlyList<int[]> Groups { get; }

    /// <summary>The width of each column of each group (EMU).</summary>
    public IReadOnlyList<long[]> Widths { get; }

    /// <summary>The layout of <paramref name="table"/> in <paramref name="room"/> EMU of width.</summary>
    public static PptxTable Of(ReportTable table, long room)
    {
        var measured = Measure(table);
        var all = Enumerable.Range(0, table.Columns.Count).ToArray();
        foreach (int size in Sizes)
        {
            if (Minimum(measured, all, size) <= room)
            {
                return new PptxTable(size, [all], [Spread(measured, all, size, room)]);
            }
        }

        int smallest = Sizes[^1];
        var groups = new List<int[]>();
        var current = new List<int> { 0 };
        long used = Padded(measured[0].Minimum, smallest);
        for (int c = 1; c < all.Length; c++)
        {
            long need = Padded(measured[c].Minimum, smallest);
            if (current.Count > 1 && used + need > room)
            {
                groups.Add([.. current]);
                current = [0];
                used = Padded(measured[0].Minimum, smallest);
            }

            current.Add(c);
            used += need;
        }

        groups.Add([.. current]);
        return new PptxTable(smallest, groups, [.. groups.Select(g => Spread(measured, g, smallest, room))]);
    }

    /// <summary>The lines a cell's text takes in a column <paramref name="width"/> EMU wide, at <paramref name="size"/>.</summary>
    public static List<string> Lines(string text, int size, long width, bool bold, bool unbroken)
    {
        if (unbroken || text.Length == 0)
        {
            return [text];
        }

        // Measured at the widened size, so the estimate errs towards more lines.
        return PdfText.Wrap(text, (float)(size * FontFactor), (float)((width - (2 * MarginX)) / (double)PointEmu), bold);
    }

    /// <summary>The height of a row whose tallest cell has <paramref name="lines"/> lines (EMU).</summary>
    public static long RowHeight(int lines, int size) => (long)Math.Ceiling((Math.Max(1, lines) * size * LineFactor * PointEmu) + (2 * MarginY));

    /// <summary>The lines of each cell of a row of the group <paramref name="group"/>.</summary>
    public List<List<string>> Cells(ReportTable table, int group, IReadOnlyList<TableCell>? row)
    {
        var columns = Groups[group];
        var cells = new List<List<string>>(columns.Length);
        for (int i = 0; i < columns.Length; i++)
        {
            var column = table.Columns[columns[i]];
            string text = row is null ? column.Header : column.Format(row[columns[i]]);
            cells.Add(Lines(text, Size, Widths[group][i], bold: row is null, unbroken: row is not null && ColumnText.IsUnbroken(column)));
        }

        return cells;
    }

    /// <summary>A graphic frame holding a table of the header row and <paramref name="rows"/> of group <paramref name="group"/>.</summary>
    public string Frame(int id, ReportTable table, int group, IReadOnlyList<IReadOnlyList<TableCell>> rows, long x, long y)
    {
        var columns = Groups[group];
        var widths = Widths[group];
        var grid = new StringBuilder();
        foreach (long w in widths)
        {
            grid.Append("<a:gridCol w=\"").Append(w.ToString(CultureInfo.InvariantCulture)).Append("\"/>");
        }

        var body = new StringBuilder();
        long height = 0;
        foreach (var row in rows.Prepend(null))
        {
            var cells = Cells(table, group, row);
            long h = RowHeight(cells.Max(c => c.Count), Size);
            height += h;
            body.Append("<a:tr h=\"").Append(h.ToString(CultureInfo.InvariantCulture)).Append("\">");
            for (int i = 0; i < columns.Length; i++)
            {
                var column = table.Columns[columns[i]];
                string text = row is null ? column.Header : column.Format(row[columns[i]]);
                body.Append(Cell(text, Size, row is null, ColumnText.IsUnbroken(column)));
            }

            body.Append("</a:tr>");
        }

        long width = widths.Sum();
        return $"<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id=\"{id}\" name=\"Table {id}\" descr=\"{Escape(table.Caption)}\"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp=\"1\"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>"
            + string.Create(CultureInfo.InvariantCulture, $"<p:xfrm><a:off x=\"{x}\" y=\"{y}\"/><a:ext cx=\"{width}\" cy=\"{height}\"/></p:xfrm>")
            + "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/table\"><a:tbl><a:tblPr firstRow=\"1\"/>"
            + $"<a:tblGrid>{grid}</a:tblGrid>{body}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>";
    }

    /// <summary>The rows of each slide of group <paramref name="group"/>: as many as fit <paramref name="room"/> EMU of
    /// height under the header row (at least one).</summary>
    public List<(int Start, int Count)> Pages(ReportTable table, int group, long room)
    {
        var pages = new List<(int, int)>();
        long header = RowHeight(Cells(table, group, null).Max(c => c.Count), Size);
        int start = 0;
        long used = header;
        for (int r = 0; r < table.Rows.Count; r++)
        {
            long h = RowHeight(Cells(table, group, table.Rows[r]).Max(c => c.Count), Size);
            if (r > start && used + h > room)
            {
                pages.Add((start, r - start));
                start = r;
                used = header;
            }

            used += h;
        }

        pages.Add((start, table.Rows.Count - start));
        return pages;
    }

    private static string Cell(string text, int size, bool header, bool right)
    {
        const string rule = "<a:solidFill><a:srgbClr val=\"D9DEE3\"/></a:solidFill>";
        var sb = new StringBuilder("<a:tc><a:txBody><a:bodyPr/><a:lstStyle/><a:p>");
        if (right)
        {
            sb.Append("<a:pPr algn=\"r\"/>");
        }

        string properties = $"lang=\"en-GB\" sz=\"{size * 100}\"" + (header ? " b=\"1\"" : string.Empty);
        if (text.Length > 0)
        {
            sb.Append("<a:r><a:rPr ").Append(properties).Append(" dirty=\"0\"><a:solidFill><a:srgbClr val=\"1F2933\"/></a:solidFill><a:latin typeface=\"")
                .Append(Font).Append("\"/></a:rPr><a:t>").Append(Escape(text)).Append("</a:t></a:r>");
        }

        sb.Append("<a:endParaRPr ").Append(properties).Append("/></a:p></a:txBody>");
        sb.Append(CultureInfo.InvariantCulture, $"<a:tcPr marL=\"{MarginX}\" marR=\"{MarginX}\" marT=\"{MarginY}\" marB=\"{MarginY}\">");
        sb.Append("<a:lnL w=\"0\"><a:noFill/></a:lnL><a:lnR w=\"0\"><a:noFill/></a:lnR><a:lnT w=\"0\"><a:noFill/></a:lnT>");
        sb.Append(header ? "<a:lnB w=\"12700\"><a:solidFill><a:srgbClr val=\"1F2933\"/></a:solidFill></a:lnB><a:solidFill><a:srgbClr val=\"EEF2F6\"/></a:solidFill>"
            : $"<a:lnB w=\"6350\">{rule}</a:lnB><a:noFill/>");
        sb.Append("</a:tcPr></a:tc>");
        return sb.ToString();
    }

    /// <summary>Each column's minimum and natural width per point of type size (points at 1 pt, widened for the slide font).</summary>
    private static (double Minimum, double Natural)[] Measure(ReportTable table)
    {
        const float at = 12;
        return [.. ColumnText.Measure(table, at, (float)LongestUnbrokenWord).Select(c =>
        {
            double minimum = c.Minimum(60);
            return (minimum * FontFactor / at, Math.Max(c.Natural, minimum) * FontFactor / at);
        })];
    }

    /// <summary>A width in EMU: the measured width at <paramref name="size"/>, the cell margins and a point of room.</summary>
    private static long Padded(double perPoint, int size) => (long)Math.Ceiling(((perPoint * size) + 1) * PointEmu) + (2 * MarginX);

    private static long Minimum((double Minimum, double Natural)[] measured, int[] columns, int size)
        => columns.Sum(c => Padded(measured[c].Minimum, size));

    private static long[] Spread((double Minimum, double Natural)[] measured, int[] columns, int size, long room)
    {
        var minimum = columns.Select(c => Padded(measured[c].Minimum, size)).ToArray();
        var natural = columns.Select(c => Padded(measured[c].Natural, size)).ToArray();
        long total = natural.Sum();
        if (total <= room)
        {
            // Natural widths, the table no wider than it needs (a narrow table does not stretch across the slide).
            return natural;
        }

        long least = minimum.Sum();
        if (least >= room)
        {
            return minimum;
        }

        double spare = total - least;
        return [.. natural.Select((w, i) => minimum[i] + (long)Math.Floor((w - minimum[i]) * (room - least) / spare))];
    }
}
