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
    [InlineData(0.0, "0s")] // nothing at all, not "0.00s"
    [InlineData(0.5, "0.50s")]
    [InlineData(59, "59.0s")]
    [InlineData(61, "1m 01s")]
    [InlineData(3600 + 5 * 60, "1h 05m")]
    [InlineData(2 * 86400 + 3 * 3600 + 59, "2d 3h")]
    public void FormatDuration_HandWorkedValues(double seconds, string expected)
        => Assert.Equal(expected, ReportWriter.FormatDuration(seconds));

    [Theory]
    [InlineData(0.5, "0.50s")]
    [InlineData(61, "1m 01s")]
    [InlineData(3600 + 5 * 60, "1h 05m")]
    [InlineData(3 * 86400 + 4 * 3600, "76h 00m")] // 76 working hours: "3d 4h" would read as calendar days
    [InlineData(-(1250 * 3600 + 30 * 60), "-1,250h 30m")]
    public void FormatWorkingDuration_HandWorkedValues_NeverInDays(double seconds, string expected)
        => Assert.Equal(expected, ReportWriter.FormatWorkingDuration(seconds));

    [Fact]
    public void Timestamps_InText_ToTheSecond_InCsvAndJson_Exact()
    {
        var table = new ResultTable("t", [new ResultColumn("at", CellKind.Timestamp), new ResultColumn("local", CellKind.Timestamp)]);
        table.Add(new DateTime(2026, 12, 1, 21, 25, 9, DateTimeKind.Utc).AddTicks(9_341_420), new DateTimeOffset(2026, 3, 29, 9, 0, 0, TimeSpan.FromHours(1)));
        string text = Render(new Report().Add(table), OutputFormat.Table);
        Assert.Contains("2026-12-01 21:25:09 UTC", text, StringComparison.Ordinal);
        Assert.Contains("2026-03-29 09:00:00 +01:00", text, StringComparison.Ordinal);
        Assert.Contains("2026-12-01T21:25:09.934142Z", Render(new Report().Add(table), OutputFormat.Csv), StringComparison.Ordinal);
        Assert.Contains("2026-12-01T21:25:09.934142Z", Render(new Report().Add(table), OutputFormat.Json), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.073, 1, "7.3%")]
    [InlineData(0.95, 0, "95%")]
    [InlineData(1.0, 1, "100.0%")]
    [InlineData(double.NaN, 1, "-")]
    public void FormatShare_NoSpaceBeforeTheSign(double share, int decimals, string expected)
        => Assert.Equal(expected, ReportWriter.FormatShare(share, decimals));

    [Fact]
    public void Text_OfWorkingTime_ShowsDurationsInHours()
    {
        var table = new ResultTable("t", [new ResultColumn("activity"), new ResultColumn("wait", CellKind.Duration)]);
        table.Add("A", 2 * 86400 + 3600.0);
        var output = new StringWriter();
        ReportWriter.Write(new Report().Add(table), OutputFormat.Table, output, ExportSettings.Default with { WorkingTime = true });
        Assert.Contains("49h 00m", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("2d", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("2d 1h", Render(new Report().Add(table), OutputFormat.Table), StringComparison.Ordinal);
    }

    [Fact]
    public void Table_NumbersRightAligned_SharesAsPercent()
    {
        var table = new ResultTable("t", [new ResultColumn("activity"), new ResultColumn("share", CellKind.Share)]);
        table.Add("A", 0.25).Add("Longer name", 1.0);
        string text = Render(new Report().Add(table), OutputFormat.Table);
        Assert.Contains("A             25.0%", text);
        Assert.Contains("Longer name  100.0%", text);
    }

    [Fact]
    public void Csv_FormulaLikeText_NeutralisedButNumbersKept()
    {
        var table = new ResultTable("t", [new ResultColumn("comment"), new ResultColumn("delta", CellKind.Number), new ResultColumn("code")]);
        table.Add("=HYPERLINK(\"http://x\",\"y\")", -12.5, "-3");
        table.Add("+1+cmd|' /C calc'!A0", -0.25, "@SUM(A1)");
        table.Add("- not a number", 3.0, "\tstart");
        string csv = Render(new Report().Add(table), OutputFormat.Csv);
        // Hand-written per OWASP: a leading apostrophe before =, +, -, @, tab; numbers (and text that is only a number) as they are.
        Assert.Equal(
            "comment,delta,code\n" +
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-12.5,-3\n" +
            "'+1+cmd|' /C calc'!A0,-0.25,'@SUM(A1)\n" +
            "'- not a number,3,'\tstart\n",
            csv);
    }

    [Fact]
    public void Csv_RecordValues_NeutralisedToo()
    {
        var record = new ResultRecord("r").Add("reason", "=1+1").Add("n", -4L, CellKind.Integer);
        Assert.Equal("reason,n\n'=1+1,-4\n", Render(new Report().Add(record), OutputFormat.Csv));
    }

    [Fact]
    public void Table_ControlCharactersInUserText_ShownEscaped()
    {
        var table = new ResultTable("t", [new ResultColumn("who"), new ResultColumn("reason")]);
        table.Add("sam", "too costly\n2026-01-01  mallory  approved");
        table.Add("eve\u001b[31m", "red\rback \u202Egnp.exe");
        string text = Render(new Report().Add(table), OutputFormat.Table);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Contains("too costly\\n2026-01-01  mallory  approved", lines[2], StringComparison.Ordinal);
        Assert.Contains("eve\\x1B[31m", lines[3], StringComparison.Ordinal);
        Assert.Contains("red\\rback \\u202Egnp.exe", lines[3], StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\r', text);
    }

    [Fact]
    public void Json_UserText_KeptExactly()
    {
        var table = new ResultTable("t", [new ResultColumn("reason")]);
        table.Add("=1+1\nnext");
        var json = System.Text.Json.JsonDocument.Parse(Render(new Report().Add(table), OutputFormat.Json));
        Assert.Equal("=1+1\nnext", json.RootElement[0].GetProperty("reason").GetString());
    }
}
