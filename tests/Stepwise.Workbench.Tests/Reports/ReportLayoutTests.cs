using System.Net;
using System.Text;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using Stepwise.Reports;
using Stepwise.Reports.Html;
using Stepwise.Reports.Pdf;
using Stepwise.Reports.Pptx;
using Stepwise.Reports.Tests;
using Stepwise.Reports.Xlsx;
using Stepwise.Workbench.Reports;

namespace Stepwise.Workbench.Tests.Reports;

/// <summary>
/// The reports of the demo review for every audience, laid out so that a reader can use them: in the PDF no word drawn
/// over another, outside its page or broken inside (the analysts' wide tables included); in the deck every table of
/// the report on slides, as slide tables within the slide; and the data sources in every format.
/// </summary>
public sealed class ReportLayoutTests
{
    public static TheoryData<string> Audiences => ["senior-managers", "team-leaders", "front-line-staff", "partners", "analysts", "evidence-map"];

    private static readonly Dictionary<string, ReportDocument> Documents = [];

    private static HelpdeskReview R => DemoReview.Instance.R;

    private static ReportDocument Document(string audience)
    {
        lock (Documents)
        {
            if (!Documents.TryGetValue(audience, out var document))
            {
                document = R.Bench.Reports.Document(R.Lead, R.Id, new ReportRequest { Audience = audience, Format = "pdf", Team = audience == "team-leaders" ? "Tia Teamlead" : null });
                Documents[audience] = document;
            }

            return document;
        }
    }

    private static IEnumerable<ReportTable> Tables(ReportDocument document)
        => document.Sections.SelectMany(s => s.Blocks.OfType<TableBlock>()).Select(t => t.Table);

    [Theory]
    [MemberData(nameof(Audiences))]
    public void Pdf_NoWordOverlapsAnotherOrLeavesThePageOrBreaks(string audience)
    {
        var document = Document(audience);
        byte[] pdf = PdfReport.Render(document);
        ReportOutputs.SavePdf($"layout-{audience}.pdf", pdf);
        LayoutChecks.AssertNoOverlapAndWithinPages(pdf, audience);
        LayoutChecks.AssertTableWordsWhole(pdf, Tables(document), audience);
    }

    [Fact]
    public void Pdf_TeamLeaders_TheStepScorecardStaysWithItsSectionOnTheFirstPage()
    {
        // The section opens with a chart of two bars; drawn as tall as its bars need, it leaves room on the first page
        // for the scorecard that follows it.
        byte[] pdf = PdfReport.Render(Document("team-leaders"));
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        string first = string.Join(" ", document.GetPage(1).GetWords().Select(w => w.Text));
        Assert.Contains("1. The steps and how they perform", first, StringComparison.Ordinal);
        Assert.Contains("Table 1. Step scorecard", first, StringComparison.Ordinal);
        // Its rows too, not only its caption: the note under it ("Satisfaction gap: ...") closes the table.
        Assert.Contains("Satisfaction gap:", first, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Audiences))]
    public void Pptx_EveryTableOnSlides_WithinTheSlide(string audience)
    {
        var document = Document(audience);
        byte[] pptx = PptxReport.Render(document);
        ReportOutputs.Save($"layout-{audience}.pptx", pptx);
        LayoutChecks.AssertTablesWithinSlides(pptx, audience);
        LayoutChecks.AssertEveryTableOnSlides(pptx, Tables(document), audience);
    }

    [Fact]
    public void Pptx_Analysts_AtMostTwoSlidesATable_TheRestNamedInTheWorkbookSheetThatHoldsEveryRow()
    {
        var document = Document("analysts");
        var (_, texts, _, _, _) = LayoutChecks.Slides(PptxReport.Render(document));
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(XlsxReport.Render(document)), false);
        var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>()
            .ToDictionary(s => s.Name!.Value!, s => ((WorksheetPart)workbook.WorkbookPart.GetPartById(s.Id!.Value!)).Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count());
        int tables = 0, cut = 0;
        foreach (var table in Tables(document))
        {
            tables++;
            var slides = texts.Where(t => t.Contains(table.Caption, StringComparison.Ordinal)).ToList();
            var note = slides.Select(t => System.Text.RegularExpressions.Regex.Match(t, @"([0-9,]+) more rows in the workbook \(sheet '([^']+)'\)")).FirstOrDefault(m => m.Success);
            if (note is null)
            {
                continue;
            }

            cut++;
            // The sheet named holds the header row and every row of the table.
            string sheet = note.Groups[2].Value;
            Assert.True(sheets.ContainsKey(sheet), $"no sheet '{sheet}' in the workbook");
            Assert.Equal(table.Rows.Count + 1, sheets[sheet]);
        }

        Assert.True(cut > 0, "no table of the analysts' pack runs past two slides");
        // A deck for a meeting: each table on at most two slides, with the title slide, the charts and the sources.
        Assert.True(texts.Count <= (2 * tables) + 12, $"{texts.Count} slides for {tables} tables");
    }

    [Fact]
    public void Pptx_TeamLeaders_TheProcessByTeam_EverySlideOfItAtTwelvePoints_TogetherEveryBoxAndLane()
    {
        var document = Document("team-leaders");
        var picture = document.Sections.SelectMany(s => s.Blocks.OfType<PictureBlock>()).Single();
        Assert.NotEmpty(picture.SlideParts);

        // The boxes (step and count) and lanes of the map as the PDF and HTML show it, from its SVG.
        static List<(string, string)> Boxes(XElement svg) => [.. svg.Descendants().Where(e => (string?)e.Attribute("data-kind") == "step").Select(e => ((string)e.Attribute("data-name")!, (string)e.Attribute("data-events")!))];
        static IEnumerable<string> Lanes(XElement svg) => svg.Descendants().Select(e => (string?)e.Attribute("data-lane-name")).OfType<string>();
        var whole = XDocument.Parse(picture.Svg).Root!;
        Assert.NotEmpty(Lanes(whole));
        var boxes = new List<(string, string)>();
        var lanes = new HashSet<string>(StringComparer.Ordinal);
        int n = picture.SlideParts.Count;
        for (int p = 0; p < n; p++)
        {
            var svg = XDocument.Parse(picture.SlideParts[p].Svg).Root!;
            // The smallest text at the slide's size: the SVG is made 13.333 inches wide, the slide's width.
            double inches = double.Parse(((string)svg.Attribute("width")!).Replace("in", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
            double view = double.Parse(((string)svg.Attribute("viewBox")!).Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
            double points = System.Text.RegularExpressions.Regex.Matches(svg.ToString(), "font-size: ?([0-9.]+)px").Min(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)) * inches * 72 / view;
            Assert.Equal(13.333, inches, 3);
            Assert.True(points >= 12, $"part {p + 1} of {n}: {points:F1} pt");
            if (n > 1)
            {
                Assert.Contains($"Part {p + 1} of {n}:", svg.ToString(), StringComparison.Ordinal);
            }

            boxes.AddRange(Boxes(svg));
            lanes.UnionWith(Lanes(svg));
        }

        Assert.Equal(Boxes(whole).Order(), boxes.Order());
        Assert.True(lanes.SetEquals(Lanes(whole)));

        // In the deck each part fills a slide of its own: as wide as the slide (or as tall), its description its alt text.
        using var package = PresentationDocument.Open(new MemoryStream(PptxReport.Render(document)), false);
        var size = package.PresentationPart!.Presentation.SlideSize!;
        var pictures = package.PresentationPart.SlideParts.SelectMany(s => s.Slide.Descendants<DocumentFormat.OpenXml.Presentation.Picture>()).ToList();
        foreach (var part in picture.SlideParts)
        {
            var shown = Assert.Single(pictures, x => x.NonVisualPictureProperties!.NonVisualDrawingProperties!.Description == part.Description);
            var extents = shown.ShapeProperties!.Transform2D!.Extents!;
            Assert.True(extents.Cx!.Value >= size.Cx!.Value - 1 || extents.Cy!.Value >= size.Cy!.Value - 1, $"{part.Title}: {extents.Cx.Value} x {extents.Cy!.Value} on {size.Cx.Value} x {size.Cy!.Value}");
        }
    }

    /// <summary>Every audience of a process review and of a quality review.</summary>
    public static TheoryData<string, string> ReviewsAndAudiences
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (string review in new[] { "process", "quality" })
            {
                foreach (string audience in new[] { "senior-managers", "team-leaders", "front-line-staff", "partners", "analysts", "evidence-map" })
                {
                    data.Add(review, audience);
                }
            }

            return data;
        }
    }

    private static readonly Lazy<(Workbench Bench, Stepwise.Workbench.Access.Actor Admin, Guid Id)> Quality = new(QualityReportTests.Build);

    private static ReportDocument Document(string review, string audience)
        => review == "process" ? Document(audience) : Quality.Value.Bench.Reports.Document(Quality.Value.Admin, Quality.Value.Id, new ReportRequest { Audience = audience, Format = "pdf" });

    [Theory]
    [MemberData(nameof(ReviewsAndAudiences))]
    public void EveryFormat_CarriesTheDataSources(string review, string audience)
    {
        var document = Document(review, audience);
        // Every pack names the data it was made from: the event log of a process review, the survey of a quality review.
        Assert.NotEmpty(document.Sources);
        if (audience == "front-line-staff")
        {
            // The briefing for the people who do the work names them in one line under its title, as a board paper does.
            Assert.True(document.SourcesInOneLine);
            Assert.Contains("Data sources: " + document.Sources[0].Name, string.Join(" ", LayoutChecks.Words(PdfReport.Render(document))), StringComparison.Ordinal);
        }

        string html = HtmlReport.Render(document);
        var pdfWords = LayoutChecks.Words(PdfReport.Render(document));
        string pdf = string.Join(" ", pdfWords);
        string deck = string.Join(" ", LayoutChecks.Slides(PptxReport.Render(document)).Texts);
        string workbook = XlsxText(XlsxReport.Render(document));
        foreach (var source in document.Sources)
        {
            Assert.Contains(WebUtility.HtmlEncode(source.Name), html, StringComparison.Ordinal);
            Assert.Contains(WebUtility.HtmlEncode(source.Description), html, StringComparison.Ordinal);
            Assert.Contains(source.Name, workbook, StringComparison.Ordinal);
            Assert.Contains(source.Description, workbook, StringComparison.Ordinal);
            Assert.Contains(source.Name, deck, StringComparison.Ordinal);
            Assert.Contains(source.Description, deck, StringComparison.Ordinal);
            // In the PDF a table cell wraps its words over lines (read between the other cells' lines): the name whole or
            // in its pieces in order, the description word by word.
            string pieces = string.Concat(pdfWords.Where(w => source.Name.Contains(w, StringComparison.Ordinal)));
            Assert.True(pdf.Contains(source.Name, StringComparison.Ordinal) || pieces.Contains(source.Name, StringComparison.Ordinal), $"{review} {audience}: '{source.Name}' not in the PDF");
            Assert.All(source.Description.Split(' ', StringSplitOptions.RemoveEmptyEntries), w => Assert.True(pdf.Contains(w, StringComparison.Ordinal), $"{review} {audience}: '{w}' of '{source.Description}' not in the PDF"));
        }

        Assert.Contains("Data sources", pdf, StringComparison.Ordinal);
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
