using System.Text.Json;
using Stepwise.Testing;

namespace Stepwise.Cli.Tests;

/// <summary>The log input options and what the log verbs say about lifecycles, classifiers, overlaps, missing
/// resources and fractions of seconds.</summary>
public class LogInputTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "stepwise-cli-" + Guid.NewGuid().ToString("N"));

    public LogInputTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string Lifecycles() => Write("lifecycle.csv", "case,activity,lifecycle,timestamp,resource\n"
        + "1,Check,schedule,2020-01-01T08:00:00Z,\n1,Check,start,2020-01-01T09:00:00Z,ann\n1,Check,complete,2020-01-01T09:30:00Z,ann\n"
        + "1,Call,start,2020-01-01T09:20:00.250Z,bob\n1,Call,complete,2020-01-01T09:40:00Z,bob\n"
        + "2,Check,schedule,2020-01-02T08:00:00Z,\n2,Check,start,2020-01-02T08:30:00Z,ann\n2,Check,complete,2020-01-02T09:00:00Z,ann\n");

    [Fact]
    public void Summary_LifecyclePairedByDefault_SaysWhatBecameOfTheRows()
    {
        var (code, output, error) = CliRunner.Run("summary", Lifecycles(), "--format", "json");
        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(8, json.GetProperty("rows_read").GetInt32());
        Assert.Equal(3, json.GetProperty("events").GetInt32());
        Assert.Contains("8 events became 3 step instances", json.GetProperty("lifecycle").GetString(), StringComparison.Ordinal);
        Assert.Contains("5 schedule, assign, start, suspend and resume events joined the instance they belong to", error, StringComparison.Ordinal);
        Assert.Contains("--lifecycle-mode events", error, StringComparison.Ordinal);
        Assert.Equal("2020-01-01T09:00:00Z", json.GetProperty("start").GetString());
        Assert.Equal(0.0, json.GetProperty("rework_share").GetDouble());
    }

    [Theory]
    [InlineData("events", 8, 2)]
    [InlineData("classifier", 8, 0)]
    public void Summary_LifecycleMode_EveryEventAStep(string mode, int events, int reworkCases)
    {
        var (code, output, _) = CliRunner.Run("summary", Lifecycles(), "--lifecycle-mode", mode, "--format", "json");
        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(events, json.GetProperty("events").GetInt32());
        Assert.Equal(reworkCases, json.GetProperty("rework_cases").GetInt32());
    }

    [Fact]
    public void LifecycleMode_Unknown_NamesTheChoices()
    {
        var (code, _, error) = CliRunner.Run("summary", Lifecycles(), "--lifecycle-mode", "both");
        Assert.Equal(2, code);
        Assert.Contains("--lifecycle-mode: 'both' must be pair, events or classifier.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Dfg_OverlappingSteps_ZeroDurationAndANote()
    {
        // Call starts at 09:20:00.25, before Check (09:00-09:30) completes.
        var (code, output, _) = CliRunner.Run("dfg", Lifecycles(), "--format", "csv");
        Assert.Equal(0, code);
        var row = output.ReplaceLineEndings("\n").Split('\n').Single(l => l.StartsWith("Check,Call,", StringComparison.Ordinal)).Split(',');
        Assert.Equal("0", row[4]);
        Assert.Equal("1", row[7]);
        Assert.Equal("1", row[8]);
        Assert.Equal("599.75", row[9]); // from 09:20:00.25 to 09:30:00, when Check completed

        var (_, table, _) = CliRunner.Run("dfg", Lifecycles());
        Assert.Contains("1 of 1 moves overlap: the next step started before the previous one completed.", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Cases_CsvAndJson_KeepMilliseconds()
    {
        string path = Write("ms.csv", "case,activity,timestamp\n1,A,2020-01-01T09:00:00.125Z\n1,B,2020-01-01T09:00:01.5Z\n");
        string folder = Path.Combine(_dir, "cases-csv");
        var (code, _, error) = CliRunner.Run("cases", path, "--format", "csv", "--csv-dir", folder);
        Assert.True(code == 0, error);
        string cases = File.ReadAllText(Directory.GetFiles(folder, "*cases*.csv").Single());
        Assert.Contains("2020-01-01T09:00:00.125Z", cases, StringComparison.Ordinal);
        Assert.Contains("2020-01-01T09:00:01.5Z", cases, StringComparison.Ordinal);
        var (_, json, _) = CliRunner.Run("cases", path, "--format", "json");
        Assert.Contains("\"2020-01-01T09:00:00.125Z\"", json, StringComparison.Ordinal);
        Assert.Contains("\"2020-01-01T09:00:01.5Z\"", json, StringComparison.Ordinal);
        var (_, summary, _) = CliRunner.Run("summary", path, "--format", "csv");
        Assert.Contains(",2020-01-01T09:00:00.125Z,2020-01-01T09:00:01.5Z,", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_Xes_ListsTheDeclaredClassifiers()
    {
        var (code, output, _) = CliRunner.Run("summary", SharedData.PathOf("eventlogs/bpic2013_incidents.xes.gz"), "--format", "json");
        Assert.Equal(0, code);
        Assert.Equal("Activity classifier (concept:name lifecycle:transition); Resource classifier (org:resource)", JsonDocument.Parse(output).RootElement.GetProperty("classifiers").GetString());

        var (withClassifier, classified, _) = CliRunner.Run("summary", SharedData.PathOf("eventlogs/bpic2013_incidents.xes.gz"), "--classifier", "Activity classifier", "--format", "json");
        Assert.Equal(0, withClassifier);
        Assert.Equal(13, JsonDocument.Parse(classified).RootElement.GetProperty("activities").GetInt32());
    }

    [Fact]
    public void Handovers_LogWithoutResources_SaysSoAndNamesStandIns()
    {
        string path = Write("teams.csv", "case,activity,timestamp,team,channel\n1,A,2020-01-01T10:00:00Z,first,phone\n1,B,2020-01-01T11:00:00Z,second,phone\n2,A,2020-01-02T10:00:00Z,first,mail\n2,B,2020-01-02T12:00:00Z,first,mail\n");
        var (code, _, error) = CliRunner.Run("handovers", path);
        Assert.Equal(2, code);
        Assert.Contains("teams.csv: the log records no resource (who did the work) for any event, so there are no hand-overs to count.", error, StringComparison.Ordinal);
        Assert.Contains("Attributes that could stand in: team (2 values); count hand-overs between their values with --by team.", error, StringComparison.Ordinal);

        var (byTeam, output, _) = CliRunner.Run("handovers", path, "--by", "team", "--format", "json");
        Assert.Equal(0, byTeam);
        var handover = JsonDocument.Parse(output).RootElement.GetProperty("handovers")[0];
        Assert.Equal("first", handover.GetProperty("from").GetString());
        Assert.Equal("second", handover.GetProperty("to").GetString());
    }

    [Fact]
    public void Summary_Workbook_ReadsTheSheet()
    {
        string workbook = Path.Combine(SharedData.RepositoryRoot, "tests", "Stepwise.Mining.Tests", "Fixtures", "helpdesk-500.xlsx");
        var (code, output, error) = CliRunner.Run("summary", workbook, "--format", "json");
        Assert.True(code == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("xlsx", json.GetProperty("format").GetString());
        Assert.Equal(500, json.GetProperty("cases").GetInt32());
        var (sheet, _, sheetError) = CliRunner.Run("summary", workbook, "--sheet", "Data");
        Assert.Equal(3, sheet);
        Assert.Contains("its sheets are: 'Events', 'Notes'", sheetError, StringComparison.Ordinal);
    }
}
