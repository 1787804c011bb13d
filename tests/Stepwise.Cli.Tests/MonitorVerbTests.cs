using System.Text.Json;
using Stepwise.Testing;

namespace Stepwise.Cli.Tests;

/// <summary><c>stepwise monitor</c> on the real help-desk log: one log with a change date, two logs, the plan file,
/// charts, and the errors a user can make.</summary>
public sealed class MonitorVerbTests : IDisposable
{
    private static readonly string Helpdesk = SharedData.PathOf("eventlogs/helpdesk.xes.gz");
    private readonly string _folder = Directory.CreateTempSubdirectory("stepwise-cli-monitor-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static JsonElement Json(params string[] args)
    {
        var (code, output, error) = CliRunner.Run([.. args, "--format", "json"]);
        Assert.True(code == 0, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    [Fact]
    public void Monitor_ChangeDate_JsonHasTheAgreedFieldsPerKpi()
    {
        var json = Json("monitor", Helpdesk, "--change-date", "2012-06-01", "--settling-in", "14d", "--resamples", "2000", "--waiting-steps", "3");

        var periods = json.GetProperty("periods");
        Assert.Equal(3302, periods.GetProperty("before_cases").GetInt32());
        Assert.Equal(97, periods.GetProperty("left_out_settling").GetInt32());
        var rows = json.GetProperty("kpis").GetProperty("rows").EnumerateArray().ToList();
        // The standard KPIs: volume, throughput median, p90 and mean, rework, hand-overs, ping-pong, first-contact resolution
        // (by proxy) and the waiting before the 3 most frequent steps.
        Assert.Equal(11, rows.Count);
        Assert.Contains(rows, r => r.GetProperty("key").GetString() == "ping_pong_rate");
        foreach (var row in rows)
        {
            foreach (string field in new[] { "name", "before", "after", "difference", "ci_low", "ci_high", "p_value", "verdict" })
            {
                Assert.True(row.TryGetProperty(field, out _), $"{row.GetProperty("key")} lacks {field}");
            }
        }

        var rework = rows.Single(r => r.GetProperty("key").GetString() == "rework_rate");
        Assert.Equal("share", rework.GetProperty("unit").GetString());
        Assert.Equal("improved", rework.GetProperty("verdict").GetString());
        Assert.True(rework.GetProperty("difference").GetDouble() < 0);
        var median = rows.Single(r => r.GetProperty("key").GetString() == "throughput_median");
        Assert.Equal("seconds", median.GetProperty("unit").GetString());
        Assert.True(median.GetProperty("ci_low").GetDouble() <= median.GetProperty("difference").GetDouble());
    }

    [Fact]
    public void Monitor_Table_NeverCallsAnIntervalThatLeavesOutZeroNoChange()
    {
        string[] args = ["monitor", Helpdesk, "--change-date", "2012-06-01", "--settling-in", "14d", "--resamples", "2000", "--waiting-steps", "3", "--seed", "7"];
        var rows = Json(args).GetProperty("kpis").GetProperty("rows").EnumerateArray().ToList();
        var (code, output, error) = CliRunner.Run([.. args, "--wide"]);
        Assert.True(code == 0, error);

        // The rule, read from the JSON's own intervals and verdicts: an interval that leaves out zero beside a verdict
        // of no clear change is a change clear on its own but not once the KPIs tested together are allowed for.
        var apart = rows.Where(r => r.GetProperty("verdict").GetString() is "no detectable change" or "undecided"
            && r.GetProperty("ci_low").ValueKind == JsonValueKind.Number
            && (r.GetProperty("ci_low").GetDouble() > 0 || r.GetProperty("ci_high").GetDouble() < 0)).ToList();
        Assert.NotEmpty(apart);
        var lines = output.Split('\n');
        foreach (var row in rows)
        {
            string name = row.GetProperty("name").GetString()!;
            string line = lines.First(l => l.StartsWith(name, StringComparison.Ordinal));
            bool flagged = line.Contains($"not clear allowing for {rows.Count} KPIs", StringComparison.Ordinal);
            Assert.True(flagged == apart.Contains(row), $"{name}: {line}");
            Assert.Equal(flagged, output.Contains($"{name}: its 95% interval leaves out zero on its own", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Monitor_TwoLogs_PlanFileAndCharts()
    {
        string before = Path.Combine(_folder, "before.csv");
        string after = Path.Combine(_folder, "after.csv");
        Assert.Equal(0, CliRunner.Run("convert", Helpdesk, before, "--to", "2012-06-01", "--window", "starting").ExitCode);
        Assert.Equal(0, CliRunner.Run("convert", Helpdesk, after, "--from", "2012-06-01", "--window", "starting").ExitCode);
        string plan = Path.Combine(_folder, "plan.yaml");
        File.WriteAllText(plan,
            """
            kpis:
              - { name: Median resolution time, measure: throughput_median, unit: days, target: 40, baseline: 41 }
            agreed:
              removed: [Wait]
            forecast:
              kpis:
                - { kpi: throughput_median, unit: days, low: 30, high: 36 }
            """);
        string charts = Path.Combine(_folder, "charts");

        var json = Json("monitor", before, after, "--plan", plan, "--charts", charts, "--kpi", "rework_rate", "--kpi", "waiting_median:Resolve ticket", "--resamples", "1000", "--mix-by", "service_type");

        var rows = json.GetProperty("kpis").GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["rework_rate", "waiting_median:Resolve ticket", "throughput_median"], rows.Select(r => r.GetProperty("key").GetString()));
        var median = rows[2];
        Assert.Equal("Median resolution time", median.GetProperty("name").GetString());
        Assert.Equal(40 * 86400.0, median.GetProperty("target").GetDouble());
        Assert.Equal(41 * 86400.0, median.GetProperty("plan_baseline").GetDouble());
        Assert.True(median.TryGetProperty("change_source", out _));
        Assert.Equal("'Wait' is removed", json.GetProperty("conformance").GetProperty("rows")[0].GetProperty("agreement").GetString());
        Assert.Equal("throughput_median", json.GetProperty("forecast")[0].GetProperty("key").GetString());
        Assert.True(json.GetProperty("mix").GetProperty("rows").GetArrayLength() >= 2);
        var files = json.GetProperty("charts").GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("file").GetString()!).ToList();
        Assert.Equal(3, files.Count);
        Assert.All(files, f => Assert.StartsWith("<svg", File.ReadAllText(f), StringComparison.Ordinal));
    }

    [Fact]
    public void Monitor_Table_ShowsDurationsPercentagePointsAndVerdicts()
    {
        var (code, output, error) = CliRunner.Run("monitor", Helpdesk, "--change-date", "2012-06-01", "--kpi", "throughput_median", "--kpi", "rework_rate", "--resamples", "1000");

        Assert.True(code == 0, error);
        Assert.Contains("Rework rate (cases repeating a", output, StringComparison.Ordinal);
        Assert.Contains(" pp", output, StringComparison.Ordinal);
        Assert.Matches(@"Throughput time, median\s+40d \d+h", output);
        Assert.Contains("Holm's adjustment", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Monitor_Table_AChangeAndItsIntervalInOneUnit()
    {
        var (code, output, error) = CliRunner.Run("monitor", Helpdesk, "--change-date", "2012-06-01", "--resamples", "1000", "--wide");

        Assert.True(code == 0, error);
        // The median throughput time changed by -178,862.5 s (JSON), its interval -281,832.7 s to -78,637.2 s: by hand
        // -2.07 d, -3.26 d and -0.91 d, never "-2d 1h" beside "-21h 50m".
        Assert.Matches(@"Throughput time, median\s+\S+ \S+\s+\S+ \S+\s+-2\.1 d\s+-3\.3 d\s+-0\.9 d\s", output);
        var lines = output.ReplaceLineEndings("\n").Split('\n');
        int header = Array.FindIndex(lines, l => l.StartsWith("KPI ", StringComparison.Ordinal) && l.Contains("difference", StringComparison.Ordinal));
        int from = lines[header].IndexOf("difference", StringComparison.Ordinal), to = lines[header].IndexOf("p adj.", StringComparison.Ordinal);
        int durations = 0;
        foreach (string line in lines.Skip(header + 2).TakeWhile(l => l.Length > to))
        {
            if (!line.StartsWith("Throughput", StringComparison.Ordinal) && !line.StartsWith("Waiting", StringComparison.Ordinal))
            {
                continue;
            }

            // The difference, low and high columns: three durations, each a number and one unit, the same unit.
            var triple = line[from..to].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(triple.Length == 6, $"{line}: {string.Join("|", triple)}");
            Assert.All(new[] { triple[0], triple[2], triple[4] }, n => Assert.Matches(@"^[+-]?\d+\.\d+$", n));
            Assert.True(triple[1] == triple[3] && triple[3] == triple[5] && triple[1] is "d" or "h" or "min", line);
            durations++;
        }

        Assert.Equal(9, durations);
    }

    [Theory]
    [InlineData(new[] { "--kpi", "rework_rate" }, "Give --change-date")]
    [InlineData(new[] { "--change-date", "June" }, "--change-date: 'June' is not a date")]
    [InlineData(new[] { "--change-date", "2001-01-01" }, "--change-date: The change date 2001-01-01 00:00 leaves 0 cases before it")]
    [InlineData(new[] { "--change-date", "2012-06-01", "--kpi", "speed" }, "--kpi: 'speed' is not a KPI")]
    [InlineData(new[] { "--change-date", "2012-06-01", "--confidence", "2" }, "--confidence: The confidence level must be above 0.5 and below 1")]
    [InlineData(new[] { "--change-date", "2012-06-01", "--mix-by", "channel" }, "--mix-by: The log has no attribute 'channel'")]
    [InlineData(new[] { "--change-date", "2012-06-01", "--agreed-order", "Wait" }, "--agreed-order: 'Wait' must be FIRST>THEN")]
    public void Monitor_BadInput_InvalidValueNamingTheOption(string[] args, string expected)
    {
        var (code, _, error) = CliRunner.Run(["monitor", Helpdesk, .. args]);

        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Monitor_TwoLogsWithAChangeDate_Refused()
    {
        var (code, _, error) = CliRunner.Run("monitor", Helpdesk, Helpdesk, "--change-date", "2012-06-01");

        Assert.Equal(2, code);
        Assert.Contains("With two logs (before and after) the periods are the logs", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Monitor_BadPlanFile_BadFileNamingLineAndField()
    {
        string plan = Path.Combine(_folder, "plan.yaml");
        File.WriteAllText(plan, "kpis:\n  - { measure: throughput_median, unit: percent }\n");

        var (code, _, error) = CliRunner.Run("monitor", Helpdesk, "--change-date", "2012-06-01", "--plan", plan);

        Assert.Equal(3, code);
        Assert.Contains("plan.yaml, line 2", error, StringComparison.Ordinal);
        Assert.Contains("field 'unit'", error, StringComparison.Ordinal);
    }
}
