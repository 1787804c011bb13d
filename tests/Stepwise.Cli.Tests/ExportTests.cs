using System.IO.Compression;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;
using Stepwise.Testing;

namespace Stepwise.Cli.Tests;

/// <summary>Everyday exports: one table per CSV, numbers a spreadsheet reads as numbers, tables that fit a terminal,
/// labels that match their values.</summary>
public sealed class ExportTests
{
    private static readonly string Helpdesk = SharedData.PathOf("eventlogs/helpdesk.xes.gz");

    private static string Render(Report report, OutputFormat format, ExportSettings? settings = null)
    {
        var writer = new StringWriter();
        ReportWriter.Write(report, format, writer, settings ?? ExportSettings.Default);
        return writer.ToString().ReplaceLineEndings("\n");
    }

    [Fact]
    public void Csv_NumbersAreFixedNotation_DurationsToTheMillisecond()
    {
        var table = new ResultTable("t", [new("share", CellKind.Share), new("big", CellKind.Number), new("tiny", CellKind.Number), new("wait_seconds", CellKind.Duration), new("n", CellKind.Integer)]);
        table.Add(1e-7, 1.23e20, 0.000012345, 3530166.4213333333, 21348L);
        string csv = Render(new Report().Add(table), OutputFormat.Csv);
        Assert.Equal("share,big,tiny,wait_seconds,n\n0,123000000000000000000,0.000012,3530166.421,21348\n", csv);
        Assert.DoesNotContain("E", csv.Split('\n')[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_European_SemicolonsAndDecimalComma_QuotesTextHoldingASemicolon()
    {
        var table = new ResultTable("t", [new("name"), new("mean", CellKind.Number)]);
        table.Add("Resolve; then close", 1234.5);
        string csv = Render(new Report().Add(table), OutputFormat.Csv, new ExportSettings { Csv = CsvDialect.European });
        Assert.Equal("name;mean\n\"Resolve; then close\";1234,5\n", csv);
    }

    [Fact]
    public void Csv_Record_IsOneRowWithAColumnPerField()
    {
        var record = new ResultRecord("summary").Add("file", "log.csv").Add("cases", 4580L, CellKind.Integer).Add("throughput_mean_seconds", 3530166.42, CellKind.Duration);
        Assert.Equal("file,cases,throughput_mean_seconds\nlog.csv,4580,3530166.42\n", Render(new Report().Add(record), OutputFormat.Csv));
    }

    [Fact]
    public void Csv_SeveralTablesToStandardOutput_IsRefusedNamingThem()
    {
        var report = new Report().Add(new ResultRecord("distribution").Add("a", 1L)).Add(new ResultTable("cases", [new("case")]));
        var e = Assert.Throws<UserError>(() => Render(report, OutputFormat.Csv));
        Assert.Contains("2 tables (distribution, cases)", e.Message, StringComparison.Ordinal);
        Assert.Contains("--csv-dir", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_SeveralTables_AFilePerTable_InAFolderOrAZip()
    {
        var report = new Report().Add(new ResultRecord("distribution").Add("mean", 2.5, CellKind.Number)).Add(new ResultTable("cases", [new("case")]).Add("c1"));
        string dir = Path.Combine(Path.GetTempPath(), "stepwise-export-" + Guid.NewGuid().ToString("N"));
        try
        {
            Render(report, OutputFormat.Csv, new ExportSettings { CsvTarget = dir });
            Assert.Equal("mean\n2.5\n", File.ReadAllText(Path.Combine(dir, "distribution.csv")).ReplaceLineEndings("\n"));
            Assert.Equal("case\nc1\n", File.ReadAllText(Path.Combine(dir, "cases.csv")).ReplaceLineEndings("\n"));
            string zip = Path.Combine(dir, "out.zip");
            Render(report, OutputFormat.Csv, new ExportSettings { CsvTarget = zip });
            using var archive = ZipFile.OpenRead(zip);
            Assert.Equal(["distribution.csv", "cases.csv"], archive.Entries.Select(e => e.FullName));
            using var reader = new StreamReader(archive.GetEntry("cases.csv")!.Open());
            Assert.Equal("case\nc1\n", reader.ReadToEnd().ReplaceLineEndings("\n"));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Table_WiderThan120_WrapsTextThenDropsColumnsWithANote_WideShowsAll()
    {
        var columns = new List<ResultColumn> { new("step") };
        columns.AddRange(Enumerable.Range(1, 14).Select(i => new ResultColumn($"measure_{i}", CellKind.Number)));
        var table = new ResultTable("t", columns);
        table.Add([(object?)"A step with a rather long name that needs wrapping", .. Enumerable.Range(1, 14).Select(i => (object?)(i * 1000.5))]);
        string fitted = Render(new Report().Add(table), OutputFormat.Table);
        Assert.All(fitted.Split('\n'), l => Assert.True(l.Length <= 120, $"{l.Length}: {l}"));
        Assert.Contains("Not shown, to fit 120 characters: measure ", fitted, StringComparison.Ordinal);
        Assert.Contains("measure 14", fitted[fitted.IndexOf("Not shown", StringComparison.Ordinal)..], StringComparison.Ordinal);
        string wide = Render(new Report().Add(table), OutputFormat.Table, new ExportSettings { Width = null });
        Assert.Contains("measure 14", wide.Split('\n')[0], StringComparison.Ordinal);
        Assert.True(wide.Split('\n')[0].Length > 120);
    }

    [Fact]
    public void Labels_DurationKeysInSeconds_AreNotShownWithTheirUnit()
    {
        Assert.Equal("throughput mean", ColumnLabels.Of(new ResultColumn("throughput_mean_seconds", CellKind.Duration)));
        Assert.Equal("wait mean", ColumnLabels.Of(new ResultColumn("mean_waiting_seconds", CellKind.Duration, "wait mean")));
        Assert.Equal("cases", ColumnLabels.Of(new ResultColumn("cases", CellKind.Integer)));
    }

    [Fact]
    public void Summary_OfTheHelpdeskLog_LabelsMatchValues()
    {
        var (code, output, error) = CliRunner.Run("summary", Helpdesk);
        Assert.True(code == 0, error);
        Assert.DoesNotContain("_seconds", output, StringComparison.Ordinal);
        Assert.Contains("throughput mean", output, StringComparison.Ordinal);
        Assert.Matches("throughput mean +40d 20h", output);
    }

    [Theory]
    [InlineData("activities")]
    [InlineData("dfg")]
    [InlineData("handovers")]
    [InlineData("variants")]
    [InlineData("steps")]
    public void Verbs_FitOneHundredAndTwentyColumns_ByDefault(string verb)
    {
        var (code, output, error) = CliRunner.Run(verb, Helpdesk);
        Assert.True(code == 0, error);
        Assert.All(output.ReplaceLineEndings("\n").Split('\n'), l => Assert.True(l.Length <= 120, $"{verb}: {l.Length} characters: {l}"));
    }

    [Fact]
    public void Activities_EuropeanCsv_OfTheHelpdeskLog()
    {
        var (code, output, error) = CliRunner.Run("activities", Helpdesk, "--format", "csv", "--csv-european");
        Assert.True(code == 0, error);
        var lines = output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("activity;events;cases;", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Take in charge ticket;5060;4285;", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain(lines.Skip(1), l => l.Contains('.', StringComparison.Ordinal) && !l.Contains('(', StringComparison.Ordinal));
    }
}
