using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Stepwise.Workbench.Reports;
using UglyToad.PdfPig;

namespace Stepwise.Workbench.Tests.Reports;

/// <summary>
/// The packs of the review demo.sh builds (three options, three risks, three KPIs, the change monitored): the board
/// paper keeps to two pages with everything it must carry and no text too small to read or drawn over other text; the
/// team briefing and the workbook carry the monitoring of the change, its case counts checked against the log file.
/// </summary>
public sealed class DemoReportTests
{
    /// <summary>The smallest type a printed board paper may use, in points (captions and notes are 7.5 pt).</summary>
    private const double SmallestPoints = 7.4;

    private static HelpdeskReview R => DemoReview.Instance.R;

    private static ReportFile Build(string audience, string format, string? team = null)
        => R.Bench.Reports.Build(R.Lead, R.Id, new ReportRequest { Audience = audience, Format = format, Team = team });

    [Fact]
    public void SeniorManagers_Pdf_OfTheDemoReview_TwoPagesWithEverythingReadable()
    {
        var file = Build("senior-managers", "pdf");
        string path = ReportOutputs.SavePdf("demo-" + file.FileName, file.Content);
        string text = ReportPackTests.PdfText(file.Content, out int pages);

        Assert.True(pages <= 2, $"{pages} pages ({path})");
        // The problem in numbers.
        var (cases, median) = Reference.Scope();
        Assert.Contains(cases.ToString("N0", CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.Contains($"{median.ToString("0.0", CultureInfo.InvariantCulture)} d", text, StringComparison.Ordinal);
        foreach (var figure in new[] { "Cost of the steps", "Cases with rework", "Service-level breaches", "Customer satisfaction" })
        {
            Assert.Contains(figure, text, StringComparison.Ordinal);
        }

        // The options with their intervals, the matrix, the cost-benefit.
        foreach (var option in new[] { "no waiting step", "halve rework", "automate triage" })
        {
            Assert.Contains(option, text, StringComparison.Ordinal);
        }

        Assert.Contains("95% interval", text, StringComparison.Ordinal);
        Assert.Contains("Weighted", text, StringComparison.Ordinal);
        Assert.Contains(Reference.Npv(9000, 3500 - 1000, 5, 0.05).ToString("N0", CultureInfo.InvariantCulture) + " EUR", text, StringComparison.Ordinal);
        Assert.Contains("\u2212" + Math.Abs(Reference.Npv(18000, 5200 - 2500, 5, 0.05)).ToString("N0", CultureInfo.InvariantCulture) + " EUR", text, StringComparison.Ordinal);
        Assert.Contains("Payback", text, StringComparison.Ordinal);
        // The three risks, the recommendation and the decision, the plan and the budget.
        // (A table cell wraps, and the text of a row reads across its cells line by line: the risks' first words.)
        foreach (var risk in new[] { "Customers who reply late", "Agents skip the checklist", "Ticket volume rises during" })
        {
            Assert.Contains(risk, text, StringComparison.Ordinal);
        }

        Assert.Contains("Agreed: Stop parking tickets in Wait.", text, StringComparison.Ordinal);
        Assert.Contains("Plan: 3 tasks from 1 April 2026 to 30 April 2026; 3 done.", text, StringComparison.Ordinal);
        Assert.Contains("25,000 EUR", text, StringComparison.Ordinal);
        // Did it work: the plan's KPIs with their verdicts, on the periods counted from the log file.
        Assert.Contains("Did the change work?", text, StringComparison.Ordinal);
        Assert.Contains("Median resolution", text, StringComparison.Ordinal);
        Assert.Contains("Tickets reworked", text, StringComparison.Ordinal);
        var (before, after) = Reference.Split(DemoReview.ChangeDate, DemoReview.SettlingIn);
        Assert.Contains($"({before.ToString("N0", CultureInfo.InvariantCulture)} cases)", text, StringComparison.Ordinal);
        Assert.Contains($"({after.ToString("N0", CultureInfo.InvariantCulture)} cases)", text, StringComparison.Ordinal);

        // Every KPI the headline counts as worse is named, with its values before and after in words.
        var worse = DemoReview.Instance.Run.Kpis.Where(k => k.Verdict == Stepwise.Review.Monitoring.ChangeVerdict.Worse).ToList();
        Assert.NotEmpty(worse);
        Assert.Contains($"{worse.Count} got worse", text, StringComparison.Ordinal);
        string flat = text.Replace("\n", " ", StringComparison.Ordinal);
        var shown = R.Bench.Reports.Document(R.Lead, R.Id, new ReportRequest { Audience = "senior-managers", Format = "pdf" })
            .Sections.Single(s => s.Heading == "Did the change work?").Blocks.OfType<Stepwise.Reports.TableBlock>().Single().Table.Rows.Select(r => r[0].Text).ToHashSet();
        foreach (var k in worse)
        {
            // In the table with its before and after, or in the line under it.
            string verb = k.After > k.Before ? "rose" : "fell";
            Assert.True(shown.Contains(k.Name) || flat.Contains($"{k.Name} {verb} from ", StringComparison.Ordinal), $"'{k.Name}' got worse but is not named ({path})");
        }

        using var document = PdfDocument.Open(file.Content);
        for (int p = 1; p <= document.NumberOfPages; p++)
        {
            var page = document.GetPage(p);
            var smallest = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).MinBy(l => l.PointSize)!;
            Assert.True(smallest.PointSize >= SmallestPoints, $"page {p}: '{smallest.Value}' at {smallest.PointSize:0.0} pt ({path})");
            AssertNoWordsOverlap(page, p, path);
        }
    }

    [Fact]
    public void TeamLeaders_Pdf_OfTheDemoReview_SaysWhetherTheChangeWorked()
    {
        var file = Build("team-leaders", "pdf", team: "Tia Teamlead");
        string path = ReportOutputs.SavePdf("demo-" + file.FileName, file.Content);
        string text = ReportPackTests.PdfText(file.Content, out int pages);
        var run = DemoReview.Instance.Run;

        Assert.Contains("Did the change work?", text, StringComparison.Ordinal);
        foreach (var kpi in run.Kpis)
        {
            Assert.Contains(kpi.Name, text, StringComparison.Ordinal);
        }

        // The control chart of each plan KPI across the change, with its rules named.
        Assert.Contains(run.Kpis.Where(k => k.PlanKpi is not null), k => text.Contains(k.Name, StringComparison.Ordinal));
        using var document = PdfDocument.Open(file.Content);
        for (int p = 1; p <= pages; p++)
        {
            AssertNoWordsOverlap(document.GetPage(p), p, path);
        }
    }

    [Fact]
    public void Analysts_Xlsx_OfTheDemoReview_HasTheMonitoringAsTypedCells()
    {
        var file = Build("analysts", "xlsx");
        ReportOutputs.Save("demo-" + file.FileName, file.Content);
        var run = DemoReview.Instance.Run;
        using var xlsx = SpreadsheetDocument.Open(new MemoryStream(file.Content), false);
        var book = xlsx.WorkbookPart!;
        var sheet = book.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name!.Value!.StartsWith("Monitoring", StringComparison.Ordinal));
        var part = (WorksheetPart)book.GetPartById(sheet.Id!);
        var rows = part.Worksheet.Descendants<Row>().ToList();
        var header = Texts(book, rows[0]);
        Assert.Equal(["KPI", "Key", "Unit", "Plan KPI", "Before", "After", "Difference (after − before)"], header.Take(7));
        Assert.Contains("Difference, lower 95%", header);
        Assert.Contains("p, adjusted", header);
        Assert.Contains("Verdict", header);
        Assert.Equal(PaneStateValues.Frozen, part.Worksheet.Descendants<Pane>().Single().State!.Value);

        // One row per KPI (after the caption rows the writer puts above the header, if any).
        var body = rows.Skip(1).ToList();
        Assert.Equal(run.Kpis.Count, body.Count);
        var median = run.Kpis.First(k => k.Unit == "seconds" && k.Before is not null);
        var row = body.Single(r => Texts(book, r)[1] == median.Key);
        Assert.Equal("hours", Texts(book, row)[2]);
        var before = Cell(row, header.IndexOf("Before"));
        Assert.Equal(CellValues.Number, before.DataType!.Value);
        Assert.Equal(median.Before!.Value / 3600, double.Parse(before.CellValue!.Text, CultureInfo.InvariantCulture), 6);
        var rework = run.Kpis.First(k => k.Unit == "share" && k.Difference is not null);
        var reworkRow = body.Single(r => Texts(book, r)[1] == rework.Key);
        Assert.Equal(rework.Difference!.Value, double.Parse(Cell(reworkRow, header.IndexOf("Difference (after − before)")).CellValue!.Text, CultureInfo.InvariantCulture), 9);
        Assert.Equal(CellValues.Number, Cell(reworkRow, header.IndexOf("p")).DataType!.Value);

        // The periods the run compared are those counted here from the file.
        var (beforeCases, afterCases) = Reference.Split(DemoReview.ChangeDate, DemoReview.SettlingIn);
        Assert.Equal((beforeCases, afterCases), (run.Before.Cases, run.After.Cases));
    }

    /// <summary>No two words on a page are drawn over each other (their boxes overlap by more than a sliver).</summary>
    private static void AssertNoWordsOverlap(UglyToad.PdfPig.Content.Page page, int number, string path)
    {
        var words = page.GetWords().Where(w => w.Text.Trim().Length > 0).ToList();
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
                Assert.True(w * h <= 0.2 * smaller, $"page {number}: '{words[i].Text}' and '{words[j].Text}' overlap ({path})");
            }
        }
    }

    private static Cell Cell(Row row, int column)
        => row.Elements<Cell>().Single(c => c.CellReference!.Value!.TrimEnd("0123456789".ToCharArray()) == ColumnName(column));

    private static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ((char)('A' + (index / 26) - 1)).ToString() + (char)('A' + (index % 26));

    private static List<string> Texts(WorkbookPart book, Row row)
        => [.. row.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.DataType?.Value == CellValues.SharedString
            ? book.SharedStringTablePart!.SharedStringTable.ElementAt(int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)).InnerText
            : c.CellValue?.Text ?? string.Empty)];
}
