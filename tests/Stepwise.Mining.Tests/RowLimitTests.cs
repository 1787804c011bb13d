using Stepwise.Mining.IO;
using Stepwise.Testing;

namespace Stepwise.Mining.Tests;

/// <summary>
/// The row bound of the read options (<see cref="EventLogReadOptions.MaxRows"/>) on real logs whose counts are published:
/// a file with exactly the bound is read whole, one with a row more is refused naming the file and the bound.
/// </summary>
public class RowLimitTests
{
    [Fact]
    public void Xes_Helpdesk_ReadAtItsEventCount_RefusedOneBelow()
    {
        string path = SharedData.PathOf("eventlogs/helpdesk.xes.gz"); // published: 21,348 events

        var read = EventLogFile.Read(path, new EventLogReadOptions { MaxRows = 21348 });
        var refused = Assert.Throws<EventLogFormatException>(() => EventLogFile.Read(path, new EventLogReadOptions { MaxRows = 21347 }));

        Assert.Equal(21348, read.Log.EventCount);
        Assert.True(refused.LimitExceeded);
        Assert.Contains("helpdesk.xes.gz", refused.Message, StringComparison.Ordinal);
        Assert.Contains("more than 21,347 events", refused.Message, StringComparison.Ordinal);
        Assert.Contains("--max-rows", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StreamedCsv_ServiceNowExport_ReadAtItsRowCount_RefusedOneBelow()
    {
        string path = SharedData.PathOf("eventlogs/incident_event_log.csv.zip"); // UCI #498: 141,712 rows
        var options = new EventLogReadOptions
        {
            Csv = new CsvLogOptions { CaseColumn = "number", ActivityColumn = "incident_state", TimestampColumn = "sys_updated_at", ResourceColumn = "sys_updated_by" },
        };

        var read = EventLogFile.Read(path, options with { MaxRows = 141712 });
        var refused = Assert.Throws<EventLogFormatException>(() => EventLogFile.Read(path, options with { MaxRows = 141711 }));

        Assert.Equal(141712, read.Log.EventCount);
        Assert.True(refused.LimitExceeded);
        Assert.Contains("incident_event_log.csv.zip", refused.Message, StringComparison.Ordinal);
        Assert.Contains("more than 141,711 rows", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlainCsv_CountsRowsNotLines_AndBadRowsCount()
    {
        using var files = new TempFiles();
        string path = files.Write("tickets.csv", "case,activity,timestamp,note\nT1,Open,2024-01-02T09:00:00Z,\"two\nlines\"\nT1,Close,2024-01-02T10:00:00Z,\nT2,Open,not a time,\n");

        var read = EventLogFile.Read(path, new EventLogReadOptions { MaxRows = 3, BadRows = BadRowPolicy.Skip });
        var refused = Assert.Throws<EventLogFormatException>(() => EventLogFile.Read(path, new EventLogReadOptions { MaxRows = 2, BadRows = BadRowPolicy.Skip }));

        Assert.Equal(2, read.Log.EventCount); // three rows on four lines, one of them bad and skipped
        Assert.True(refused.LimitExceeded);
        Assert.Contains("more than 2 rows", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RowLimit_OfZero_IsRefused()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new EventLogReadOptions { MaxRows = 0 });
}
