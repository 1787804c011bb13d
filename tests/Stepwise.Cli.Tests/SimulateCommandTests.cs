using System.Text.Json;
using Stepwise.Testing;

namespace Stepwise.Cli.Tests;

public class SimulateCommandTests
{
    private static readonly string Helpdesk = SharedData.PathOf("eventlogs/helpdesk.xes.gz");

    private static string TempFile(string extension) => Path.Combine(Path.GetTempPath(), $"stepwise-sim-{Guid.NewGuid():N}{extension}");

    [Fact]
    public void Simulate_Helpdesk_Json_HasModelValidationAndKpis()
    {
        var (code, output, error) = CliRunner.Run("simulate", Helpdesk, "--replications", "4", "--horizon", "90d", "--format", "json");
        Assert.True(code == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(4580, json.GetProperty("model").GetProperty("cases").GetInt32());
        var validation = json.GetProperty("validation");
        Assert.Contains(validation.GetProperty("rows").EnumerateArray(), r => r.GetProperty("measure").GetString() == "median" && r.GetProperty("within").GetBoolean());
        var kpis = json.GetProperty("kpis").GetProperty("rows").EnumerateArray().ToList();
        Assert.Contains(kpis, r => r.GetProperty("kpi").GetString()!.StartsWith("Throughput time, median", StringComparison.Ordinal));
        Assert.All(kpis.Where(r => r.GetProperty("mean").ValueKind == JsonValueKind.Number && r.GetProperty("low").ValueKind == JsonValueKind.Number),
            r => Assert.True(r.GetProperty("low").GetDouble() <= r.GetProperty("mean").GetDouble() + 1e-9));

        // The work of 'Assign seriousness', counted outside the code over the XES: 2,577 gaps of at most an hour since
        // the same person's previous completion, 5 of them cut to the time since the case's previous step: mean 954.5 s
        // (the model keeps it to within the thinning to 201 quantiles), median 599 s (600 s uncut, the handling time).
        var steps = json.GetProperty("steps");
        var assign = steps.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("step").GetString() == "Assign seriousness");
        Assert.InRange(assign.GetProperty("mean_duration_seconds").GetDouble(), 954.5 * 0.99, 954.5 * 1.01);
        Assert.Contains("median 600 s (the step assessment's handling time)", assign.GetProperty("fit").GetString(), StringComparison.Ordinal);
        Assert.Contains(steps.GetProperty("notes").EnumerateArray(), n => n.GetString()!.StartsWith("Mean duration: the mean work by staff per execution", StringComparison.Ordinal));
    }

    [Fact]
    public void Simulate_Scenario_ComparesWithTheAsIs()
    {
        string scenario = TempFile(".json");
        File.WriteAllText(scenario, """{ "name": "no waiting step", "changes": [ { "type": "removeStep", "step": "Wait" } ] }""");
        try
        {
            var (code, output, error) = CliRunner.Run("simulate", Helpdesk, "--scenario", scenario, "--replications", "8", "--horizon", "365d", "--no-validation", "--format", "json");
            Assert.True(code == 0, error);
            var rows = JsonDocument.Parse(output).RootElement.GetProperty("scenario:no waiting step").GetProperty("rows").EnumerateArray().ToList();
            var median = rows.Single(r => r.GetProperty("kpi").GetString() == "Throughput time, median");
            Assert.True(median.GetProperty("difference").GetDouble() < 0);
            Assert.True(median.GetProperty("significant").GetBoolean());
        }
        finally
        {
            File.Delete(scenario);
        }
    }

    [Fact]
    public void Simulate_SaveModelThenUseIt_SameResults()
    {
        string model = TempFile(".json");
        try
        {
            var first = CsvRunner.Run("simulate", Helpdesk, "--replications", "3", "--horizon", "60d", "--no-validation", "--save-model", model);
            Assert.True(first.ExitCode == 0, first.Error);
            Assert.True(File.Exists(model));
            // A model runs without any log.
            var second = CsvRunner.Run("simulate", "--replications", "3", "--horizon", "60d", "--model", model);
            Assert.True(second.ExitCode == 0, second.Error);
            Assert.StartsWith("kpi,unit", first.Files["kpis"], StringComparison.Ordinal);
            Assert.Equal(first.Files["kpis"], second.Files["kpis"]);
            var noData = CliRunner.Run("simulate", "--replications", "3", "--horizon", "60d", "--model", model);
            Assert.Contains("not compared with any data", noData.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(model);
        }
    }

    [Fact]
    public void Simulate_BadScenarioFile_OneLineNamingFileAndField()
    {
        string scenario = TempFile(".json");
        File.WriteAllText(scenario, """{ "name": "typo", "changes": [ { "type": "removeStep", "step": "Wiat" } ] }""");
        try
        {
            var (code, output, error) = CliRunner.Run("simulate", Helpdesk, "--scenario", scenario, "--replications", "2", "--no-validation");
            Assert.Equal(3, code);
            Assert.Equal(string.Empty, output);
            Assert.Contains(Path.GetFileName(scenario), error, StringComparison.Ordinal);
            Assert.Contains("changes[0].step", error, StringComparison.Ordinal);
            Assert.Contains("'Wiat' is not a step", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(scenario);
        }
    }

    [Fact]
    public void Simulate_TooFewReplications_IsRefused()
    {
        var (code, _, error) = CliRunner.Run("simulate", Helpdesk, "--replications", "1");
        Assert.Equal(2, code);
        Assert.Contains("--replications", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_CallRecords_TableShowsTheValidation()
    {
        var (code, output, error) = CliRunner.Run("simulate", SharedData.PathOf("contact-centre/anonymous_bank_february_1999.txt"), "--call-records", "--replications", "3", "--horizon", "14d");
        Assert.True(code == 0, error);
        Assert.Contains("abandonment share", output, StringComparison.Ordinal);
        Assert.Contains("Utilisation of Agents", output, StringComparison.Ordinal);
        Assert.Contains("Within service level (waiting <= 1m)", output, StringComparison.Ordinal);
    }

    private static readonly string Bank = SharedData.PathOf("contact-centre/anonymous_bank_february_1999.txt");

    private static readonly string[] DotNetWords = ["System.", ".NET", "discriminator", "(Parameter", "could not be mapped", "Nullable", "Stepwise."];

    private static void NoDotNet(string text) => Assert.All(DotNetWords, word => Assert.DoesNotContain(word, text, StringComparison.Ordinal));

    [Fact]
    public void Simulate_Helpdesk_ShowsStaffFromPeopleSeen_AndCostNotCosted()
    {
        var (code, output, error) = CliRunner.Run("simulate", Helpdesk, "--replications", "3", "--horizon", "60d", "--format", "json");
        Assert.True(code == 0, error);
        var json = JsonDocument.Parse(output).RootElement;

        var pool = Assert.Single(json.GetProperty("pools").GetProperty("rows").EnumerateArray().ToList());
        Assert.Equal("people seen", pool.GetProperty("staff_basis").GetString());
        Assert.InRange(pool.GetProperty("most_staff").GetDouble(), 1, 22); // not 283: the desk has 22 people
        Assert.Equal(JsonValueKind.Null, pool.GetProperty("cost_per_hour").ValueKind);
        Assert.Equal(7, json.GetProperty("staff_by_hour").GetProperty("rows").GetArrayLength());

        var cost = json.GetProperty("kpis").GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("kpi").GetString() == "Cost per case");
        Assert.Equal("not costed", cost.GetProperty("unit").GetString());
        Assert.Equal(JsonValueKind.Null, cost.GetProperty("mean").ValueKind);
        Assert.Contains(json.GetProperty("kpis").GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("--cost-per-hour", StringComparison.Ordinal));

        var notes = json.GetProperty("validation").GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.Contains(notes, n => n.StartsWith("Throughput time: median ", StringComparison.Ordinal));

        var costed = CliRunner.Run("simulate", Helpdesk, "--replications", "3", "--horizon", "60d", "--no-validation", "--cost-per-hour", "30", "--format", "json");
        Assert.True(costed.ExitCode == 0, costed.Error);
        var costRow = JsonDocument.Parse(costed.Output).RootElement.GetProperty("kpis").GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("kpi").GetString() == "Cost per case");
        Assert.True(costRow.GetProperty("mean").GetDouble() > 0);
    }

    [Fact]
    public void Simulate_StaffGiven_ReplacesPeopleSeen_ZeroRefused()
    {
        var (code, output, error) = CliRunner.Run("simulate", Helpdesk, "--staff", "Staff=8", "--replications", "2", "--horizon", "30d", "--no-validation", "--format", "json");
        Assert.True(code == 0, error);
        var pools = JsonDocument.Parse(output).RootElement.GetProperty("pools");
        var pool = (pools.ValueKind == JsonValueKind.Array ? pools : pools.GetProperty("rows"))[0];
        Assert.Equal("given", pool.GetProperty("staff_basis").GetString());
        Assert.Equal(8, pool.GetProperty("most_staff").GetDouble());

        var zero = CliRunner.Run("simulate", Helpdesk, "--staff", "Staff=0", "--replications", "2");
        Assert.Equal(2, zero.ExitCode);
        Assert.Contains("--staff 'Staff=0': a pool needs more than 0 staff", zero.Error, StringComparison.Ordinal);
        var unknown = CliRunner.Run("simulate", Helpdesk, "--staff", "Nobody=3", "--replications", "2", "--no-validation");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("There is no pool 'Nobody' to give staff to; the pools are: Staff.", unknown.Error, StringComparison.Ordinal);
        NoDotNet(unknown.Error);
    }

    [Fact]
    public void Simulate_OptionsThatWouldBeIgnored_AreRefusedByName()
    {
        string model = TempFile(".json");
        try
        {
            var saved = CliRunner.Run("simulate", Helpdesk, "--replications", "2", "--horizon", "30d", "--no-validation", "--save-model", model);
            Assert.True(saved.ExitCode == 0, saved.Error);

            foreach (var (args, words) in new (string[] Args, string Words)[]
            {
                (["--model", model, "--pools-by", "org:group"], "--pools-by shapes a model discovered from a log"),
                (["--model", model, "--routing-history", "3", "--staff", "Staff=4"], "--routing-history, --staff shape a model discovered from a log"),
                (["--model", model, "--from", "2012-01-01"], "--from needs a LOG to apply to"),
                (["--model", model, Helpdesk, "--no-validation"], "the LOG would not be read"),
                ([Bank, "--call-records", "--case", "x"], "--case does not apply to call records (only --from and --to"),
                ([Bank, "--call-records", "--pools-by", "org:group"], "--pools-by applies to models discovered from event logs, not to call records"),
                ([], "Give the event log to discover a model from (LOG), or a model file with --model."),
            })
            {
                var (code, output, error) = CliRunner.Run(["simulate", .. args, "--replications", "2"]);
                Assert.Equal(2, code);
                Assert.Equal(string.Empty, output);
                Assert.Contains(words, error, StringComparison.Ordinal);
            }
        }
        finally
        {
            File.Delete(model);
        }
    }

    [Fact]
    public void Simulate_ModelWithServiceLevelAndCost_Applied()
    {
        string model = TempFile(".yaml");
        try
        {
            Assert.Equal(0, CliRunner.Run("simulate", Helpdesk, "--replications", "2", "--horizon", "30d", "--no-validation", "--save-model", model).ExitCode);

            var (code, output, error) = CliRunner.Run("simulate", "--model", model, "--service-level", "2d", "--cost-per-hour", "25", "--replications", "2", "--horizon", "30d", "--format", "json");

            Assert.True(code == 0, error);
            var json = JsonDocument.Parse(output).RootElement;
            Assert.Equal("throughput <= 2d 0h", json.GetProperty("model").GetProperty("service_level").GetString());
            var kpis = json.GetProperty("kpis").GetProperty("rows").EnumerateArray().ToList();
            Assert.Contains(kpis, r => r.GetProperty("kpi").GetString() == "Within service level (throughput <= 2d)");
            var pools = json.GetProperty("pools");
            Assert.Equal(25, (pools.ValueKind == JsonValueKind.Array ? pools : pools.GetProperty("rows"))[0].GetProperty("cost_per_hour").GetDouble());
        }
        finally
        {
            File.Delete(model);
        }
    }

    [Fact]
    public void Simulate_ModelAgainstAnotherProcessesLog_IsWarnedAbout()
    {
        string model = TempFile(".json");
        try
        {
            Assert.Equal(0, CliRunner.Run("simulate", Helpdesk, "--replications", "2", "--horizon", "30d", "--no-validation", "--save-model", model).ExitCode);

            var (code, output, error) = CliRunner.Run("simulate", SharedData.PathOf("eventlogs/bpic2013_incidents.xes.gz"), "--model", model, "--replications", "2", "--horizon", "30d");

            Assert.True(code == 0, error);
            Assert.Contains("The model does not fit this log: 4 of the log's 4 steps (100% of its events) are not in the model", error, StringComparison.Ordinal);
            Assert.Contains("Warning: The model does not fit this log", output, StringComparison.Ordinal);
            Assert.DoesNotContain("reproduces the data on every measure", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(model);
        }
    }

    [Fact]
    public void Simulate_CallRecordsFromTo_SelectsTheCalls()
    {
        var records = Stepwise.Simulation.CallCentre.CallCentreRecords.Read(Bank);
        int expected = records.Count(c => c.ReachedAgents && c.Date >= new DateOnly(1999, 2, 1) && c.Date < new DateOnly(1999, 2, 15));

        var (code, output, error) = CliRunner.Run("simulate", Bank, "--call-records", "--from", "1999-02-01", "--to", "1999-02-15", "--replications", "2", "--horizon", "7d", "--format", "json");

        Assert.True(code == 0, error);
        var reached = JsonDocument.Parse(output).RootElement.GetProperty("validation").GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("measure").GetString() == "calls reaching the agents");
        Assert.Equal(expected, reached.GetProperty("observed").GetDouble());
        Assert.True(expected < records.Count(c => c.ReachedAgents) * 0.6);
    }

    [Fact]
    public void Simulate_ScenarioErrors_InTheFilesTerms()
    {
        string scenario = TempFile(".yaml");
        File.WriteAllText(scenario, "- name: more people\n  changes:\n    - type: addStaff\n      pool: Staff\n");
        try
        {
            var (code, _, error) = CliRunner.Run("simulate", Helpdesk, "--scenario", scenario, "--replications", "2", "--no-validation");
            Assert.Equal(3, code);
            Assert.Contains($"{Path.GetFileName(scenario)}, line 3, column 7: [0].changes[0].type: 'addStaff' is not a type of change; expected one of: removeStep, automateStep,", error, StringComparison.Ordinal);
            NoDotNet(error);

            File.WriteAllText(scenario, "- name: nobody\n  changes:\n    - {type: changeStaff, pool: Staff, change: -50}\n");
            var none = CliRunner.Run("simulate", Helpdesk, "--scenario", scenario, "--replications", "2", "--no-validation");
            Assert.Equal(3, none.ExitCode);
            Assert.Contains("line 3", none.Error, StringComparison.Ordinal);
            Assert.Contains("removing 50 staff leaves 'Staff' with nobody on shift in any hour", none.Error, StringComparison.Ordinal);

            File.WriteAllText(scenario, "- name: one fewer\n  changes:\n    - {type: changeStaff, pool: Staff, change: -1}\n");
            var fewer = CliRunner.Run("simulate", Helpdesk, "--scenario", scenario, "--replications", "2", "--horizon", "30d", "--no-validation");
            Assert.True(fewer.ExitCode == 0, fewer.Error);
            Assert.Contains("Removing 1 staff leaves 'Staff' with nobody on shift in ", fewer.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(scenario);
        }
    }
}
