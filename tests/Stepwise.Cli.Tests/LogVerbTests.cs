using System.Text.Json;
using Stepwise.Testing;

namespace Stepwise.Cli.Tests;

public class LogVerbTests
{
    private static readonly string Helpdesk = SharedData.PathOf("eventlogs/helpdesk.xes.gz");

    [Fact]
    public void Summary_Json_HasTheDocumentedKeys()
    {
        var (code, output, error) = CliRunner.Run("summary", Helpdesk, "--format", "json");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(4580, json.GetProperty("cases").GetInt32());
        Assert.Equal(21348, json.GetProperty("events").GetInt32());
        Assert.Equal(14, json.GetProperty("activities").GetInt32());
        Assert.Equal(22, json.GetProperty("resources").GetInt32());
        Assert.StartsWith("2010-", json.GetProperty("start").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("2014-", json.GetProperty("end").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Dfg_Csv_HasTheDocumentedHeaderAndStartEndEdges()
    {
        var (code, output, _) = CliRunner.Run("dfg", Helpdesk, "--format", "csv");
        Assert.Equal(0, code);
        var lines = output.ReplaceLineEndings("\n").TrimEnd().Split('\n');
        Assert.Equal("source,target,frequency,cases,mean_seconds,median_seconds,p90_seconds,overlaps,overlap_share,overlap_median_seconds", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("[start],", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",[end],", StringComparison.Ordinal));
        // The start edges add up to the number of cases.
        long starts = lines.Where(l => l.StartsWith("[start],", StringComparison.Ordinal)).Sum(l => long.Parse(l.Split(',')[2], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(4580, starts);
    }

    [Theory]
    [InlineData("variants")]
    [InlineData("activities")]
    [InlineData("handovers")]
    [InlineData("cases")]
    public void Verbs_RunOnTheSampleInEveryFormat(string verb)
    {
        var csv = CsvRunner.Run(verb, Helpdesk);
        Assert.True(csv.ExitCode == 0, csv.Error);
        Assert.NotEmpty(csv.Files);
        Assert.All(csv.Files.Values, f => Assert.True(f.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length >= 2, f));
        foreach (var format in new[] { "table", "json" })
        {
            var (code, output, error) = CliRunner.Run(verb, Helpdesk, "--format", format);
            Assert.True(code == 0, error);
            Assert.False(string.IsNullOrWhiteSpace(output));
            if (format == "json")
            {
                JsonDocument.Parse(output);
            }
        }
    }

    /// <summary>
    /// Each step's cases that come back to it after another step: the figures were counted from the CSV file by a
    /// separate script (rows per number, stable-sorted by sys_updated_at read day first; a step counts for a case when
    /// it occurs again after a different step), not by the code under test.
    /// </summary>
    [Fact]
    public void Activities_IncidentLog_CasesWithReturns_InJsonCsvAndTable()
    {
        string[] read = [SharedData.PathOf("eventlogs/incident_event_log.csv.zip"), "--case", "number", "--activity", "incident_state", "--timestamp", "sys_updated_at", "--timestamp-format", "dmy"];
        var (code, output, error) = CliRunner.Run(["activities", .. read, "--format", "json"]);

        Assert.True(code == 0, error);
        var rows = JsonDocument.Parse(output).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("activity").GetString()!);
        var expected = new (string Step, int Cases, int Returns)[]
        {
            ("Active", 15013, 829), ("New", 16397, 1), ("Resolved", 24905, 275), ("Closed", 24918, 12), ("Awaiting User Info", 5471, 341),
            ("Awaiting Vendor", 259, 8), ("Awaiting Problem", 247, 6), ("Awaiting Evidence", 21, 3), ("-100", 2, 0),
        };
        foreach (var (step, cases, returns) in expected)
        {
            Assert.Equal((step, cases, returns), (step, rows[step].GetProperty("cases").GetInt32(), rows[step].GetProperty("cases_with_returns").GetInt32()));
            Assert.Equal(returns / (double)cases, rows[step].GetProperty("cases_with_returns_share").GetDouble(), 12);
        }

        // 829 of 15,013 cases come back to Active: 5.5% in the table, with the column's meaning under it.
        var table = CliRunner.Run(["activities", .. read, "--wide"]);
        Assert.True(table.ExitCode == 0, table.Error);
        Assert.Matches(@"Active\s.*\s829\s+5\.5%", table.Output);
        Assert.Contains("Cases with returns (cases ret., ret. %): cases that come back to the step after another step (A, B, A)", table.Output.ReplaceLineEndings(" "), StringComparison.Ordinal);

        var csv = CliRunner.Run(["activities", .. read, "--format", "csv"]);
        Assert.Contains(",cases_with_repeats,cases_with_returns,cases_with_returns_share,self_loops,", csv.Output.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public void IncidentLog_OneCommandLineNamingItsColumns()
    {
        var (code, output, error) = CliRunner.Run("summary", SharedData.PathOf("eventlogs/incident_event_log.csv.zip"),
            "--case", "number", "--activity", "incident_state", "--timestamp", "sys_updated_at", "--resource", "sys_updated_by", "--format", "json");
        Assert.True(code == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(24918, json.GetProperty("cases").GetInt32());
        Assert.Equal(141712, json.GetProperty("events").GetInt32());
    }

    [Fact]
    public void Filters_AndWorkingTime_ChangeTheAnswer()
    {
        var all = JsonDocument.Parse(CliRunner.Run("summary", Helpdesk, "--format", "json").Output).RootElement;
        var filtered = JsonDocument.Parse(CliRunner.Run("summary", Helpdesk, "--format", "json", "--contains", "Wait", "--from", "2011-01-01", "--window", "starting").Output).RootElement;
        Assert.True(filtered.GetProperty("cases").GetInt32() < all.GetProperty("cases").GetInt32());
        var working = JsonDocument.Parse(CliRunner.Run("summary", Helpdesk, "--format", "json", "--working-hours", "Mon-Fri 09:00-17:00").Output).RootElement;
        // At most 40 working hours a week out of 168 elapsed: working time is well under half of elapsed time.
        Assert.True(working.GetProperty("throughput_median_seconds").GetDouble() < 0.5 * all.GetProperty("throughput_median_seconds").GetDouble());
    }

    [Fact]
    public void WorkingTime_InText_IsInWorkingHoursNeverDays()
    {
        var working = CliRunner.Run("activities", Helpdesk, "--working-hours", "Mon-Fri 09:00-17:00", "--wide");
        var elapsed = CliRunner.Run("activities", Helpdesk, "--wide");
        Assert.Equal(0, working.ExitCode);
        Assert.Contains("working time (Mon-Fri 09:00-17:00; UTC)", working.Output, StringComparison.Ordinal);
        // "Closed" waits days in the log: elapsed time shows days, working time hours only.
        Assert.Matches(@"\d+d \d+h", elapsed.Output);
        Assert.DoesNotMatch(@"\d+d \d+h", working.Output);
        Assert.Matches(@"\d{2,}h \d\dm", working.Output);
    }

    [Fact]
    public void MaxRows_PastTheBound_ExitsThreeNamingTheFileAndTheBound()
    {
        var refused = CliRunner.Run("summary", Helpdesk, "--max-rows", "21347"); // published: 21,348 events
        var read = CliRunner.Run("summary", Helpdesk, "--max-rows", "21348");

        Assert.Equal(3, refused.ExitCode);
        Assert.Equal(string.Empty, refused.Output);
        Assert.Contains("helpdesk.xes.gz", refused.Error, StringComparison.Ordinal);
        Assert.Contains("more than 21,347 events", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--max-rows", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, read.ExitCode);
    }

    [Fact]
    public void Errors_GoToStandardErrorWithNonZeroExit()
    {
        var missing = CliRunner.Run("summary", "no-such-file.csv");
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Equal(string.Empty, missing.Output);
        Assert.Contains("no-such-file.csv", missing.Error, StringComparison.Ordinal);

        string bad = Path.Combine(Path.GetTempPath(), $"stepwise-bad-{Guid.NewGuid():N}.csv");
        File.WriteAllText(bad, "case,activity,timestamp\n1,A,2020-01-01\n2,B,not a date\n");
        try
        {
            var result = CliRunner.Run("dfg", bad);
            Assert.Equal(3, result.ExitCode);
            Assert.Contains("line 3", result.Error, StringComparison.Ordinal);
            var skipped = CliRunner.Run("dfg", bad, "--skip-bad-rows");
            Assert.Equal(0, skipped.ExitCode);
            Assert.Contains("1 bad row was skipped", skipped.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(bad);
        }

        var badOption = CliRunner.Run("summary", Helpdesk, "--working-hours", "Mon-Fri nine to five");
        Assert.Equal(2, badOption.ExitCode);
        Assert.Contains("--working-hours", badOption.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_WritesALogThatReadsBackTheSame()
    {
        string target = Path.Combine(Path.GetTempPath(), $"stepwise-conv-{Guid.NewGuid():N}.csv");
        try
        {
            var (code, _, error) = CliRunner.Run("convert", Helpdesk, target, "--contains", "Wait");
            Assert.True(code == 0, error);
            var original = JsonDocument.Parse(CliRunner.Run("summary", Helpdesk, "--format", "json", "--contains", "Wait").Output).RootElement;
            var converted = JsonDocument.Parse(CliRunner.Run("summary", target, "--format", "json").Output).RootElement;
            Assert.Equal(original.GetProperty("cases").GetInt32(), converted.GetProperty("cases").GetInt32());
            Assert.Equal(original.GetProperty("events").GetInt32(), converted.GetProperty("events").GetInt32());
        }
        finally
        {
            File.Delete(target);
        }
    }
}
