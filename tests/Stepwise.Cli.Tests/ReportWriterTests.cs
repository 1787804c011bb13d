using Stepwise.Cli.Output;

namespace Stepwise.Cli.Tests;

public class ReportWriterTests
{
    private static string Render(Report report, OutputFormat format)
    {
        var writer = new StringWriter();
        ReportWriter.Write(report, format, writer);
        return writer.ToString().ReplaceLineEndings("\n");
    }

    [Fact]
    public void Csv_FieldWithCommaAndQuote_IsQuotedPerRfc4180()
    {
        var table = new ResultTable("t", [new ResultColumn("name"), new ResultColumn("n", CellKind.Integer)]);
        table.Add("Smith, \"Jo\"", 3L);
        Assert.Equal("name,n\n\"Smith, \"\"Jo\"\"\",3\n", Render(new Report().Add(table), OutputFormat.Csv));
    }

    [Fact]
    public void Json_SingleTable_IsArrayOfObjectsWithRawNumbers()
    {
        var table = new ResultTable("t", [new ResultColumn("a"), new ResultColumn("s", CellKind.Duration)]);
        table.Add("x", 90.5);
        var json = System.Text.Json.JsonDocument.Parse(Render(new Report().Add(table), OutputFormat.Json));
        Assert.Equal(90.5, json.RootElement[0].GetProperty("s").GetDouble());
        Assert.Equal("x", json.RootElement[0].GetProperty("a").GetString());
    }

    [Theory]
    [InlineData(0.5, "0.50s")]
    [InlineData(59, "59.0s")]
    [InlineData(61, "1m 01s")]
    [InlineData(3600 + 5 * 60, "1h 05m")]
    [InlineData(2 * 86400 + 3 * 3600 + 59, "2d 3h")]
    public void FormatDuration_HandWorkedValues(double seconds, string expected)
        => Assert.Equal(expected, ReportWriter.FormatDuration(seconds));

    [Fact]
    public void Table_NumbersRightAligned_SharesAsPercent()
    {
        var table = new ResultTable("t", [new ResultColumn("activity"), new ResultColumn("share", CellKind.Share)]);
        table.Add("A", 0.25).Add("Longer name", 1.0);
        string text = Render(new Report().Add(table), OutputFormat.Table);
        Assert.Contains("A             25.0%", text);
        Assert.Contains("Longer name  100.0%", text);
    }
}
