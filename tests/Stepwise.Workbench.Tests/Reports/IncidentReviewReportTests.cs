using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Stepwise.Mining.IO;
using Stepwise.Testing;
using Stepwise.Workbench.Data;
using Stepwise.Workbench.Logs;
using Stepwise.Workbench.Reports;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Workbench.Tests.Reports;

/// <summary>
/// Reports of a review of the real ServiceNow incident export (24,918 incidents, 141,712 state changes, published
/// counts), checked against those counts, the file's pinned SHA-256, and figures computed here from the log.
/// </summary>
public sealed class IncidentReviewReportTests
{
    private static readonly string File = SharedData.PathOf("eventlogs/incident_event_log.csv.zip");
    private const string PinnedSha256 = "b2c1ef2bf8b1246eb8967b96c62512a840a014935962984fd4f6f9b77d9afe99";
    private static readonly LogReadRequest Read = new() { Case = "number", Activity = "incident_state", Timestamp = "sys_updated_at", Resource = "sys_updated_by" };
    private static readonly Lazy<(Workbench Bench, Access.Actor Lead, Guid Id)> Review = new(Build);
    private static readonly EventLogReadOptions Options = new()
    {
        Csv = new CsvLogOptions { CaseColumn = "number", ActivityColumn = "incident_state", TimestampColumn = "sys_updated_at", ResourceColumn = "sys_updated_by" },
    };

    private static (Workbench, Access.Actor, Guid) Build()
    {
        var f = new BenchFixture();
        var lead = f.User("lead", "Lena Lead");
        var sam = f.User("sam", "Sam Sponsor");
        var b = f.Bench;
        var id = b.Reviews.Create(lead, new NewReview { Title = "Incident management", Aims = ["Resolve incidents within their service level"] }).Id;
        b.Reviews.SetMember(lead, id, new NewMember { User = "sam", Role = "approver" });
        b.Reviews.SaveStakeholder(lead, id, new NewStakeholder { Name = "Sam Sponsor", Group = "senior-managers", Role = "accountable", Account = "sam" });
        b.Reviews.SaveScope(lead, id, new ScopeRequest { Allow = ["automate", "reduce-rework"] });
        b.Reviews.SignOff(sam, id, new SignOffRequest { Artefact = "scope", Decision = "approve" });
        b.Reviews.MoveStage(lead, id, "analyse");
        b.Data.Import(lead, id, new ImportRequest { Path = File, Read = Read });
        return (b, lead, id);
    }

    [Fact]
    public void SeniorManagers_Pdf_PublishedCountsAndAnIndependentMedian()
    {
        Assert.Equal(PinnedSha256, SharedData.Sha256(File));
        var (bench, lead, id) = Review.Value;
        var file = bench.Reports.Build(lead, id, new ReportRequest { Audience = "senior-managers", Format = "pdf" });
        ReportOutputs.Save("incident-" + file.FileName, file.Content);
        string text = ReportPackTests.PdfText(file.Content, out int pages);
        Assert.True(pages <= 2, $"{pages} pages");
        Assert.Contains("24,918", text, StringComparison.Ordinal);
        Assert.Contains($"Data: incident_event_log.csv.zip (SHA-256 {PinnedSha256[..12]}...), 24,918 of 24,918 cases", text, StringComparison.Ordinal);

        var log = EventLogFile.Read(File, Options).Log;
        var days = Enumerable.Range(0, log.CaseCount).Select(c => (log.CaseEndTime(c) - log.CaseStartTime(c)) / (double)TimeSpan.TicksPerDay).Order().ToList();
        double median = days.Count % 2 == 1 ? days[days.Count / 2] : (days[(days.Count / 2) - 1] + days[days.Count / 2]) / 2;
        var unit = median < 3 ? "h" : "d";
        string shown = unit == "h" ? (median * 24).ToString("0.0", CultureInfo.InvariantCulture) + " h" : median.ToString("0.0", CultureInfo.InvariantCulture) + " d";
        Assert.Contains($"Half the cases take more than {shown} to close", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Partners_HandoversBetweenAssignmentGroups_EqualThoseCountedFromTheFile()
    {
        var (bench, lead, id) = Review.Value;
        var file = bench.Reports.Build(lead, id, new ReportRequest { Audience = "partners", Format = "xlsx", HandoverBy = "assignment_group" });
        var log = EventLogFile.Read(File, Options).Log;
        var expected = Reference.Handovers(log, "assignment_group", onlyClosed: false);
        using var xlsx = SpreadsheetDocument.Open(new MemoryStream(file.Content), false);
        var book = xlsx.WorkbookPart!;
        var sheet = book.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name!.Value!.StartsWith("Hand-overs", StringComparison.Ordinal));
        var rows = ((WorksheetPart)book.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().Skip(1)
            .Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "").ToList()).ToList();
        Assert.Equal(15, rows.Count);
        foreach (var row in rows)
        {
            Assert.Equal(expected[(row[0], row[1])], int.Parse(row[2], CultureInfo.InvariantCulture));
        }

        Assert.Equal(expected.Values.OrderDescending().Take(15), rows.Select(r => int.Parse(r[2], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Analysts_Xlsx_ProvenanceNamesTheFileAndItsHash()
    {
        var (bench, lead, id) = Review.Value;
        var file = bench.Reports.Build(lead, id, new ReportRequest { Audience = "analysts" });
        Assert.Equal(ReportFormat.Xlsx, file.Format);
        using var xlsx = SpreadsheetDocument.Open(new MemoryStream(file.Content), false);
        var book = xlsx.WorkbookPart!;
        var first = book.Workbook.Sheets!.Elements<Sheet>().First();
        string all = string.Join(" ", ((WorksheetPart)book.GetPartById(first.Id!)).Worksheet.Descendants<Cell>().Select(c => c.InnerText));
        Assert.Contains(PinnedSha256, all, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("incident_event_log.csv.zip", all, StringComparison.Ordinal);
        Assert.Contains("24,918 cases, 141,712 events", all, StringComparison.Ordinal);
    }
}
