using System.Text;
using Stepwise.Mining.Attributes;
using Stepwise.Mining.IO;
using Stepwise.Mining.Time;

namespace Stepwise.Mining.Tests;

public class CsvReaderTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static DateTime Utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) => new(y, mo, d, h, mi, s, DateTimeKind.Utc);

    private static DateTime TimeOf(EventLog log, string caseId, int index) => new(log.Times[log.CaseStart(log.IndexOfCase(caseId)) + index], DateTimeKind.Utc);

    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData('|')]
    public void Read_Delimiters_DetectedFromHeader(char d)
    {
        string path = _files.Write("log.csv", $"case{d}activity{d}timestamp{d}resource\n1{d}A{d}2020-01-01T10:00:00{d}ann\n1{d}B{d}2020-01-01T11:00:00{d}bob\n");
        var import = EventLogFile.Read(path);
        Assert.Equal(d, import.Report.Delimiter);
        Assert.Equal(2, import.Log.EventCount);
        Assert.Equal(["A", "B"], import.Log.ActivityNames);
    }

    [Fact]
    public void Read_QuotedFields_DelimitersQuotesAndLineBreaksKept()
    {
        string path = _files.Write("log.csv", "case,activity,timestamp,note\r\n\"c,1\",\"Say \"\"hi\"\"\",2020-01-01 10:00,\"two\r\nlines\"\r\n\"c,1\",B,2020-01-01 10:05,\"\"\r\n");
        var log = EventLogFile.Read(path).Log;
        Assert.Equal("c,1", log.CaseIds[0]);
        Assert.Equal("Say \"hi\"", log.ActivityNames[0]);
        var note = (StringColumn)log.EventAttributes["note"];
        Assert.Equal("two\r\nlines", note.GetString(0));
        Assert.Equal(string.Empty, note.GetString(1)); // a quoted empty field is an empty text, not missing
    }

    [Fact]
    public void Read_Utf16WithBom_AndLatin1_Detected()
    {
        string text = "case,activity,timestamp\nx,Café,2020-01-01T00:00:00Z\n";
        var utf16 = EventLogFile.Read(_files.Write("u16.csv", text, new UnicodeEncoding(false, true)));
        Assert.Equal("Café", utf16.Log.ActivityNames[0]);
        Assert.StartsWith("UTF-16", utf16.Report.Encoding, StringComparison.Ordinal);
        var latin = EventLogFile.Read(_files.WriteBytes("l1.csv", Encoding.Latin1.GetBytes(text)));
        Assert.Equal("Café", latin.Log.ActivityNames[0]);
        Assert.StartsWith("ISO-8859-1", latin.Report.Encoding, StringComparison.Ordinal);
        var bom = EventLogFile.Read(_files.Write("u8.csv", text, new UTF8Encoding(true)));
        Assert.Equal("case", bom.Report.Mapping[0]["case id: ".Length..]);
    }

    [Theory]
    [InlineData("2016-02-13T09:21:00", 2016, 2, 13, 9, 21, 0)]
    [InlineData("2016-02-13 09:21:00.5", 2016, 2, 13, 9, 21, 0)]
    [InlineData("2016-02-13T10:21:00+01:00", 2016, 2, 13, 9, 21, 0)]
    [InlineData("2016-02-13T09:21:00Z", 2016, 2, 13, 9, 21, 0)]
    [InlineData("13/02/2016 09:21", 2016, 2, 13, 9, 21, 0)]
    [InlineData("1455355260", 2016, 2, 13, 9, 21, 0)]
    [InlineData("1455355260000", 2016, 2, 13, 9, 21, 0)]
    public void Read_TimestampForms_Detected(string value, int y, int mo, int d, int h, int mi, int s)
    {
        // Each file has a second row that makes the form unambiguous (e.g. day 25 for day-first).
        string second = value.Contains('/', StringComparison.Ordinal) ? "25/02/2016 09:21" : value.Length >= 10 && char.IsDigit(value[4]) ? value : value;
        string path = _files.Write("t.csv", $"case,activity,timestamp\n1,A,{value}\n2,A,{second}\n");
        var log = EventLogFile.Read(path).Log;
        var t = TimeOf(log, "1", 0);
        Assert.Equal(Utc(y, mo, d, h, mi, s), new DateTime(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc));
    }

    [Fact]
    public void Read_MonthFirstWithAmPm_Detected()
    {
        string path = _files.Write("t.csv", "case,activity,timestamp\n1,A,2/13/2016 9:21 PM\n1,B,2/14/2016 12:05 AM\n");
        var log = EventLogFile.Read(path).Log;
        Assert.Equal(Utc(2016, 2, 13, 21, 21), TimeOf(log, "1", 0));
        Assert.Equal(Utc(2016, 2, 14, 0, 5), TimeOf(log, "1", 1));
    }

    [Fact]
    public void Read_AmbiguousDayMonth_AsksForFormat_ThenExplicitFormatWorks()
    {
        string path = _files.Write("t.csv", "case,activity,timestamp\n1,A,03/04/2016 10:00\n1,B,05/06/2016 10:00\n");
        var error = Assert.Throws<EventLogFormatException>(() => EventLogFile.Read(path));
        Assert.Contains("day-first or month-first", error.Message, StringComparison.Ordinal);
        var dmy = EventLogFile.Read(path, new EventLogReadOptions { Csv = new CsvLogOptions { Timestamps = TimestampFormat.Parse("dmy") } }).Log;
        Assert.Equal(Utc(2016, 4, 3, 10, 0), TimeOf(dmy, "1", 0));
        var pattern = EventLogFile.Read(path, new EventLogReadOptions { Csv = new CsvLogOptions { Timestamps = TimestampFormat.Parse("MM/dd/yyyy HH:mm") } }).Log;
        Assert.Equal(Utc(2016, 3, 4, 10, 0), TimeOf(pattern, "1", 0));
    }

    [Fact]
    public void Read_NaiveTimesInZone_ConvertedToUtc()
    {
        string path = _files.Write("t.csv", "case,activity,timestamp\n1,A,2016-07-01 10:00\n1,B,2016-01-01 10:00\n");
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var log = EventLogFile.Read(path, new EventLogReadOptions { Csv = new CsvLogOptions { Timestamps = TimestampFormat.Auto with { NaiveTimeZone = zone } } }).Log;
        Assert.Equal(Utc(2016, 1, 1, 10, 0), TimeOf(log, "1", 0)); // winter: GMT
        Assert.Equal(Utc(2016, 7, 1, 9, 0), TimeOf(log, "1", 1)); // summer: BST = UTC+1
    }

    [Fact]
    public void Read_MissingMarkers_AreNulls_AndTypesInferred()
    {
        string path = _files.Write("t.csv", "case,activity,timestamp,priority,cost,vip,note\n1,A,2020-01-01,1,2.5,true,?\n1,B,2020-01-02,NULL,NA,false,x\n2,A,2020-01-03,007,,true,N/A\n");
        var log = EventLogFile.Read(path).Log;
        Assert.Equal(AttributeKind.String, log.EventAttributes["priority"].Kind); // 007 keeps its zeros
        var cost = (FloatColumn)log.EventAttributes["cost"];
        Assert.Equal(2.5, cost.Get(0));
        Assert.True(cost.IsNull(1));
        Assert.True(cost.IsNull(2));
        Assert.Equal(AttributeKind.Boolean, log.EventAttributes["vip"].Kind);
        Assert.Equal(1, log.EventAttributes["note"].Count - Enumerable.Range(0, 3).Count(i => log.EventAttributes["note"].IsNull(i)));
    }

    [Fact]
    public void Read_ColumnOverrides_AndCaseAttributes()
    {
        string path = _files.Write("t.csv", "ticket,status,changed,agent,channel\nT1,open,2020-01-01,a,phone\nT1,closed,2020-01-02,b,phone\nT2,open,2020-01-01,a,email\n");
        var options = new EventLogReadOptions { Csv = new CsvLogOptions { CaseColumn = "ticket", ActivityColumn = "status", TimestampColumn = "changed", ResourceColumn = "agent", CaseAttributeColumns = ["channel"] } };
        var log = EventLogFile.Read(path, options).Log;
        Assert.Equal(2, log.CaseCount);
        var channel = (StringColumn)log.CaseAttributes["channel"];
        Assert.Equal("phone", channel.GetString(log.IndexOfCase("T1")));
        Assert.Equal("email", channel.GetString(log.IndexOfCase("T2")));
        Assert.Equal(["a", "b"], log.ResourceNames);
    }

    [Fact]
    public void Read_CaseAttributeWithTwoValues_IsRejectedNamingTheCase()
    {
        string path = _files.Write("t.csv", "case,activity,timestamp,case:channel\nT1,open,2020-01-01,phone\nT1,closed,2020-01-02,email\n");
        var error = Assert.Throws<EventLogFormatException>(() => EventLogFile.Read(path));
        Assert.Contains("'T1'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_StartCompleteLifecycle_PairedIntoInstances()
    {
        string path = _files.Write("t.csv", "case,activity,timestamp,lifecycle:transition\n1,Call,2020-01-01T09:00:00Z,start\n1,Call,2020-01-01T09:10:00Z,complete\n1,Note,2020-01-01T09:12:00Z,complete\n1,Call,2020-01-01T10:00:00Z,start\n");
        var import = EventLogFile.Read(path);
        var log = import.Log;
        Assert.Equal(3, log.EventCount); // paired call, note, and the start never completed
        Assert.Equal(1, import.Report.PairedLifecycles);
        Assert.Equal(Utc(2020, 1, 1, 9, 0), new DateTime(log.StartTimes[0], DateTimeKind.Utc));
        Assert.Equal(Utc(2020, 1, 1, 9, 10), new DateTime(log.Times[0], DateTimeKind.Utc));
        Assert.Equal(1, import.Report.Lifecycle.Unfinished);
        Assert.Contains(import.Report.Warnings, w => w.Contains("1 started instances were never completed", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_OutOfOrderRows_SortedStablyAndReported()
    {
        string path = _files.Write("t.csv", "case,activity,timestamp\n1,C,2020-01-03\n1,A,2020-01-01\n1,B,2020-01-01\n2,X,2019-12-31\n");
        var import = EventLogFile.Read(path);
        var log = import.Log;
        Assert.Equal("2", log.CaseIds[0]); // cases ordered by first event
        Assert.Equal(["A", "B", "C"], log.CaseActivities(1).ToArray().Select(a => log.ActivityNames[a]));
        Assert.Contains(import.Report.Warnings, w => w.Contains("out of time order", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_GzipAndZip_ReadDirectly()
    {
        string text = "case,activity,timestamp\n1,A,2020-01-01\n1,B,2020-01-02\n";
        Assert.Equal(2, EventLogFile.Read(_files.WriteGzip("log.csv.gz", text)).Log.EventCount);
        Assert.Equal(2, EventLogFile.Read(_files.WriteZip("log.csv.zip", ("data/log.csv", text), ("__MACOSX/._log.csv", "junk"))).Log.EventCount);
        var two = _files.WriteZip("two.zip", ("a.csv", text), ("b.csv", text));
        Assert.Contains("name the one to read", Assert.Throws<EventLogFormatException>(() => EventLogFile.Read(two, new EventLogReadOptions { Format = EventLogFormat.Csv })).Message, StringComparison.Ordinal);
        Assert.Equal(2, EventLogFile.Read(two, new EventLogReadOptions { Format = EventLogFormat.Csv, Csv = new CsvLogOptions { ZipEntry = "b.csv" } }).Log.EventCount);
    }

    [Fact]
    public void Read_LargeFileWithQuotedLineBreaksAcrossChunks_SameAsSerial()
    {
        // Over 8 MB so the parallel reader splits it; quoted fields with line breaks everywhere, so some fall on
        // the split points.
        var text = new StringBuilder("case,activity,timestamp,comment\n");
        var rng = new Random(7);
        for (int i = 0; i < 250_000; i++)
        {
            string comment = rng.NextDouble() < 0.5 ? "\"line one\nline, two\n\"\"three\"\"\"" : "plain";
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"c{i % 5000},A{rng.Next(10)},2020-01-01T00:00:{i % 60:00}Z,{comment}\n");
        }

        string path = _files.Write("big.csv", text.ToString());
        Assert.True(new FileInfo(path).Length > 8 << 20);
        var parallel = EventLogFile.Read(path).Log;
        var serial = EventLogFile.Read(path, new EventLogReadOptions { Csv = new CsvLogOptions { Parallel = false } }).Log;
        Assert.Equal(250_000, parallel.EventCount);
        LogAssert.Equal(serial, parallel);
    }
}

public class AttributeColumnTests
{
    [Fact]
    public void StringColumn_PublicConstructor_CountsEveryRow()
    {
        var column = new Attributes.StringColumn("channel", [0, -1, 1], new NameTable(["phone", "email"]));
        Assert.Equal(3, column.Count);
        Assert.Equal(["phone", null, "email"], Enumerable.Range(0, 3).Select(column.GetString));
        Assert.Equal(3, column.Gather([2, 1, 0]).Count);
    }
}
