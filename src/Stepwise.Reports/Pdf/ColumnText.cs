namespace Stepwise.Reports.Pdf;

/// <summary>
/// The measured text of a table's column at one type size, in the bundled font, the basis of a table's layout in the
/// PDF (<see cref="PdfTableLayout"/>) and on slides (<c>PptxTable</c>): the widest word of its header and the whole
/// header, the widest cell and the longest word of its cells. Numbers and dates are written on one line (they never
/// wrap); text and headers wrap between words, a very long word (a hash) may break inside.
/// </summary>
/// <param name="HeaderWord">The width of the header's widest word (bold).</param>
/// <param name="Header">The width of the whole header on one line (bold).</param>
/// <param name="Widest">The width of the widest cell on one line.</param>
/// <param name="LongestWord">The width of the longest word of a text cell, capped at the width a word may break beyond.</param>
/// <param name="Unbroken">Whether the column's cells are written on one line (numbers and dates).</param>
internal readonly record struct ColumnText(float HeaderWord, float Header, float Widest, float LongestWord, bool Unbroken)
{
    /// <summary>Whether a column's cells are written on one line, right-aligned (numbers and dates).</summary>
    public static bool IsUnbroken(TableColumn column) => column.IsNumeric || column.Kind == ColumnKind.Date;

    /// <summary>The least width the column takes: its header's widest word, and a number or date whole, or a text's
    /// longest word and at least <paramref name="shortText"/> (a short text is not wrapped to a sliver).</summary>
    public float Minimum(float shortText) => Math.Max(HeaderWord, Unbroken ? Widest : Math.Max(LongestWord, Math.Min(Widest, shortText)));

    /// <summary>The width the column takes with its header and every cell on one line.</summary>
    public float Natural => Math.Max(Widest, Header);

    /// <summary>Each column of <paramref name="table"/> measured at <paramref name="size"/>; words of text cells wider
    /// than <paramref name="longestUnbrokenWord"/> count as that wide (they may break inside).</summary>
    public static ColumnText[] Measure(ReportTable table, float size, float longestUnbrokenWord)
    {
        var result = new ColumnText[table.Columns.Count];
        for (int i = 0; i < table.Columns.Count; i++)
        {
            var column = table.Columns[i];
            float headerWord = 0;
            foreach (var word in column.Header.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                headerWord = Math.Max(headerWord, PdfText.Width(word, size, bold: true));
            }

            float widest = 0, longestWord = 0;
            bool unbroken = IsUnbroken(column);
            foreach (var row in table.Rows)
            {
                string text = column.Format(row[i]);
                if (text.Length == 0)
                {
                    continue;
                }

                widest = Math.Max(widest, PdfText.Width(text, size));
                if (!unbroken)
                {
                    foreach (var word in text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
                    {
                        longestWord = Math.Max(longestWord, Math.Min(PdfText.Width(word, size), longestUnbrokenWord));
                    }
                }
            }

            result[i] = new ColumnText(headerWord, PdfText.Width(column.Header, size, bold: true), widest, longestWord, unbroken);
        }

        return result;
    }
}
