using Stepwise.Mining.IO;

namespace Stepwise.Mining.Tests;

/// <summary>Column roles recognised from header names in English, French and German, and from the values when the
/// names say nothing; every role still missing reported at once with the columns that could fill it.</summary>
public class ColumnRoleTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Read_TimestampColumnCalledChanged_RecognisedFromItsValues()
    {
        string path = _files.Write("t.csv", "Ticket,Status,Changed,Owner\nT1,New,2020-01-01 09:00,ann\nT1,Closed,2020-01-02 10:00,bob\nT2,New,2020-01-03 09:00,ann\n");
        var import = EventLogFile.Read(path);
        Assert.Contains("timestamp: Changed (recognised from its values)", import.Report.Mapping);
        Assert.Contains("case id: Ticket", import.Report.Mapping);
        Assert.Contains("resource: Owner", import.Report.Mapping);
        Assert.Equal(3, import.Log.EventCount);
    }

    [Fact]
    public void Read_ContactDateBesideACreationDate_TheDateThatVariesWithinCasesIsTheEventTime()
    {
        // CaseRef repeats (a case id by its values); Created is one date per case (a case attribute), ContactDate
        // changes from event to event: the event time.
        string path = _files.Write("t.csv", "CaseRef;Activity;Created;ContactDate\n"
            + "R-1;Call;01/03/2021;01/03/2021 09:00\nR-1;Mail;01/03/2021;02/03/2021 10:30\nR-1;Call;01/03/2021;15/03/2021 08:00\n"
            + "R-2;Call;05/03/2021;05/03/2021 11:00\nR-2;Close;05/03/2021;06/03/2021 12:00\n");
        var import = EventLogFile.Read(path);
        Assert.Contains("timestamp: ContactDate (recognised from its values)", import.Report.Mapping);
        Assert.Contains("case id: CaseRef (recognised from its values)", import.Report.Mapping);
        Assert.Equal(2, import.Log.CaseCount);
        Assert.Equal(new DateTime(2021, 3, 15, 8, 0, 0, DateTimeKind.Utc).Ticks, import.Log.Times[2]);
    }

    [Theory]
    [InlineData("Numéro de dossier;Étape;Horodatage;Intervenant")]
    [InlineData("N° dossier;Activité;Date;Responsable")]
    [InlineData("Vorgangsnummer;Tätigkeit;Zeitstempel;Bearbeiter")]
    [InlineData("Fallnummer;Aktivität;Zeitpunkt;Mitarbeiter")]
    public void Read_FrenchAndGermanHeaders_Recognised(string header)
    {
        string path = _files.Write("t.csv", header + "\nA1;Eingang;2021-03-01 09:00;Kim\nA1;Prüfung;2021-03-02 10:00;Lou\n");
        var import = EventLogFile.Read(path);
        Assert.Equal(2, import.Log.EventCount);
        Assert.Equal(1, import.Log.CaseCount);
        Assert.Equal(2, import.Log.ResourceNames.Count);
        Assert.DoesNotContain(import.Report.Mapping, m => m.Contains("recognised from its values", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_SeveralRolesMissing_AllReportedWithCandidatesAndOptions()
    {
        // Two id-like columns and two dates that both change within cases, and (in six rows) no column with few
        // enough values to be sure it names activities: nothing can be chosen safely.
        string path = _files.Write("t.csv", "Key,Ref,Label,Opened,Updated\n"
            + "k1,r1,New,2021-01-01,2021-01-02\nk1,r1,Done,2021-01-03,2021-01-04\nk2,r2,New,2021-01-05,2021-01-06\nk2,r2,Done,2021-01-07,2021-01-08\n"
            + "k3,r3,New,2021-01-09,2021-01-10\nk3,r3,Done,2021-01-11,2021-01-12\n");
        var error = Assert.Throws<EventLogFormatException>(() => EventLogFile.Read(path));
        Assert.Contains("no column was recognised for the case id (--case) or the activity (--activity) or the timestamp (--timestamp) among: Key, Ref, Label, Opened, Updated.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Columns that could be the case id: Key, Ref, Label.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Columns that could be the timestamp: Opened, Updated.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Name them with --case and --activity and --timestamp.", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.TotalIssues);
    }

    [Fact]
    public void Read_NamedColumnMissing_NamesTheOptionAsTyped()
    {
        string path = _files.Write("t.csv", "case,activity,timestamp\n1,A,2020-01-01\n");
        var error = Assert.Throws<EventLogFormatException>(() => EventLogFile.Read(path, new EventLogReadOptions { Csv = new CsvLogOptions { ResourceColumn = "agent" } }));
        Assert.Contains("there is no column 'agent' for the resource (--resource)", error.Message, StringComparison.Ordinal);
        var bad = Assert.Throws<EventLogFormatException>(() => EventLogFile.Read(_files.Write("b.csv", "case,activity,timestamp\n1,A,2020-01-01\n2,B,yesterday\n")));
        Assert.Contains("yesterday", bad.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("column option", bad.Message, StringComparison.Ordinal);
    }
}
