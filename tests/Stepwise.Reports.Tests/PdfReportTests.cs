using System.Text;
using Stepwise.Reports.Pdf;
using UglyToad.PdfPig;

namespace Stepwise.Reports.Tests;

public sealed class PdfReportTests
{
    private static readonly Lazy<byte[]> Pdf = new(() => PdfReport.Render(SampleReport.Build()));

    [Fact]
    public void Render_ReadsBackWithContentsPageNumbersAndTheSourceNumbers()
    {
        byte[] pdf = Pdf.Value;
        Outputs.Save("sample.pdf", pdf);
        using var document = PdfDocument.Open(pdf);
        var pages = Enumerable.Range(1, document.NumberOfPages).Select(p => Text(document, p)).ToList();
        int total = pages.Count;
        Assert.True(total >= 4, $"{total} pages");
        for (int p = 0; p < total; p++)
        {
            Assert.Contains($"Page {p + 1} of {total}", pages[p], StringComparison.Ordinal);
        }

        Assert.Contains("Contents", pages[0], StringComparison.Ordinal);
        var doc = SampleReport.Build();
        for (int s = 0; s < doc.Sections.Count; s++)
        {
            string heading = $"{s + 1}. {doc.Sections[s].Heading}";
            // The contents line names the page on which the heading is printed (after the contents itself).
            int onFirst = (pages[0].Length - pages[0].Replace(heading, string.Empty, StringComparison.Ordinal).Length) / heading.Length;
            int page = onFirst >= 2 ? 1 : Enumerable.Range(2, total - 1).First(p => pages[p - 1].Contains(heading, StringComparison.Ordinal));
            Assert.Contains($"{heading} {page}", pages[0], StringComparison.Ordinal);
        }

        string all = string.Join("\n", pages);
        var f = SampleReport.Source;
        Assert.Contains("4,580", all, StringComparison.Ordinal);
        Assert.Contains($"{f.MedianDays:0.0} d", all, StringComparison.Ordinal);
        Assert.Contains($"{f.Steps[0].WaitingTime.Median / 3600:#,##0.0} h", all, StringComparison.Ordinal);
        Assert.Contains("Median waiting", all, StringComparison.Ordinal);
        Assert.Contains("time (hours)", all, StringComparison.Ordinal);
        Assert.Contains("Data of the figures", all, StringComparison.Ordinal);
        Assert.Contains(f.HelpdeskSha256[..20], all.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EmbedsTheBundledFont()
    {
        byte[] pdf = Pdf.Value;
        using var document = PdfDocument.Open(pdf);
        var fonts = Enumerable.Range(1, document.NumberOfPages).SelectMany(p => document.GetPage(p).Letters.Select(l => l.FontName)).Distinct().ToList();
        Assert.All(fonts, f => Assert.Contains("DejaVuSans", f, StringComparison.Ordinal));
        Assert.Contains("/FontFile2", Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SameDocument_GivesTheSameText()
    {
        using var a = PdfDocument.Open(Pdf.Value);
        using var b = PdfDocument.Open(PdfReport.Render(SampleReport.Build()));
        Assert.Equal(a.NumberOfPages, b.NumberOfPages);
        for (int p = 1; p <= a.NumberOfPages; p++)
        {
            Assert.Equal(Text(a, p), Text(b, p));
        }
    }

    [Fact]
    public void Render_RedactsPersonalData_UnlessTheDocumentOptsIn()
    {
        using var redacted = PdfDocument.Open(Pdf.Value);
        string text = string.Join(" ", Enumerable.Range(1, redacted.NumberOfPages).Select(p => Text(redacted, p)));
        Assert.DoesNotContain("jane.doe", text, StringComparison.Ordinal);
        Assert.DoesNotContain("900123", text, StringComparison.Ordinal);
        using var included = PdfDocument.Open(PdfReport.Render(SampleReport.Build(includePersonalData: true)));
        string all = string.Join(" ", Enumerable.Range(1, included.NumberOfPages).Select(p => Text(included, p)));
        Assert.Contains(SampleReport.Email, all, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DetailTable_NamedWithItsSheetInABoardPaper_PrintedEverywhereElse()
    {
        // A detail table with a comment column (redaction rebuilds it) and a number no other block holds.
        var detail = new ReportTable("Every feature with its score", [TableColumn.Text("Feature"), TableColumn.Comment("Note"), TableColumn.Count("Responses")],
            [["Wifi", "slow log-in", 98765], ["Boarding", "quick", 12345]]);
        var doc = new ReportDocument
        {
            Title = "Board paper",
            Audience = "Senior managers",
            Date = new DateOnly(2026, 3, 2),
            Sections = [new ReportSection("Results", [new Paragraph("Two features."), new TableBlock(detail) { Detail = true }])],
        };

        string brief = All(PdfReport.Render(doc with { Brief = true }));
        Assert.DoesNotContain("98,765", brief, StringComparison.Ordinal);
        Assert.DoesNotContain("Table 1.", brief, StringComparison.Ordinal);
        string sheet = Xlsx.XlsxReport.SheetNames([detail])[0];
        Assert.Contains($"Every feature with its score (2 rows): in the workbook (XLSX) of this report, sheet '{sheet}'", brief, StringComparison.Ordinal);

        string full = All(PdfReport.Render(doc));
        Assert.Contains("Table 1. Every feature with its score", full, StringComparison.Ordinal);
        Assert.Contains("98,765", full, StringComparison.Ordinal);
        Assert.DoesNotContain("of this report, sheet", full, StringComparison.Ordinal);
        Assert.Contains("98,765", Html.HtmlReport.Render(doc with { Brief = true }), StringComparison.Ordinal);

        static string All(byte[] pdf)
        {
            using var document = PdfDocument.Open(pdf);
            return string.Join(" ", Enumerable.Range(1, document.NumberOfPages).Select(p => Text(document, p)));
        }
    }

    internal static string Text(PdfDocument document, int page) => string.Join(" ", document.GetPage(page).GetWords().Select(w => w.Text));
}
