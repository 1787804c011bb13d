using Stepwise.Mining.IO;
using Stepwise.Testing;

namespace Stepwise.Mining.Tests;

/// <summary>
/// A contact centre's call records read as an event log: one row per call with its times of entry, start and exit in
/// columns. The columns offered as the case id lead with the id column unique per row and leave out times of day and
/// durations; the message says the file is call records and what reads them.
/// </summary>
public sealed class CallRecordColumnTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void BankCallRecords_CaseIdSuggestions_CallIdFirst_NoTimesOrDurations_AndTheCallRecordsReaderNamed()
    {
        var error = Assert.Throws<EventLogFormatException>(() => EventLogFile.Read(SharedData.PathOf("contact-centre/anonymous_bank_february_1999.txt")));

        Assert.Contains("Columns that could be the case id: call_id, customer_id.", error.Message, StringComparison.Ordinal);
        Assert.Contains("The file looks like one row per contact with its times of entry, start and exit in columns (vru_entry, vru_exit, q_start, q_exit, ser_start, ser_exit)", error.Message, StringComparison.Ordinal);
        Assert.Contains("'stepwise simulate FILE --call-records'", error.Message, StringComparison.Ordinal);
        // The rest of the message as before: what is missing, the activity's candidates, the options to name.
        Assert.Contains("no column was recognised for the case id (--case) or the activity (--activity)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Name them with --case and --activity.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OneRowPerResponse_TimeOfDayAndDurationColumns_AreNotOfferedAsTheCaseId()
    {
        // survey_id differs on every row; clock and wait_time repeat as ids do, but are a time of day and a duration.
        string path = _files.Write("t.csv", "survey_id,queue,clock,wait_time,note\n"
            + "t1,A,0:00:00,0,x\nt2,A,0:00:00,0,y\nt3,B,7:02:47,12,x\nt4,B,7:02:47,12,y\nt5,A,0:00:00,0,x\nt6,B,7:02:47,12,y\n");

        var error = Assert.Throws<EventLogFormatException>(() => EventLogFile.Read(path));

        Assert.Contains("Columns that could be the case id: survey_id, queue, note.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("looks like one row per contact", error.Message, StringComparison.Ordinal);
    }
}
