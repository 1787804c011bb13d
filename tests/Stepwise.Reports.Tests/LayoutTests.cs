using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Stepwise.Reports.Html;
using Stepwise.Reports.Pdf;
using Stepwise.Reports.Pptx;
using Stepwise.Reports.Xlsx;
using UglyToad.PdfPig;

namespace Stepwise.Reports.Tests;

/// <summary>
/// Tables laid out so that nothing collides: wide tables in the PDF on landscape pages or in column groups, no word
/// drawn over another or broken inside, headers repeated; tables on slides as slide tables within the slide, continued
/// over slides; and the data sources in every format, the board paper's PDF included.
/// </summary>
public sealed class LayoutTests
{
    private static readonly string[] Names = ["Option", "KPI", "Difference", "Interval", "Baseline", "Target", "Replications", "Adjusted", "Percentile", "Throughput", "Resolution", "Escalation", "Satisfaction", "Abandonment", "Utilisation", "Backlog", "Forecast"];

    /// <summary>A table of a key column and <paramref name="numbers"/> numeric columns with long values and two-word
    /// headers whose words are long (like the simulated KPIs of an analysts' pack).</summary>
    private static ReportTable Wide(int numbers, int rows = 12)
    {
        var columns = new List<TableColumn> { TableColumn.Text("Option") };
        for (int c = 0; c < numbers; c++)
        {
            columns.Add(c % 3 == 0 ? TableColumn.Number($"{Names[(c % (Names.Length - 1)) + 1]} high", 4) : c % 3 == 1 ? TableColumn.Duration($"{Names[(c % (Names.Length - 1)) + 1]} low", Stepwise.Charts.TimeUnit.Hours, 2) : TableColumn.Percent($"Share {c}", 1));
        }

        var body = new List<IReadOnlyList<TableCell>>();
        for (int r = 0; r < rows; r++)
        {
            var row = new List<TableCell> { $"option {r + 1} of the review" };
            for (int c = 0; c < numbers; c++)
            {
                row.Add(c % 3 == 2 ? TableCell.Of((r * 0.037) + (c * 0.01)) : TableCell.Of(1234567.8912 * (r + 1) * (c + 1) / 7));
            }

            body.Add(row);
        }

        return new ReportTable($"A table of {numbers + 1} columns", columns, body);
    }

    private static ReportDocument Document(params ReportTable[] tables) => new()
    {
        Title = "Layout",
        Audience = "Analysts",
        Date = new DateOnly(2026, 3, 2),
        Sections = [.. tables.Select(t => new ReportSection(t.Caption, [new Paragraph("A table follows."), new TableBlock(t)]))],
        Sources = [new DataSourceNote("helpdesk.xes.gz", "4,580 cases, 21,348 events", new string('a', 64), "2026-03-01 by Improvement lead")],
    };

    [Fact]
    public void Pdf_FourteenNumericColumns_LaidOutWithoutOverlap_OnALandscapePage()
    {
        var table = Wide(14);
        byte[] pdf = PdfReport.Render(Document(table));
        Outputs.Save("wide-14.pdf", pdf);
        LayoutChecks.AssertNoOverlapAndWithinPages(pdf, "14 numeric columns");
        LayoutChecks.AssertTableWordsWhole(pdf, [table], "14 numeric columns");
        using var document = PdfDocument.Open(pdf);
        var pages = Enumerable.Range(1, document.NumberOfPages).Select(document.GetPage).ToList();
        // Too wide for a portrait page: on a landscape one, its header words whole, each value on one line.
        var tablePage = pages.Single(p => p.GetWords().Any(w => w.Text == "option"));
        Assert.True(tablePage.Width > tablePage.Height, $"the table's page is {tablePage.Width:0} x {tablePage.Height:0}");
        Assert.True(pages[0].Height > pages[0].Width, "the first page stays portrait");
        Assert.Contains(pages, p => p.Number > tablePage.Number && p.Height > p.Width); // the data sources return to portrait
        Assert.Equal(table.Rows.Count, tablePage.GetWords().Count(w => w.Text == "option"));
    }

    [Fact]
    public void Pdf_ShortWideTable_StaysOnThePortraitPageInItsSection_InTypeOfAtLeastSevenPoints()
    {
        // Three rows of the fourteen numeric columns that send a long table to landscape pages.
        var table = Wide(14, rows: 3);
        byte[] pdf = PdfReport.Render(Document(table));
        Outputs.Save("wide-14-short.pdf", pdf);
        LayoutChecks.AssertNoOverlapAndWithinPages(pdf, "short wide table");
        LayoutChecks.AssertTableWordsWhole(pdf, [table], "short wide table");
        using var document = PdfDocument.Open(pdf);
        var pages = Enumerable.Range(1, document.NumberOfPages).Select(document.GetPage).ToList();
        Assert.All(pages, p => Assert.True(p.Height > p.Width, $"page {p.Number} is landscape"));
        // On the page of the paragraph that introduces it, every row in every part (each part repeats the key column).
        var tablePage = pages.Single(p => p.GetWords().Any(w => w.Text == "follows."));
        int parts = Math.Max(1, tablePage.GetWords().Count(w => w.Text == "(part"));
        Assert.True(parts <= 2, $"{parts} parts");
        Assert.Equal(table.Rows.Count * parts, tablePage.GetWords().Count(w => w.Text == "option"));
        Assert.All(tablePage.Letters.Where(l => l.Value.Trim().Length > 0), l => Assert.True(l.PointSize >= 6.99, $"'{l.Value}' at {l.PointSize:0.0} pt"));
    }

    [Fact]
    public void Pdf_TableTooWideForLandscape_SplitsIntoColumnGroupsRepeatingTheKeyColumn()
    {
        var table = Wide(40, rows: 5);
        byte[] pdf = PdfReport.Render(Document(table));
        Outputs.Save("wide-40.pdf", pdf);
        LayoutChecks.AssertNoOverlapAndWithinPages(pdf, "40 numeric columns");
        LayoutChecks.AssertTableWordsWhole(pdf, [table], "40 numeric columns");
        string text = string.Join(" ", LayoutChecks.Words(pdf));
        Assert.Contains("(part 1 of", text, StringComparison.Ordinal);
        Assert.Contains("(part 2 of", text, StringComparison.Ordinal);
        int groups = int.Parse(text.Split("(part 1 of ")[1].Split(':')[0], CultureInfo.InvariantCulture);
        // The key column's values in every group.
        Assert.Equal(table.Rows.Count * groups, LayoutChecks.Words(pdf).Count(w => w == "option"));
    }

    [Fact]
    public void Pdf_ChartOfTwoBars_LeavesNoEmptyBandUnderItsAxis_AndTheTableFollowsOnThePage()
    {
        var chart = new Stepwise.Charts.BarChart
        {
            Title = "Waiting before each step",
            Value = Stepwise.Charts.Measure.Number("Waiting", "hours"),
            CategoryName = "Step",
            Bars = [new Stepwise.Charts.Bar("Take in charge ticket", 18.5), new Stepwise.Charts.Bar("Wait", 20.4)],
        };
        var table = Wide(6, rows: 4);
        var doc = new ReportDocument
        {
            Title = "Layout",
            Audience = "Team leaders",
            Date = new DateOnly(2026, 3, 2),
            Sections = [new ReportSection("The steps", [new ChartBlock(chart), new TableBlock(table)])],
        };
        byte[] pdf = PdfReport.Render(doc);
        Outputs.Save("two-bars.pdf", pdf);
        LayoutChecks.AssertNoOverlapAndWithinPages(pdf, "two bars");
        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        var words = page.GetWords().ToList();
        // The figure's caption sits just under the chart's lowest text (the axis title): the chart is as tall as its
        // bars and axis, not as tall as a chart of many bars (a blank band of about 130 pt before).
        var caption = words.First(w => w.Text == "Figure");
        double lowest = words.Where(w => w.BoundingBox.Bottom > caption.BoundingBox.Top + 0.5).Min(w => w.BoundingBox.Bottom);
        double gap = lowest - caption.BoundingBox.Top;
        Assert.True(gap < 30, $"{gap:0} pt between the chart's lowest text and its caption");
        // The table that follows the chart is on the chart's page, under it.
        Assert.Contains(words, w => w.Text == "option" && w.BoundingBox.Top < caption.BoundingBox.Bottom);
    }

    [Fact]
    public void Pdf_LongTable_RepeatsItsHeaderRowOnEveryPageItRunsOnto()
    {
        var table = Wide(5, rows: 150);
        byte[] pdf = PdfReport.Render(Document(table));
        LayoutChecks.AssertNoOverlapAndWithinPages(pdf, "150 rows");
        using var document = PdfDocument.Open(pdf);
        var withRows = Enumerable.Range(1, document.NumberOfPages).Select(document.GetPage).Where(p => p.GetWords().Any(w => w.Text == "option")).ToList();
        Assert.True(withRows.Count >= 3, $"{withRows.Count} pages");
        Assert.All(withRows, p => Assert.Contains(p.GetWords(), w => w.Text == "Option"));
        Assert.Equal(150, withRows.Sum(p => p.GetWords().Count(w => w.Text == "option")));
    }

    [Fact]
    public void Pdf_SampleReport_NoWordsOverlapNorBreak()
    {
        foreach (bool brief in new[] { false, true })
        {
            var doc = SampleReport.Build() with { Brief = brief };
            byte[] pdf = PdfReport.Render(doc);
            LayoutChecks.AssertNoOverlapAndWithinPages(pdf, brief ? "board paper" : "report");
            LayoutChecks.AssertTableWordsWhole(pdf, doc.Sections.SelectMany(s => s.Blocks.OfType<TableBlock>()).Select(t => t.Table), brief ? "board paper" : "report");
        }
    }

    [Fact]
    public void EveryFormat_CarriesTheDataSources_TheBoardPaperToo()
    {
        foreach (bool brief in new[] { false, true })
        {
            var doc = SampleReport.Build() with { Brief = brief };
            string label = brief ? "board paper" : "report";
            Assert.NotEmpty(doc.Sources);
            string html = HtmlReport.Render(doc);
            var pdfWords = LayoutChecks.Words(PdfReport.Render(doc));
            string pdf = string.Join(" ", pdfWords);
            var (_, slides, _, _, _) = LayoutChecks.Slides(PptxReport.Render(doc));
            string deck = string.Join(" ", slides);
            string workbook = XlsxText(XlsxReport.Render(doc));
            foreach (var source in doc.Sources)
            {
                Assert.Contains(WebUtility.HtmlEncode(source.Name), html, StringComparison.Ordinal);
                Assert.Contains(WebUtility.HtmlEncode(source.Description), html, StringComparison.Ordinal);
                Assert.Contains(source.Name, workbook, StringComparison.Ordinal);
                Assert.Contains(source.Description, workbook, StringComparison.Ordinal);
                Assert.Contains(source.Name, deck, StringComparison.Ordinal);
                Assert.Contains(source.Description, deck, StringComparison.Ordinal);
                // A name longer than its column breaks over lines, read between the other cells' lines: its pieces in order.
                string pieces = string.Concat(pdfWords.Where(w => source.Name.Contains(w, StringComparison.Ordinal)));
                Assert.True(pdf.Contains(source.Name, StringComparison.Ordinal) || pieces.Contains(source.Name, StringComparison.Ordinal), $"{label}: '{source.Name}' not in the PDF");
                // A table cell wraps its words over lines, so the description is looked for word by word.
                Assert.All(source.Description.Split(' '), w => Assert.True(pdf.Contains(w, StringComparison.Ordinal), $"{label}: '{w}' of '{source.Description}' not in the PDF"));
            }

            Assert.Contains("Data sources", pdf, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SourcesInOneLine_NamedUnderTheTitle_InThePdfTheHtmlAndTheDeck_NotInAClosingTable()
    {
        var doc = new ReportDocument
        {
            Title = "What changes for you",
            Audience = "Front-line staff",
            Date = new DateOnly(2026, 3, 2),
            Sections = [new ReportSection("What changes", [new Paragraph("Tickets no longer wait for a reply.")])],
            Sources = [new DataSourceNote("helpdesk.xes.gz", "event log: 4,580 cases", new string('a', 64), "2026-03-01 by Improvement lead")],
            SourcesInOneLine = true,
        };
        const string line = "Data sources: helpdesk.xes.gz, event log: 4,580 cases (imported 2026-03-01 by Improvement lead).";
        using (var pdf = PdfDocument.Open(PdfReport.Render(doc)))
        {
            Assert.Equal(1, pdf.NumberOfPages);
            string text = PdfReportTests.Text(pdf, 1);
            Assert.Contains(line, text, StringComparison.Ordinal);
            Assert.True(text.IndexOf(line, StringComparison.Ordinal) < text.IndexOf("Contents", StringComparison.Ordinal), "the line is under the title, before the contents");
            Assert.DoesNotContain(new string('a', 64), text, StringComparison.Ordinal); // no table of hashes
        }

        string html = HtmlReport.Render(doc);
        Assert.Contains("<p class=\"sources\">" + WebUtility.HtmlEncode(line) + "</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"sources\"", html, StringComparison.Ordinal);
        var (titles, texts, _, _, _) = LayoutChecks.Slides(PptxReport.Render(doc));
        Assert.Contains(line, texts[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Where the numbers come from", titles);
        Assert.Contains("helpdesk.xes.gz", XlsxText(XlsxReport.Render(doc)), StringComparison.Ordinal);
    }

    [Fact]
    public void Pptx_TablesAreSlideTables_WithinTheSlide_ContinuedWithTheirHeaderRow()
    {
        var wide = Wide(14, rows: 6);
        var tall = Wide(3, rows: 45);
        var widest = Wide(40, rows: 4);
        foreach (var (name, doc) in new[] { ("sample", SampleReport.Build()), ("synthetic", Document(wide, tall, widest)) })
        {
            byte[] pptx = PptxReport.Render(doc);
            Outputs.Save($"layout-{name}.pptx", pptx);
            LayoutChecks.AssertTablesWithinSlides(pptx, name);
            var tables = doc.Sections.SelectMany(s => s.Blocks.OfType<TableBlock>()).Select(t => t.Table).ToList();
            LayoutChecks.AssertEveryTableOnSlides(pptx, tables, name);
            using var package = PresentationDocument.Open(new MemoryStream(pptx), false);
            var errors = new OpenXmlValidator().Validate(package).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
        }

        var (titles, texts, slideTables, _, _) = LayoutChecks.Slides(PptxReport.Render(Document(wide, tall, widest)));
        // The long table runs over slides titled "(continued)", the widest over column groups.
        var tallSlides = slideTables.Where(t => texts[t.Slide].Contains(tall.Caption, StringComparison.Ordinal)).ToList();
        Assert.True(tallSlides.Count >= 2, $"{tallSlides.Count} slides");
        Assert.All(tallSlides.Skip(1), t => Assert.EndsWith("(continued)", titles[t.Slide], StringComparison.Ordinal));
        var widestSlides = slideTables.Where(t => texts[t.Slide].Contains(widest.Caption, StringComparison.Ordinal)).ToList();
        Assert.True(widestSlides.Count >= 2, $"{widestSlides.Count} slides");
        Assert.All(widestSlides, t => Assert.Equal("Option", t.Rows[0][0]));
    }

    [Fact]
    public void Pptx_LongText_ContinuesOnAnotherSlide_NotPastTheFoot()
    {
        var paragraphs = Enumerable.Range(1, 12).Select(i => new Paragraph($"Paragraph {i}: " + string.Join(" ", Enumerable.Repeat("tickets wait for the customer to reply before anyone starts", 3)))).ToList<ReportBlock>();
        var doc = new ReportDocument { Title = "Text", Audience = "Everyone", Date = new DateOnly(2026, 3, 2), Sections = [new ReportSection("Findings", paragraphs) { Message = "What we found" }] };
        var (titles, texts, _, _, _) = LayoutChecks.Slides(PptxReport.Render(doc));
        var found = Enumerable.Range(0, titles.Count).Where(i => titles[i].StartsWith("What we found", StringComparison.Ordinal)).ToList();
        Assert.True(found.Count >= 2, $"{found.Count} slides");
        Assert.All(found.Skip(1), i => Assert.EndsWith("(continued)", titles[i], StringComparison.Ordinal));
        // Every paragraph on a slide, once.
        for (int i = 1; i <= 12; i++)
        {
            Assert.Single(found, s => texts[s].Contains($"Paragraph {i}:", StringComparison.Ordinal));
        }
    }

    private static string XlsxText(byte[] xlsx)
    {
        using var package = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var sb = new StringBuilder();
        foreach (var part in package.WorkbookPart!.WorksheetParts)
        {
            sb.Append(part.Worksheet.InnerText).Append(' ');
        }

        if (package.WorkbookPart.SharedStringTablePart is { } strings)
        {
            sb.Append(strings.SharedStringTable.InnerText);
        }

        return sb.ToString();
    }
}
