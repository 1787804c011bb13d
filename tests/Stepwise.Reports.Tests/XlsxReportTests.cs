using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Stepwise.Reports.Xlsx;

namespace Stepwise.Reports.Tests;

public sealed class XlsxReportTests
{
    private static readonly Lazy<byte[]> Workbook = new(() => XlsxReport.Render(SampleReport.Build()));

    [Fact]
    public void Render_OneSheetPerTable_PlusProvenance()
    {
        Outputs.Save("sample.xlsx", Workbook.Value);
        using var package = SpreadsheetDocument.Open(new MemoryStream(Workbook.Value), false);
        var sheets = package.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();
        var doc = SampleReport.Build();
        Assert.Equal(doc.Tables().Count() + 1, sheets.Count);
        Assert.Equal("Provenance", sheets[0]);
        Assert.Equal(sheets.Count, sheets.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(sheets, s => Assert.True(s.Length <= 31 && s.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) < 0, s));
        var provenance = Cells(package, "Provenance");
        Assert.Contains(provenance, r => r.Contains("Data source: helpdesk.xes.gz") && r.Contains(SampleReport.Source.HelpdeskSha256));
        Assert.Contains(provenance, r => r.Contains("Senior managers"));
    }

    [Fact]
    public void Render_CellsAreTyped_AndEqualTheSource()
    {
        using var package = SpreadsheetDocument.Open(new MemoryStream(Workbook.Value), false);
        var (sheet, part) = Sheet(package, "Waiting before each step");
        var rows = part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        var header = rows[0].Elements<Cell>().Select(c => c.InlineString!.InnerText).ToList();
        Assert.Equal(["Step", "Events", "Cases", "Median waiting time (hours)", "90th percentile waiting time (hours)"], header);
        var steps = SampleReport.Source.Steps;
        Assert.Equal(steps.Count + 1, rows.Count);
        for (int i = 0; i < steps.Count; i++)
        {
            var cells = rows[i + 1].Elements<Cell>().ToList();
            Assert.Equal(steps[i].Name, cells[0].InlineString!.InnerText);
            Assert.Equal(CellValues.Number, cells[1].DataType!.Value);
            Assert.Equal(steps[i].Events, double.Parse(cells[1].CellValue!.Text, CultureInfo.InvariantCulture));
            Assert.Equal(steps[i].Cases, double.Parse(cells[2].CellValue!.Text, CultureInfo.InvariantCulture));
            if (steps[i].WaitingTime.Count > 0)
            {
                Assert.Equal(steps[i].WaitingTime.Median / 3600, double.Parse(cells[3].CellValue!.Text, CultureInfo.InvariantCulture), 9);
            }
        }

        // A frozen header row with a filter.
        var pane = part.Worksheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1.0, pane.VerticalSplit!.Value);
        Assert.NotNull(part.Worksheet.GetFirstChild<AutoFilter>());
        Assert.NotNull(sheet);
    }

    [Fact]
    public void Render_DatesAreDates_PercentagesAndMoneyAreFormattedNumbers()
    {
        using var package = SpreadsheetDocument.Open(new MemoryStream(Workbook.Value), false);
        var styles = package.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var formats = styles.NumberingFormats!.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!);
        var xfs = styles.CellFormats!.Elements<CellFormat>().ToList();
        string FormatOf(Cell c) => formats.GetValueOrDefault(xfs[(int)c.StyleIndex!.Value].NumberFormatId!.Value, "General");

        var (_, plan) = Sheet(package, "Actions agreed");
        var due = plan.Worksheet.Descendants<Row>().Skip(1).First().Elements<Cell>().ElementAt(2);
        Assert.Equal(new DateOnly(2026, 6, 30).ToDateTime(TimeOnly.MinValue).ToOADate(), double.Parse(due.CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.Equal("yyyy-mm-dd", FormatOf(due));
        var budget = plan.Worksheet.Descendants<Row>().Skip(1).First().Elements<Cell>().ElementAt(3);
        Assert.Equal(25000, double.Parse(budget.CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.Equal("\"£\"#,##0", FormatOf(budget));
        // The missing budget is an empty cell, never text in a numeric column.
        Assert.Equal(3, plan.Worksheet.Descendants<Row>().Last().Elements<Cell>().Count());

        var (_, drivers) = Sheet(package, "Key drivers of passenger"); // cut after a whole word, never inside one
        var first = drivers.Worksheet.Descendants<Row>().Skip(1).First().Elements<Cell>().ToList();
        Assert.Equal(SampleReport.Source.Drivers[0].Importance, double.Parse(first[1].CellValue!.Text, CultureInfo.InvariantCulture), 12);
        Assert.Equal("0.0%", FormatOf(first[1]));
    }

    [Fact]
    public void Render_ChartDataSheets_KeepDurationsInTheUnitOfTheirHeader()
    {
        using var package = SpreadsheetDocument.Open(new MemoryStream(Workbook.Value), false);
        var (_, histogram) = Sheet(package, "Throughput time of tickets");
        var rows = histogram.Worksheet.Descendants<Row>().ToList();
        Assert.Equal(["From (days)", "To (days)", "Tickets"], rows[0].Elements<Cell>().Select(c => c.InlineString!.InnerText));
        double total = rows.Skip(1).Sum(r => double.Parse(r.Elements<Cell>().ElementAt(2).CellValue!.Text, CultureInfo.InvariantCulture));
        var f = SampleReport.Source;
        Assert.Equal(f.ThroughputDays.Count(d => d <= f.P99Days), total);
        double width = double.Parse(rows[1].Elements<Cell>().ElementAt(1).CellValue!.Text, CultureInfo.InvariantCulture) - double.Parse(rows[1].Elements<Cell>().ElementAt(0).CellValue!.Text, CultureInfo.InvariantCulture);
        Assert.Contains(Math.Round(width, 6), new[] { 1.0, 2.0, 5.0, 10.0, 0.5 });
    }

    private static (Sheet Sheet, WorksheetPart Part) Sheet(SpreadsheetDocument package, string name)
    {
        var sheet = package.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name!.Value!.StartsWith(name, StringComparison.Ordinal));
        return (sheet, (WorksheetPart)package.WorkbookPart.GetPartById(sheet.Id!.Value!));
    }

    private static List<List<string>> Cells(SpreadsheetDocument package, string name) =>
        Sheet(package, name).Part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? string.Empty).ToList()).ToList();

    [Fact]
    public void SheetNames_AShortNameIsKept_ALongCaptionIsNamedByItsHead_NeverCutInsideAWord_UniqueRegardlessOfCase()
    {
        var columns = new[] { TableColumn.Text("Feature") };
        var tables = new[]
        {
            new ReportTable("The features numbered as in the figure, most important first ('Reviews 2014-2023', worked out on 1,612 of 3,701 responses)", columns, []) { Sheet = "Features by importance" },
            new ReportTable("Results against targets: 'Reviews 2014-2023', 95% intervals", columns, []),
            new ReportTable("RESULTS AGAINST TARGETS: 'Reviews 2014-2023', the targets missed", columns, []),
            new ReportTable("Responses to every question of the passenger survey in every quarter of the year", columns, []),
            new ReportTable("Short", columns, []),
        };
        var names = XlsxReport.SheetNames(tables);
        Assert.Equal(["Features by importance", "Results against targets", "RESULTS AGAINST TARGETS (2)", "Responses to every question of", "Short"], names);
        Assert.Throws<ArgumentException>(() => new ReportTable("x", columns, []) { Sheet = "A name that is longer than thirty-one" });
        Assert.Throws<ArgumentException>(() => new ReportTable("x", columns, []) { Sheet = "Q1/Q2" });

        // The workbook holds the sheets by those names, and the PDF of a brief document points to them by them.
        var doc = new ReportDocument { Title = "Board paper", Audience = "Senior managers", Date = new DateOnly(2024, 4, 1), Brief = true, Sections = [new ReportSection("Drivers", [.. tables.Select(t => (ReportBlock)new TableBlock(t) { Detail = true })])] };
        using var package = SpreadsheetDocument.Open(new MemoryStream(XlsxReport.Render(doc)), false);
        var sheets = package.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();
        Assert.Equal(["Provenance", .. names], sheets);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(Pdf.PdfReport.Render(doc));
        string text = string.Join(" ", Enumerable.Range(1, pdf.NumberOfPages).Select(p => PdfReportTests.Text(pdf, p)));
        var pointed = System.Text.RegularExpressions.Regex.Matches(text, @"sheet '([^']+)'").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(names, pointed);
    }
}
