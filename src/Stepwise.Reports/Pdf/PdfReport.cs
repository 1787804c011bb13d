using System.Globalization;
using SkiaSharp;
using Stepwise.Reports.Privacy;
using static Stepwise.Reports.Pdf.PdfStyle;

namespace Stepwise.Reports.Pdf;

/// <summary>
/// Writes a document as an A4 PDF through Skia's PDF backend: the same content and charts as the HTML report (charts
/// as vectors, their text selectable), a contents list with page numbers that link to the sections, "Page n of N" on
/// every page, the bundled font embedded (subset), the figures' data tables in an appendix, and the data sources (in
/// a line under the title of a board paper). Tables too wide for a portrait page go on landscape pages. The same document gives the
/// same text on the same pages.
/// </summary>
public static class PdfReport
{
    /// <summary>Figures whose data has more rows than this are named in the appendix, not printed.</summary>
    public const int MostAppendixRows = 60;

    /// <summary>The PDF of <paramref name="document"/> (personal data redacted unless it opts in).</summary>
    public static byte[] Render(ReportDocument document)
    {
        var doc = ReportRedaction.Apply(document);
        using var composer = new PdfComposer(doc.Brief);
        Cover(composer, doc);
        int figure = 0, table = 0;
        var figureTables = new List<(int Number, ReportTable Table)>();
        var sheets = doc.Brief ? Sheets(doc) : null;
        for (int s = 0; s < doc.Sections.Count; s++)
        {
            var section = doc.Sections[s];
            var layouts = section.Blocks.OfType<TableBlock>().ToDictionary<TableBlock, TableBlock, PdfTableLayout>(t => t, t => PdfTableLayout.Of(t.Table, allowLandscape: !doc.Brief), ReferenceEqualityComparer.Instance);
            if (section.Blocks.FirstOrDefault() is TableBlock first && layouts[first].Landscape && !(doc.Brief && first.Detail))
            {
                // The heading goes on the landscape page with the table it introduces.
                composer.Wide();
            }

            composer.Heading($"{s + 1}. {section.Heading}", 14, $"s{s + 1}", KeepWithHeading(section, composer.Size, layouts, doc.Brief));
            if (!string.IsNullOrWhiteSpace(section.Message))
            {
                composer.Text(section.Message, 11, bold: true);
                composer.Space(4);
            }

            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case Paragraph p:
                        composer.Text(p.Text, Body);
                        composer.Space(5);
                        break;
                    case BulletList l:
                        composer.Bullets(l.Items);
                        break;
                    case KeyFigures k:
                        composer.KeyFigures(k.Figures);
                        break;
                    case TableBlock { Detail: true } t when sheets is not null:
                        // A board paper keeps to its two pages: a detail table is named with where it is, not printed.
                        composer.Text(DetailPointer(t.Table, sheets.GetValueOrDefault(t.Table)), Small, color: Muted);
                        composer.Space(6);
                        break;
                    case TableBlock t:
                        composer.Table(t.Table, $"Table {++table}. {t.Table.Caption}", layouts[t]);
                        break;
                    case ChartBlock c:
                        composer.Chart(c.Chart, ++figure);
                        figureTables.Add((figure, ReportTable.FromChart(c.Chart.Render().Table)));
                        break;
                    case PictureBlock picture:
                        // The picture carries its own caption; the figure's line names it.
                        composer.Picture(picture.Svg, $"Figure {++figure}. {picture.Title}.", shrinkToRoom: true);
                        break;
                    case Quote q:
                        composer.Quote(q.Text, q.Attribution);
                        break;
                    case Note n:
                        composer.Text(n.Text, Small, n.IsWarning, n.IsWarning ? Warning : Muted);
                        composer.Space(4);
                        break;
                }
            }
        }

        if (figureTables.Count > 0 && !doc.Brief)
        {
            if (figureTables[0].Table.Rows.Count <= MostAppendixRows && PdfTableLayout.Of(figureTables[0].Table).Landscape)
            {
                composer.Wide();
            }

            var (firstNumber, firstData) = figureTables[0];
            composer.Heading("Data of the figures", 14, "figures", firstData.Rows.Count > MostAppendixRows ? 50 : PdfComposer.Opening(firstData, $"Figure {firstNumber}. {firstData.Caption}", PdfTableLayout.Of(firstData)) + 20);
            foreach (var (number, data) in figureTables)
            {
                // A long series (a control chart's weekly points) would fill pages of a briefing: the PDF names it, and
                // the HTML report and the workbook carry it whole.
                if (data.Rows.Count > MostAppendixRows)
                {
                    composer.Text($"Figure {number}. {data.Caption}: {data.Rows.Count.ToString("N0", CultureInfo.InvariantCulture)} rows, in the HTML report and the workbook (XLSX) of this report.", Small, color: Muted);
                    composer.Space(6);
                    continue;
                }

                composer.Table(data, $"Figure {number}. {data.Caption}");
            }
        }

        if (doc.Sources.Count > 0 && !InOneLine(doc))
        {
            composer.Heading("Data sources", 14, "sources");
            var rows = doc.Sources.Select(s => (IReadOnlyList<TableCell>)[s.Name, s.Description, s.Imported ?? "", s.Sha256 ?? ""]).ToList();
            composer.Table(new ReportTable("Data sources", [TableColumn.Text("Source"), TableColumn.Text("What it holds"), TableColumn.Text("Imported"), TableColumn.Text("SHA-256")], rows), "Where the data came from");
        }

        return Write(composer, doc);
    }

    /// <summary>The workbook's sheet of each table of <paramref name="doc"/> (as the workbook of the same document names them).</summary>
    private static Dictionary<ReportTable, string> Sheets(ReportDocument doc)
    {
        var tables = doc.Tables().Select(t => t.Table).ToList();
        var names = Xlsx.XlsxReport.SheetNames(tables);
        var sheets = new Dictionary<ReportTable, string>(ReferenceEqualityComparer.Instance);
        for (int t = 0; t < tables.Count; t++)
        {
            sheets[tables[t]] = names[t];
        }

        return sheets;
    }

    /// <summary>The line that stands for a detail table in a board paper: what it holds and where to find it.</summary>
    internal static string DetailPointer(ReportTable table, string? sheet)
        => $"{table.Caption.TrimEnd('.')} ({Rows(table.Rows.Count)}): in the workbook (XLSX) of this report"
            + (sheet is null ? string.Empty : $", sheet '{sheet}'") + ", and in its HTML report and slides.";

    private static string Rows(int count) => count == 1 ? "1 row" : $"{count.ToString("N0", CultureInfo.InvariantCulture)} rows";

    /// <summary>How much of a section must follow its heading on the same page: its message and first block (a
    /// chart whole, a table's first rows, a few lines of anything else).</summary>
    private static float KeepWithHeading(ReportSection section, Stepwise.Charts.ChartSize size, Dictionary<TableBlock, PdfTableLayout> layouts, bool brief)
    {
        float message = string.IsNullOrWhiteSpace(section.Message) ? 0 : 40;
        return message + section.Blocks.FirstOrDefault() switch
        {
            ChartBlock c => PdfComposer.ChartHeight(c.Chart, size),
            // A tall picture is drawn smaller to stay under its heading (down to 60% of a page).
            PictureBlock p => Math.Min(PdfComposer.PictureHeight(p.Svg), ((PdfStyle.Bottom - PdfStyle.Footer - PdfStyle.Margin) * 0.6f) + 16),
            KeyFigures => 90,
            TableBlock { Detail: true } when brief => 50,
            TableBlock t => Math.Max(70, PdfComposer.Opening(t.Table, $"Table 00. {t.Table.Caption}", layouts[t]) + 20),
            _ => 50,
        };
    }

    private static void Cover(PdfComposer composer, ReportDocument doc)
    {
        // A brief document (a board paper) opens with a smaller title block and a compact contents list, so that its
        // content, not its cover, fills the two pages.
        composer.Text(doc.Title, doc.Brief ? 18 : 22, bold: true);
        if (!string.IsNullOrWhiteSpace(doc.Subtitle))
        {
            composer.Text(doc.Subtitle, doc.Brief ? 11 : 13, color: Muted);
        }

        composer.Space(doc.Brief ? 3 : 6);
        string date = doc.Date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        string personal = doc.IncludePersonalData
            ? "This report includes personal data at the request of its author. Handle it accordingly."
            : "Personal data in comments and quotes has been removed.";
        if (doc.Brief && !doc.IncludePersonalData)
        {
            composer.Text($"For: {doc.Audience} \u00B7 Date: {date}" + (string.IsNullOrWhiteSpace(doc.Author) ? string.Empty : $" \u00B7 Prepared by: {doc.Author}") + $" \u00B7 {personal}", Small, color: Muted);
        }
        else
        {
            composer.Text($"For: {doc.Audience}", Body);
            composer.Text($"Date: {date}", Body);
            if (!string.IsNullOrWhiteSpace(doc.Author))
            {
                composer.Text($"Prepared by: {doc.Author}", Body);
            }

            composer.Text(personal, Small, doc.IncludePersonalData, doc.IncludePersonalData ? Warning : Muted);
        }

        if (InOneLine(doc) && doc.Sources.Count > 0)
        {
            // A board paper names its data sources under its title, in the room a closing section would not have, and a
            // briefing for front-line staff in a line rather than a table of hashes; the full PDF gives each its own row.
            composer.Text(doc.SourcesLine(), Small, color: Muted);
        }

        composer.Space(doc.Brief ? 4 : 10);
        composer.Text("Contents", doc.Brief ? 11 : 13, bold: true);
        composer.Space(2);
        var entries = doc.Sections.Select((s, i) => ($"{i + 1}. {s.Heading}", $"s{i + 1}")).ToList();
        if (!doc.Brief && doc.Sections.Any(s => s.Blocks.OfType<ChartBlock>().Any()))
        {
            entries.Add(("Data of the figures", "figures"));
        }

        if (!InOneLine(doc) && doc.Sources.Count > 0)
        {
            entries.Add(("Data sources", "sources"));
        }

        // A brief document's contents take two columns.
        int columns = doc.Brief && entries.Count > 2 ? 2 : 1;
        float gap = 24, width = (ContentWidth - ((columns - 1) * gap)) / columns, line = Body * (doc.Brief ? 1.35f : 1.5f);
        int rows = (entries.Count + columns - 1) / columns;
        for (int row = 0; row < rows; row++)
        {
            composer.Keep(line);
            float baseline = composer.Cursor + Body;
            for (int column = 0; column < columns && (column * rows) + row < entries.Count; column++)
            {
                var (text, destination) = entries[(column * rows) + row];
                float left = Margin + (column * (width + gap));
                string shown = PdfText.Wrap(text, Body, width - 30)[0];
                composer.Draw(shown, left, baseline, Body, false, PdfStyle.Text);
                composer.Link(new SKRect(left, baseline - Body, left + width, baseline + 3), destination);
                composer.PageNumber(destination, left + width, baseline);
            }

            composer.Space(line);
        }

        composer.Space(doc.Brief ? 6 : 12);
    }

    /// <summary>Whether the PDF names the data sources in a line under the title rather than in a closing table.</summary>
    private static bool InOneLine(ReportDocument doc) => doc.Brief || doc.SourcesInOneLine;

    private static byte[] Write(PdfComposer composer, ReportDocument doc)
    {
        using var stream = new MemoryStream();
        var date = doc.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var metadata = new SKDocumentPdfMetadata
        {
            Title = doc.Title,
            Subject = doc.Audience,
            Author = doc.Author ?? string.Empty,
            Creator = "Stepwise",
            Producer = "Stepwise",
            Creation = date,
            Modified = date,
        };
        int total = composer.Pages.Count;
        string footer = $"{doc.Title} \u00B7 {doc.Audience} \u00B7 {doc.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        using (var pdf = SKDocument.CreatePdf(stream, metadata))
        {
            for (int i = 0; i < total; i++)
            {
                var sheet = composer.Pages[i];
                var canvas = pdf.BeginPage(sheet.Width, sheet.Height);
                foreach (var draw in composer.Pages[i].Draw)
                {
                    draw(canvas);
                }

                using var paint = new SKPaint { Color = Muted, IsAntialias = true };
                float y = sheet.Height - Margin + 4;
                PdfComposer.Line(canvas, Margin, y - 12, Margin + sheet.ContentWidth, y - 12, PdfStyle.Rule, 0.6f);
                string page = $"Page {i + 1} of {total}";
                float room = sheet.ContentWidth - PdfText.Width(page, 7.5f) - 12;
                string left = PdfText.Wrap(footer, 7.5f, room)[0];
                canvas.DrawText(left, Margin, y, SKTextAlign.Left, PdfText.Font(7.5f), paint);
                canvas.DrawText(page, Margin + sheet.ContentWidth, y, SKTextAlign.Right, PdfText.Font(7.5f), paint);
                pdf.EndPage();
            }

            pdf.Close();
        }

        return stream.ToArray();
    }
}
