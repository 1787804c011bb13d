using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using SkiaSharp;
using Stepwise.Rendering.Fonts;
using UglyToad.PdfPig;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Stepwise.Reports.Tests;

/// <summary>
/// Checks of how a report is laid out, read back from the file: in a PDF no two words drawn over each other, no word
/// outside its page, and the words of table headers and cells whole (not broken across lines); in a deck every table
/// a real slide table whose frame, with rows as high as their text needs, lies within the slide.
/// </summary>
internal static class LayoutChecks
{
    /// <summary>Words longer than this may break in a body cell (hashes); shorter ones must appear whole.</summary>
    public const int LongestCheckedWord = 24;


    /// <summary>Every page: words within the page and not drawn over each other (their boxes overlap by more than a
    /// tenth of the smaller).</summary>
    public static void AssertNoOverlapAndWithinPages(byte[] pdf, string what)
    {
        using var document = PdfDocument.Open(pdf);
        for (int p = 1; p <= document.NumberOfPages; p++)
        {
            var page = document.GetPage(p);
            var words = page.GetWords().Where(w => w.Text.Trim().Length > 0).ToList();
            foreach (var word in words)
            {
                var b = word.BoundingBox;
                Assert.True(b.Left >= -0.5 && b.Bottom >= -0.5 && b.Right <= page.Width + 0.5 && b.Top <= page.Height + 0.5,
                    $"{what}, page {p}: '{word.Text}' lies outside the page ({b.Left:0.0},{b.Bottom:0.0})-({b.Right:0.0},{b.Top:0.0}) of {page.Width:0}x{page.Height:0}");
            }

            for (int i = 0; i < words.Count; i++)
            {
                var a = words[i].BoundingBox;
                for (int j = i + 1; j < words.Count; j++)
                {
                    var b = words[j].BoundingBox;
                    double w = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
                    double h = Math.Min(a.Top, b.Top) - Math.Max(a.Bottom, b.Bottom);
                    if (w <= 0 || h <= 0)
                    {
                        continue;
                    }

                    double smaller = Math.Min(a.Width * a.Height, b.Width * b.Height);
                    Assert.True(w * h <= 0.1 * smaller, $"{what}, page {p}: '{words[i].Text}' and '{words[j].Text}' overlap");
                }
            }
        }
    }

    /// <summary>The words of the PDF, page by page.</summary>
    public static List<string> Words(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. Enumerable.Range(1, document.NumberOfPages).SelectMany(p => document.GetPage(p).GetWords().Select(w => w.Text))];
    }

    /// <summary>Every word of every header of the document's tables, and every word of their text and number cells up to
    /// <see cref="LongestCheckedWord"/> characters, is found whole within one word of the PDF (a word broken across
    /// lines is found as two pieces, neither holding it).</summary>
    public static void AssertTableWordsWhole(byte[] pdf, IEnumerable<ReportTable> tables, string what)
    {
        var words = new HashSet<string>(Words(pdf), StringComparer.Ordinal);
        bool Found(string word) => words.Contains(word) || words.Any(w => w.Contains(word, StringComparison.Ordinal));
        foreach (var table in tables)
        {
            foreach (var column in table.Columns)
            {
                foreach (var word in column.Header.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    Assert.True(Found(word), $"{what}: header word '{word}' of '{column.Header}' in '{table.Caption}' is not whole in the PDF");
                }
            }

            for (int c = 0; c < table.Columns.Count; c++)
            {
                if (table.Columns[c].Kind == ColumnKind.Comment)
                {
                    continue; // redacted in the output
                }

                foreach (var row in table.Rows)
                {
                    foreach (var word in table.Columns[c].Format(row[c]).Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length <= LongestCheckedWord))
                    {
                        Assert.True(Found(word), $"{what}: cell word '{word}' of column '{table.Columns[c].Header}' in '{table.Caption}' is not whole in the PDF");
                    }
                }
            }
        }
    }

    /// <summary>A slide table as read back: where its frame is, its column widths and its rows' cell texts.</summary>
    public sealed record SlideTable(int Slide, string Title, long X, long Y, long[] Columns, List<List<string>> Rows, int FontSize);

    /// <summary>The slides' titles, texts and tables.</summary>
    public static (List<string> Titles, List<string> Texts, List<SlideTable> Tables, long Width, long Height) Slides(byte[] pptx)
    {
        using var package = PresentationDocument.Open(new MemoryStream(pptx), false);
        var presentation = package.PresentationPart!;
        var size = presentation.Presentation.SlideSize!;
        var titles = new List<string>();
        var texts = new List<string>();
        var tables = new List<SlideTable>();
        int n = 0;
        foreach (var id in presentation.Presentation.SlideIdList!.Elements<P.SlideId>())
        {
            var slide = ((SlidePart)presentation.GetPartById(id.RelationshipId!.Value!)).Slide;
            // A picture made for a whole slide carries its own title: such a slide has no headline shape.
            string title = string.Join(" ", slide.Descendants<P.Shape>().FirstOrDefault()?.Descendants<A.Text>().Select(t => t.Text) ?? []);
            titles.Add(title);
            texts.Add(string.Join(" ", slide.Descendants<A.Text>().Select(t => t.Text)));
            foreach (var frame in slide.Descendants<P.GraphicFrame>())
            {
                var table = frame.Descendants<A.Table>().Single();
                var offset = frame.Transform!.Offset!;
                var rows = table.Elements<A.TableRow>().Select(r => r.Elements<A.TableCell>().Select(c => string.Join(" ", c.Descendants<A.Text>().Select(t => t.Text))).ToList()).ToList();
                int font = table.Descendants<A.RunProperties>().Select(r => r.FontSize?.Value ?? 1800).DefaultIfEmpty(1800).Max() / 100;
                tables.Add(new SlideTable(n, title, offset.X!.Value, offset.Y!.Value, [.. table.TableGrid!.Elements<A.GridColumn>().Select(g => g.Width!.Value)], rows, font));
            }

            n++;
        }

        return (titles, texts, tables, size.Cx!.Value, size.Cy!.Value);
    }

    /// <summary>The height a row needs, estimated independently of the writer: each cell's words set in lines of its
    /// column's width as measured in the bundled font (whose widths are close to the slides' Verdana), lines 1.2 times
    /// the type size, and the cell's top and bottom margins; the header row (the first) in bold.</summary>
    public static long EstimatedRowHeight(IReadOnlyList<string> cells, long[] columns, int size, bool bold)
    {
        const double emuPerPoint = 12700, marginX = 68580 * 2, marginY = 45720 * 2;
        using var font = new SKFont(bold ? BundledFonts.Bold : BundledFonts.Regular, size) { LinearMetrics = true, Hinting = SKFontHinting.None };
        double space = font.MeasureText(" ");
        int most = 1;
        for (int i = 0; i < cells.Count; i++)
        {
            double room = (columns[i] - marginX) / emuPerPoint;
            int lines = 1;
            double used = 0;
            foreach (var word in cells[i].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                double w = font.MeasureText(word);
                if (used > 0 && used + space + w > room)
                {
                    lines++;
                    used = 0;
                }

                if (used > 0)
                {
                    used += space + w;
                    continue;
                }

                int extra = Math.Max(0, (int)Math.Ceiling(w / room) - 1);
                lines += extra;
                used = w - (extra * room);
            }

            most = Math.Max(most, lines);
        }

        return (long)((most * size * 1.2 * emuPerPoint) + marginY);
    }

    /// <summary>Every slide table's frame lies within the slide, its rows as high as their text needs.</summary>
    public static void AssertTablesWithinSlides(byte[] pptx, string what)
    {
        var (_, _, tables, width, height) = Slides(pptx);
        foreach (var t in tables)
        {
            long right = t.X + t.Columns.Sum();
            Assert.True(t.X >= 0 && right <= width, $"{what}, slide {t.Slide + 1} '{t.Title}': the table runs to {right} EMU of {width}");
            long bottom = t.Y + t.Rows.Select((r, i) => EstimatedRowHeight(r, t.Columns, t.FontSize, bold: i == 0)).Sum();
            Assert.True(t.Y >= 0 && bottom <= height, $"{what}, slide {t.Slide + 1} '{t.Title}': the table's {t.Rows.Count} rows need {bottom} EMU of {height}");
        }
    }

    /// <summary>Every table on slides, as slide tables under its caption, every header in one of them: in each group of
    /// columns its top rows in the table's own order on at most <paramref name="mostSlides"/> slides, the same rows in
    /// every group; a table with rows left out says on its slides how many more rows the workbook has, and which sheet.</summary>
    public static void AssertEveryTableOnSlides(byte[] pptx, IEnumerable<ReportTable> tables, string what, int mostSlides = 2)
    {
        var (_, texts, slideTables, _, _) = Slides(pptx);
        foreach (var table in tables)
        {
            var headers = table.Columns.Select(c => c.Header).ToList();
            var mine = slideTables.Where(t => texts[t.Slide].Contains(table.Caption, StringComparison.Ordinal)
                && t.Rows.Count > 0 && t.Rows[0].Count > 0 && t.Rows[0][0] == headers[0] && t.Rows[0].All(headers.Contains)).ToList();
            Assert.True(mine.Count > 0, $"{what}: table '{table.Caption}' is on no slide");
            var shownHeaders = new HashSet<string>(mine.SelectMany(t => t.Rows[0]), StringComparer.Ordinal);
            Assert.All(headers, h => Assert.Contains(h, shownHeaders));
            var groups = mine.GroupBy(t => string.Join("|", t.Rows[0])).ToList();
            int shown = groups[0].Sum(t => t.Rows.Count - 1);
            Assert.True(shown >= Math.Min(1, table.Rows.Count), $"{what}: '{table.Caption}' shows no row");
            foreach (var group in groups)
            {
                Assert.True(group.Count() <= mostSlides, $"{what}: '{table.Caption}' takes {group.Count()} slides");
                Assert.Equal(shown, group.Sum(t => t.Rows.Count - 1));
                if (table.Columns[0].Kind != ColumnKind.Comment)
                {
                    // The top rows, in order.
                    var firsts = group.OrderBy(t => t.Slide).SelectMany(t => t.Rows.Skip(1).Select(r => r[0])).ToList();
                    Assert.Equal(table.Rows.Take(shown).Select(r => table.Columns[0].Format(r[0])), firsts);
                }
            }

            if (shown < table.Rows.Count)
            {
                string more = $"{(table.Rows.Count - shown).ToString("N0", CultureInfo.InvariantCulture)} more rows in the workbook";
                Assert.All(mine, t => Assert.True(texts[t.Slide].Contains(more, StringComparison.Ordinal), $"{what}: slide {t.Slide} of '{table.Caption}' does not say '{more}'"));
            }
        }
    }
}
