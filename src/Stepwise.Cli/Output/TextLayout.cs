namespace Stepwise.Cli.Output;

/// <summary>
/// Fits a text table to a terminal width: text columns wrap (down to 16 characters), and when that is not enough the
/// last columns are left out, with a note saying which and how to see them.
/// </summary>
internal static class TextLayout
{
    private const int Gap = 2;
    private const int MinimumTextWidth = 16;

    private const int LongestUnbrokenToken = 40;

    /// <summary>The width each column gets (0: left out) for a table whose cells are <paramref name="cells"/>
    /// (header row first) within <paramref name="maxWidth"/> characters.</summary>
    public static int[] Fit(string[][] cells, IReadOnlyList<ResultColumn> columns, int? maxWidth)
    {
        int n = columns.Count;
        var widths = new int[n];
        foreach (var row in cells)
        {
            for (int c = 0; c < n; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        if (maxWidth is not { } limit || Total(widths) <= limit)
        {
            return widths;
        }

        // A column's floor keeps its header's words whole, and tokens such as ids (up to 40 characters) on one line,
        // so that they can be copied.
        var floors = new int[n];
        for (int c = 0; c < n; c++)
        {
            int token = cells.Skip(1).Select(row => LongestWord(row[c])).Where(w => w <= LongestUnbrokenToken).DefaultIfEmpty(0).Max();
            floors[c] = Math.Max(MinimumTextWidth, Math.Max(LongestWord(cells[0][c]), token));
        }

        // Wrap the widest text column first, a character at a time, until the table fits or none can give more.
        while (Total(widths) > limit)
        {
            int widest = -1;
            for (int c = 0; c < n; c++)
            {
                bool text = columns[c].Kind is CellKind.Text or CellKind.Json;
                int floor = floors[c];
                if (text && widths[c] > floor && (widest < 0 || widths[c] > widths[widest]))
                {
                    widest = c;
                }
            }

            if (widest < 0)
            {
                break;
            }

            widths[widest]--;
        }

        // Then leave out columns from the right, keeping the first, and give wrapped columns back what room is left.
        var natural = (int[])widths.Clone();
        for (int c = 0; c < n; c++)
        {
            natural[c] = cells.Max(row => row[c].Length);
        }

        for (int c = n - 1; c > 0 && Total(widths) > limit; c--)
        {
            widths[c] = 0;
        }

        for (int c = 0; c < n; c++)
        {
            while (widths[c] > 0 && widths[c] < natural[c] && Total(widths) < limit)
            {
                widths[c]++;
            }
        }

        return widths;
    }

    /// <summary>The lines of a cell wrapped to <paramref name="width"/> (at spaces; long words cut).</summary>
    public static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        if (width <= 0 || text.Length <= width)
        {
            lines.Add(text);
            return lines;
        }

        string current = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = current.Length == 0 ? word : current + " " + word;
            if (candidate.Length <= width)
            {
                current = candidate;
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current);
            }

            current = word;
            while (current.Length > width)
            {
                lines.Add(current[..width]);
                current = current[width..];
            }
        }

        lines.Add(current);
        return lines;
    }

    private static int Total(int[] widths)
    {
        int shown = widths.Count(w => w > 0);
        return widths.Sum() + (Gap * Math.Max(0, shown - 1));
    }

    private static int LongestWord(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Length).DefaultIfEmpty(0).Max();
}
