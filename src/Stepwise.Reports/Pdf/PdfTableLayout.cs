using static Stepwise.Reports.Pdf.PdfStyle;

namespace Stepwise.Reports.Pdf;

/// <summary>
/// How a table is set on the page, from the measured width of its text: the type size, the page's orientation, and
/// the columns' widths. Numbers and dates never wrap; headers and text wrap only between words, so every column is at
/// least as wide as its widest number or date and its longest word (a very long token, such as a SHA-256, may break
/// in a body cell, never in a header). A table that does not fit a portrait page at the normal size is set a little
/// smaller, then on a landscape page down to <see cref="SmallestSize"/>; one that still does not fit is split into
/// groups of columns, each repeating the first (key) column, printed one after the other. A short table (a few rows)
/// stays on the portrait page, in the flow of its section, where it can be read there: whole at 7 pt, else in at most
/// two groups of columns at 7.5 pt, one under the other. Turning the page for three rows would leave most of a
/// landscape page empty and make the reader turn the document twice; two parts of a short table, each with its key
/// column, are read side by side on one page.
/// </summary>
internal sealed class PdfTableLayout
{
    /// <summary>The normal type size of a table.</summary>
    public const float LargestSize = 8.5f;

    /// <summary>The smallest type size a table is set in.</summary>
    public const float SmallestSize = 6.5f;

    /// <summary>The padding inside a cell, each side.</summary>
    public const float Pad = 3f;

    /// <summary>Body words wider than this (at <see cref="LargestSize"/>) may break inside; shorter words never do.</summary>
    public const float LongestUnbrokenWord = 150f;

    /// <summary>The size columns in column groups are set at (landscape).</summary>
    private const float GroupSize = 7.5f;

    /// <summary>A table of at most this many rows is short: kept on the portrait page where it can be read there.</summary>
    public const int ShortRows = 6;

    /// <summary>The most groups of columns a short table is split into on a portrait page.</summary>
    private const int ShortGroups = 2;

    /// <summary>The smallest type a short table is set in whole on a portrait page.</summary>
    private const float ShortSize = 7f;

    /// <summary>Room left for rounding between the measured width and the one the lines are broken at.</summary>
    private const float Slack = 0.75f;

    private PdfTableLayout(float size, bool landscape, IReadOnlyList<int[]> groups, IReadOnlyList<float[]> widths)
    {
        Size = size;
        Landscape = landscape;
        Groups = groups;
        Widths = widths;
    }

    /// <summary>The type size of the table's text.</summary>
    public float Size { get; }

    /// <summary>Whether the table is set on landscape pages.</summary>
    public bool Landscape { get; }

    /// <summary>The columns of each group, in order (one group holding every column when the table fits).</summary>
    public IReadOnlyList<int[]> Groups { get; }

    /// <summary>The width of each column of each group, in points.</summary>
    public IReadOnlyList<float[]> Widths { get; }

    /// <summary>The width of the content area of a portrait or a landscape page.</summary>
    public static float ContentWidthOf(bool landscape) => landscape ? PageHeight - (2 * Margin) : ContentWidth;

    /// <summary>The layout of <paramref name="table"/>; <paramref name="allowLandscape"/> false keeps it on portrait pages
    /// (split into column groups if it must be).</summary>
    public static PdfTableLayout Of(ReportTable table, bool allowLandscape = true)
    {
        var measured = Measure(table);
        var all = Enumerable.Range(0, table.Columns.Count).ToArray();
        var tries = new List<(bool Landscape, float Size)> { (false, 8.5f), (false, 8f), (false, 7.5f) };
        if (allowLandscape && table.Rows.Count <= ShortRows)
        {
            // A short table stays on the portrait page: whole down to 7 pt, else in at most two groups of columns.
            foreach (var (landscape, size) in tries.Append((false, ShortSize)))
            {
                if (Minimum(measured, all, size) <= ContentWidth)
                {
                    return new PdfTableLayout(size, landscape, [all], [Spread(measured, all, size, ContentWidth)]);
                }
            }

            var portrait = Grouped(measured, all.Length, wide: false);
            if (portrait.Groups.Count <= ShortGroups)
            {
                return portrait;
            }
        }

        if (allowLandscape)
        {
            tries.AddRange([(true, 8.5f), (true, 8f), (true, 7.5f), (true, 7f), (true, 6.5f)]);
        }
        else
        {
            tries.AddRange([(false, 7f), (false, 6.5f)]);
        }

        foreach (var (landscape, size) in tries)
        {
            float room = ContentWidthOf(landscape);
            if (Minimum(measured, all, size) <= room)
            {
                return new PdfTableLayout(size, landscape, [all], [Spread(measured, all, size, room)]);
            }
        }

        return Grouped(measured, all.Length, allowLandscape);
    }

    /// <summary>Column groups: the key column, then as many of the others as fit beside it, at <see cref="GroupSize"/>.</summary>
    private static PdfTableLayout Grouped((float Minimum, float Body, float Natural)[] measured, int count, bool wide)
    {
        float width = ContentWidthOf(wide);
        var groups = new List<int[]>();
        var current = new List<int> { 0 };
        float used = Padded(measured[0].Minimum, GroupSize);
        for (int c = 1; c < count; c++)
        {
            float need = Padded(measured[c].Minimum, GroupSize);
            if (current.Count > 1 && used + need > width)
            {
                groups.Add([.. current]);
                current = [0];
                used = Padded(measured[0].Minimum, GroupSize);
            }

            current.Add(c);
            used += need;
        }

        groups.Add([.. current]);
        return new PdfTableLayout(GroupSize, wide, groups, [.. groups.Select(g => Spread(measured, g, GroupSize, width))]);
    }

    /// <summary>Each column's minimum and natural width per point of type size (text widths grow linearly with the
    /// size: the font is measured with linear metrics and no hinting).</summary>
    private static (float Minimum, float Body, float Natural)[] Measure(ReportTable table)
    {
        const float at = LargestSize;
        return [.. ColumnText.Measure(table, at, LongestUnbrokenWord).Select(c =>
        {
            float minimum = c.Minimum(40);
            return (minimum / at, Math.Max(c.Widest, minimum) / at, Math.Max(c.Natural, minimum) / at);
        })];
    }

    private static float Padded(float perPoint, float size) => (perPoint * size) + (2 * Pad) + Slack;

    private static float Minimum((float Minimum, float Body, float Natural)[] measured, int[] columns, float size)
        => columns.Sum(c => Padded(measured[c].Minimum, size));

    /// <summary>The widths that fill <paramref name="room"/>: the natural widths spread when they fit; else each column
    /// as wide as its body on one line (headers wrap first: a header's extra line is one line of the table, a body's is one
    /// a row) and a share of the rest towards its natural width; else each column its minimum and a share of the rest in
    /// proportion to what its body would take beyond its minimum.</summary>
    private static float[] Spread((float Minimum, float Body, float Natural)[] measured, int[] columns, float size, float room)
    {
        var minimum = columns.Select(c => Padded(measured[c].Minimum, size)).ToArray();
        var body = columns.Select(c => Padded(measured[c].Body, size)).ToArray();
        var natural = columns.Select(c => Padded(measured[c].Natural, size)).ToArray();
        float total = natural.Sum();
        if (total <= room)
        {
            return [.. natural.Select(w => w * room / total)];
        }

        float bodies = body.Sum();
        if (bodies <= room)
        {
            return [.. body.Select((w, i) => w + ((natural[i] - w) * (room - bodies) / (total - bodies)))];
        }

        float least = minimum.Sum();
        if (least >= room)
        {
            return minimum;
        }

        float spare = bodies - least;
        return [.. body.Select((w, i) => minimum[i] + ((w - minimum[i]) * (room - least) / spare))];
    }
}
