using DocumentFormat.OpenXml.Packaging;
using Stepwise.Charts;
using Stepwise.Reports.Html;
using Stepwise.Reports.Pptx;
using Stepwise.Reports.Xlsx;
using A = DocumentFormat.OpenXml.Drawing;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace Stepwise.Reports.Tests;

/// <summary>One rule for numbers in every format: counts with thousands separators, shares side by side (in one table,
/// in one row of key figures) with the same decimals.</summary>
public sealed class NumberFormatTests
{
    /// <summary>A table whose two share columns ask for different decimals (importance to one, performance to none).</summary>
    private static ReportTable Drivers() => new(
        "Features, most important first",
        [TableColumn.Count("No."), TableColumn.Text("Feature"), TableColumn.Percent("Importance", 1), TableColumn.Percent("Performance", 0)],
        [[1, "Inflight wifi", 0.124, 0.13], [2, "Seat comfort", 0.0951, 0.6449]]);

    [Fact]
    public void Table_SharesSideBySide_WrittenWithTheSameDecimals_InEveryFormat()
    {
        var table = Drivers();
        Assert.All(table.Columns.Where(c => c.Kind == ColumnKind.Percent), c => Assert.Equal(1, c.Decimals));
        Assert.Equal(["12.4%", "13.0%"], [table.Columns[2].Format(table.Rows[0][2]), table.Columns[3].Format(table.Rows[0][3])]);
        Assert.Equal(["9.5%", "64.5%"], [table.Columns[2].Format(table.Rows[1][2]), table.Columns[3].Format(table.Rows[1][3])]);

        var doc = new ReportDocument { Title = "Drivers", Audience = "Analysts", Date = new DateOnly(2026, 12, 2), Sections = [new ReportSection("Drivers", [new TableBlock(table)])] };
        string html = HtmlReport.Render(doc);
        Assert.Contains(">12.4%</td><td class=\"num\" data-label=\"Performance (%)\">13.0%</td>", html, StringComparison.Ordinal);

        // The workbook: both share columns in the format of one decimal.
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(XlsxReport.Render(doc)), false);
        var formats = workbook.WorkbookPart!.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<S.NumberingFormat>().Select(f => f.FormatCode!.Value).ToList();
        Assert.Contains("0.0%", formats);
        Assert.DoesNotContain("0%", formats);

        // The deck's table and its notes.
        using var deck = PresentationDocument.Open(new MemoryStream(PptxReport.Render(doc)), false);
        string text = string.Join(" ", deck.PresentationPart!.SlideParts.SelectMany(s => s.Slide.Descendants<A.Text>().Select(t => t.Text)));
        Assert.Contains("13.0%", text, StringComparison.Ordinal);
        Assert.DoesNotContain("13%", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_SharesAlreadyAlike_KeepTheirDecimals()
    {
        var table = new ReportTable("Shares", [TableColumn.Text("Step"), TableColumn.Percent("Rework", 0), TableColumn.Percent("Within", 0), TableColumn.Number("Score", 2)], [["A", 0.125, 0.5, 6.514]]);
        Assert.Equal(["13%", "50%", "6.51"], [table.Columns[1].Format(table.Rows[0][1]), table.Columns[2].Format(table.Rows[0][2]), table.Columns[3].Format(table.Rows[0][3])]);
    }

    [Fact]
    public void KeyFigures_SharesSideBySide_WrittenWithTheSameDecimals()
    {
        var figures = new KeyFigures([
            new KeyFigure("Cases", 7258, Measure.Count("Cases")),
            new KeyFigure("Cases with rework", 0.13, Measure.Percent("Rework", 0)),
            new KeyFigure("Within every rule", 0.124, Measure.Percent("Within", 1)),
        ]);
        Assert.Equal(["7,258", "13.0%", "12.4%"], figures.Figures.Select(f => f.Text));
        Assert.Equal("Rework", figures.Figures[1].Measure.Name);
    }

    [Fact]
    public void Deck_NotesOfALongTable_CountTheRowsLeftOutWithSeparators()
    {
        // 7,318 rows: the notes list the first 60 and count the other 7,258.
        var rows = Enumerable.Range(1, 7318).Select(i => (IReadOnlyList<TableCell>)[$"case {i}", (double)i]).ToList();
        var doc = new ReportDocument
        {
            Title = "Cases",
            Audience = "Analysts",
            Date = new DateOnly(2026, 12, 2),
            Sections = [new ReportSection("Every case", [new TableBlock(new ReportTable("Every case", [TableColumn.Text("Case"), TableColumn.Count("Events")], rows))])],
        };
        using var deck = PresentationDocument.Open(new MemoryStream(PptxReport.Render(doc)), false);
        string notes = string.Join("\n", deck.PresentationPart!.SlideParts.Where(s => s.NotesSlidePart is not null)
            .SelectMany(s => s.NotesSlidePart!.NotesSlide.Descendants<A.Text>().Select(t => t.Text)));
        Assert.Contains("and 7,258 more rows", notes, StringComparison.Ordinal);
        Assert.DoesNotContain("7258", notes, StringComparison.Ordinal);
        string slides = string.Join(" ", deck.PresentationPart!.SlideParts.SelectMany(s => s.Slide.Descendants<A.Text>().Select(t => t.Text)));
        Assert.Contains("of 7,318", slides, StringComparison.Ordinal);
        Assert.DoesNotContain("7318", slides, StringComparison.Ordinal);
    }
}
