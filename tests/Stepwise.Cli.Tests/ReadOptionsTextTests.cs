using Stepwise.Cli.Output;

namespace Stepwise.Cli.Tests;

/// <summary>How a data source was read, in words: only what was given or found, long lists cut, the record kept
/// exactly in CSV and JSON.</summary>
public sealed class ReadOptionsTextTests
{
    [Fact]
    public void Summarise_FeedbackRecord_NamesWhatWasAskedAndFoundOnly()
    {
        const string json = """
            {"asked":{"case_id":null,"comment":[],"not_applicable":["0"],"skip_bad_rows":false},
             "detected":{"items":["Seat comfort","Leg room, front","Food","Wifi"],"outcome":"satisfaction","response_id":"id","segments":[]},
             "encoding":"utf-8","notes":["scale of 'Food' detected as 1-5","outcome 'satisfaction': yes = satisfied"],"rows_read":25976,"rows_skipped":0}
            """;
        Assert.Equal(
            "asked: not applicable '0'; detected: items (4): 'Seat comfort', 'Leg room, front', 'Food' and 1 more, outcome 'satisfaction', "
            + "response id 'id'; encoding 'utf-8'; 2 notes (see --format json); rows read 25,976; rows skipped 0",
            ReadOptionsText.Summarise(json));
    }

    [Fact]
    public void Summarise_NothingAsked_SaysSo_AndOneWarningIsQuoted()
    {
        const string json = """{"requested":{"sheet":null,"skip_bad_rows":false},"detected":{"format":"xes"},"warnings":["3 events have no timestamp"]}""";
        Assert.Equal("asked: nothing (all detected); detected: format 'xes'; 1 warning: '3 events have no timestamp'", ReadOptionsText.Summarise(json));
    }

    [Theory]
    [InlineData("not json {")]
    [InlineData("[1,2]")]
    public void Summarise_NotAnObject_IsTheTextItself(string text) => Assert.Equal(text, ReadOptionsText.Summarise(text));

    [Fact]
    public void Table_PutsTheRecordUnderTheTable_CsvKeepsItExactly()
    {
        const string json = """{"requested":{"sheet":"Events"},"detected":{"format":"xlsx"}}""";
        var table = new ResultTable("data_sources", [new ResultColumn("file"), new ResultColumn("read_options", CellKind.Json)], "Data sources");
        table.Add("log.xlsx", json);
        var text = new StringWriter();
        ReportWriter.Write(new Report().Add(table), OutputFormat.Table, text);
        var csv = new StringWriter();
        ReportWriter.Write(new Report().Add(table), OutputFormat.Csv, csv);

        Assert.Contains("read options of log.xlsx: asked: sheet 'Events'; detected: format 'xlsx'", text.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("{", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"{\"\"requested\"\":{\"\"sheet\"\":\"\"Events\"\"},\"\"detected\"\":{\"\"format\"\":\"\"xlsx\"\"}}\"", csv.ToString(), StringComparison.Ordinal);
    }
}
