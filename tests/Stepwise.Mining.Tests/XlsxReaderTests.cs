using Stepwise.Mining.IO;
using Stepwise.Mining.Tests.Reference;
using Stepwise.Testing;

namespace Stepwise.Mining.Tests;

/// <summary>
/// .xlsx workbooks: a workbook written by an independent tool (Fixtures/make_helpdesk_xlsx.py, Python's standard
/// library) from the first 500 cases of the real help-desk log must give every event of those cases, as an independent
/// parse of the XES file reads them.
/// </summary>
public class XlsxReaderTests : IDisposable
{
    private static readonly string Workbook = Path.Combine(SharedData.RepositoryRoot, "tests", "Stepwise.Mining.Tests", "Fixtures", "helpdesk-500.xlsx");
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Read_WorkbookOfTheHelpdeskLog_SameEventsAsTheXes()
    {
        var import = EventLogFile.Read(Workbook);
        var log = import.Log;
        Assert.Equal(EventLogFormat.Xlsx, import.Report.Format);
        Assert.Contains("case id: Case ID", import.Report.Mapping);
        Assert.Contains("timestamp: Complete Timestamp", import.Report.Mapping);
        Assert.Contains("resource: Resource", import.Report.Mapping);
        Assert.Equal(500, log.CaseCount);
        Assert.Equal(2370, log.EventCount);

        // Every event of those 500 cases, in order, with its time to the second and its resource.
        var reference = ReferenceLog.FromXes(SharedData.PathOf("eventlogs/helpdesk.xes.gz")).Cases.Take(500).ToDictionary(c => c.CaseId, c => c.Events);
        var engine = ReferenceLog.FromEngine(log).Cases;
        Assert.Equal(reference.Count, engine.Count);
        foreach (var (id, events) in engine)
        {
            Assert.Equal(reference[id].Select(e => (e.Activity, e.Time, e.Resource)), events.Select(e => (e.Activity, e.Time, e.Resource)));
        }

        // Numbers stay numbers; the second sheet is not read.
        Assert.Equal(Attributes.AttributeKind.Integer, log.EventAttributes["Position"].Kind);
        Assert.NotNull(log.EventAttributes.Find("Workgroup"));
    }

    [Fact]
    public void Read_NamedSheet_OrAnUnknownOneListsTheSheets()
    {
        var notes = Assert.Throws<EventLogFormatException>(() => EventLogFile.Read(Workbook, new EventLogReadOptions { Csv = new CsvLogOptions { Sheet = "Notes" } }));
        Assert.Contains("helpdesk-500.xlsx", notes.Message, StringComparison.Ordinal);
        var unknown = Assert.Throws<EventLogFormatException>(() => EventLogFile.Read(Workbook, new EventLogReadOptions { Csv = new CsvLogOptions { Sheet = "Data" } }));
        Assert.Contains("the workbook has no sheet 'Data' (--sheet); its sheets are: 'Events', 'Notes'.", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(2370, EventLogFile.Read(Workbook, new EventLogReadOptions { Csv = new CsvLogOptions { Sheet = "events" } }).Log.EventCount);
    }

    [Theory]
    [InlineData(14, null, true)]
    [InlineData(22, null, true)]
    [InlineData(164, "yyyy\\-mm\\-dd hh:mm:ss", true)]
    [InlineData(165, "dd/mm/yyyy", true)]
    [InlineData(166, "[h]:mm:ss", false)]
    [InlineData(167, "0.00", false)]
    [InlineData(168, "\"Day \"0", false)]
    [InlineData(0, null, false)]
    [InlineData(49, null, false)]
    public void DateFormats_BuiltInAndCustom(int id, string? code, bool isDate)
        => Assert.Equal(isDate, IO.Xlsx.XlsxSheet.Styles.IsDateFormat(id, code));
}
