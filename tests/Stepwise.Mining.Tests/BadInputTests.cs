using System.Text;
using Stepwise.Mining.IO;
using Stepwise.Testing;

namespace Stepwise.Mining.Tests;

/// <summary>Bad input gets a clear error naming the file, the position and the problem, and never a partial log.</summary>
public class BadInputTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private EventLogFormatException Reject(string path, EventLogReadOptions? options = null)
        => Assert.Throws<EventLogFormatException>(() => EventLogFile.Read(path, options));

    [Fact]
    public void Read_TruncatedGzipXes_ReportsTruncation()
    {
        var bytes = File.ReadAllBytes(SharedData.PathOf("eventlogs/helpdesk.xes.gz"));
        string path = _files.WriteBytes("cut.xes.gz", bytes[..(bytes.Length / 2)]);
        var error = Reject(path);
        Assert.StartsWith("cut.xes.gz:", error.Message, StringComparison.Ordinal);
        Assert.Matches("truncated|ends (early|inside)", error.Message);
    }

    [Fact]
    public void Read_TruncatedGzipCsv_ReportsTruncation()
    {
        var text = new StringBuilder("case,activity,timestamp\n");
        for (int i = 0; i < 20000; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"c{i},A,2020-01-01T00:00:00Z\n");
        }

        var full = File.ReadAllBytes(_files.WriteGzip("full.csv.gz", text.ToString()));
        // Cut at a point where the compressed stream still decodes whole rows: without the trailer check this
        // would silently import part of the file.
        string path = _files.WriteBytes("cut.csv.gz", full[..(full.Length * 3 / 4)]);
        var error = Reject(path);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InvalidUtf8_NamesLineAndColumn()
    {
        var bytes = Encoding.UTF8.GetBytes("case,activity,timestamp\n1,Caf\u00e9,2020-01-01\n2,Bad");
        bytes = [.. bytes, 0xC3, 0x28, .. Encoding.UTF8.GetBytes(",2020-01-02\n")];
        string path = _files.WriteBytes("bad.csv", bytes);
        var error = Reject(path, new EventLogReadOptions { Csv = new CsvLogOptions { Encoding = TextEncodingChoice.Utf8 } });
        Assert.Equal(3, error.Line);
        Assert.Contains("invalid UTF-8", error.Message, StringComparison.Ordinal);
        Assert.Contains("column 6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InvalidUtf8AfterValidStart_IsAnErrorNotLatin1()
    {
        // The first 64 KiB are valid UTF-8, so the file is taken as UTF-8; a bad byte later is an error, not a guess.
        var text = new StringBuilder("case,activity,timestamp\n");
        for (int i = 0; i < 5000; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"c{i},Caf\u00e9,2020-01-01T00:00:00Z\n");
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString()).Concat(new byte[] { (byte)'x', (byte)',', 0xE9, (byte)',', (byte)'2', (byte)'0', (byte)'2', (byte)'0', (byte)'-', (byte)'0', (byte)'1', (byte)'-', (byte)'0', (byte)'1', (byte)'\n' }).ToArray();
        var error = Reject(_files.WriteBytes("late.csv", bytes));
        Assert.Equal(5002, error.Line);
    }

    [Fact]
    public void Read_UnterminatedQuote_NamesTheLine()
    {
        string path = _files.Write("q.csv", "case,activity,timestamp\n1,A,2020-01-01\n2,\"B,2020-01-02\n3,C,2020-01-03\n");
        var error = Reject(path);
        Assert.Equal(3, error.Line);
        Assert.Contains("unterminated quote", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoTimestampColumn_SaysWhichRoleIsMissing()
    {
        string path = _files.Write("t.csv", "case,activity,agent\n1,A,x\n");
        var error = Reject(path);
        Assert.Contains("no column was recognised for the timestamp (--timestamp)", error.Message, StringComparison.Ordinal);
        Assert.Contains("case, activity, agent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownNamedColumn_ListsTheHeader()
    {
        string path = _files.Write("t.csv", "case,activity,timestamp\n1,A,2020-01-01\n");
        var error = Reject(path, new EventLogReadOptions { Csv = new CsvLogOptions { ResourceColumn = "agent" } });
        Assert.Contains("no column 'agent'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TwoMillionCharacterField_ImportsIt()
    {
        string big = new('x', 2_000_000);
        string path = _files.Write("big.csv", $"case,activity,timestamp,comment\n1,A,2020-01-01,\"{big}\"\n1,B,2020-01-02,{big}\n");
        var log = EventLogFile.Read(path).Log;
        Assert.Equal(2_000_000, log.EventAttributes["comment"].Format(0)!.Length);
        Assert.Equal(2_000_000, log.EventAttributes["comment"].Format(1)!.Length);
    }

    [Fact]
    public void Read_FieldOverTheLimit_IsABadRowNamingLineAndColumn()
    {
        string big = new('x', 5000);
        string path = _files.Write("big.csv", $"case,activity,timestamp,comment\n1,A,2020-01-01,ok\n1,B,2020-01-02,{big}\n");
        var error = Reject(path, new EventLogReadOptions { Csv = new CsvLogOptions { MaxFieldBytes = 1000 } });
        Assert.Equal(3, error.Line);
        Assert.Contains("column 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadRows_RejectedByDefault_SkippedAndEachReportedOnRequest()
    {
        string path = _files.Write("t.csv", "case,activity,timestamp\n1,A,2020-01-01\n2,B,yesterday\n3,,2020-01-03\n4,D\n5,E,2020-01-05\n");
        var error = Reject(path);
        Assert.Equal(3, error.TotalIssues);
        Assert.Equal([3L, 4L, 5L], error.Issues.Select(i => i.Line!.Value));
        Assert.Contains("'yesterday' is not a timestamp", error.Message, StringComparison.Ordinal);
        Assert.Contains("activity is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected 3 fields", error.Message, StringComparison.Ordinal);

        var import = EventLogFile.Read(path, new EventLogReadOptions { BadRows = BadRowPolicy.Skip });
        Assert.Equal(2, import.Log.EventCount);
        Assert.Equal(3, import.Report.SkippedRows);
        Assert.Equal(3, import.Report.Issues.Count);
    }

    [Fact]
    public void Read_StartAfterCompletion_IsABadRow()
    {
        string path = _files.Write("t.csv", "case,activity,start,end\n1,A,2020-01-02,2020-01-01\n");
        var error = Reject(path, new EventLogReadOptions { Csv = new CsvLogOptions { StartTimestampColumn = "start", TimestampColumn = "end" } });
        Assert.Contains("after the completion", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_XmlBomb_RefusedWithoutExpanding()
    {
        const string bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
            ]>
            <log><trace><event><string key="concept:name" value="&lol2;"/></event></trace></log>
            """;
        var error = Reject(_files.Write("bomb.xes", bomb));
        Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Read_ExternalEntityOrUndefinedEntity_Refused()
    {
        var xxe = Reject(_files.Write("xxe.xes", "<?xml version=\"1.0\"?>\n<!DOCTYPE log [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<log><trace/></log>"));
        Assert.Contains("DTD", xxe.Message, StringComparison.Ordinal);
        var undefined = Reject(_files.Write("ent.xes", "<log>\n<trace><event><string key=\"concept:name\" value=\"&x;\"/></event></trace></log>"));
        Assert.Contains("not a defined entity", undefined.Message, StringComparison.Ordinal);
        Assert.Equal(2, undefined.Line);
    }

    [Fact]
    public void Read_CompressedFileExpandingBeyondTheLimit_Refused()
    {
        string path = _files.WriteGzip("big.csv.gz", "case,activity,timestamp\n" + string.Concat(Enumerable.Repeat("1,A,2020-01-01\n", 200_000)));
        var error = Reject(path, new EventLogReadOptions { MaxExpandedBytes = 1 << 20 });
        Assert.Contains("expands to more than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MismatchedXmlTags_NamesThePosition()
    {
        var error = Reject(_files.Write("bad.xes", "<log>\n  <trace>\n    <event></trace>\n</log>"));
        Assert.Equal(3, error.Line);
        Assert.Contains("does not match", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_XesEventWithoutTimestampOrBadValue_RejectedWithLine_OrSkipped()
    {
        const string xes = """
            <log>
              <trace><string key="concept:name" value="1"/>
                <event><string key="concept:name" value="A"/><date key="time:timestamp" value="2020-01-01T00:00:00Z"/></event>
                <event><string key="concept:name" value="B"/></event>
                <event><string key="concept:name" value="C"/><date key="time:timestamp" value="2020-01-03T00:00:00Z"/><int key="n" value="x"/></event>
              </trace>
            </log>
            """;
        string path = _files.Write("t.xes", xes);
        var error = Reject(path);
        Assert.Equal(2, error.TotalIssues);
        Assert.Equal(4, error.Issues[0].Line);
        Assert.Equal(5, error.Issues[1].Line);
        Assert.Contains("'x' is not a valid whole number", error.Message, StringComparison.Ordinal);
        var skipped = EventLogFile.Read(path, new EventLogReadOptions { BadRows = BadRowPolicy.Skip });
        Assert.Equal(1, skipped.Log.EventCount);
        Assert.Equal(2, skipped.Report.SkippedRows);
        Assert.True(skipped.Log.EventAttributes.Find("n") is null || skipped.Log.EventAttributes["n"].IsNull(0));
    }

    [Fact]
    public void Read_EmptyOrHeaderOnly_SaysSo()
    {
        Assert.Contains("empty", Reject(_files.Write("e.csv", string.Empty)).Message, StringComparison.Ordinal);
        Assert.Contains("no data rows", Reject(_files.Write("h.csv", "case,activity,timestamp\n")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownExtension_Explains()
    {
        var error = Assert.Throws<NotSupportedException>(() => EventLogFile.Read(_files.Write("log.parquet", "x")));
        Assert.Contains(".csv", error.Message, StringComparison.Ordinal);
    }
}
