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
    }

    [Fact]
    public void Simulate_Scenario_ComparesWithTheAsIs()
    {
        string scenario = TempFile(".json");
        File.WriteAllText(scenario, """{ "name": "no waiting step", "changes": [ { "type": "removeStep", "step": "Wait" } ] }""");
        try
        {
            var (code, output, error) = CliRunner.Run("simulate", Helpdesk, "--scenario", scenario, "--replications", "6", "--horizon", "180d", "--no-validation", "--format", "json");
            Assert.True(code == 0, error);
            var rows = JsonDocument.Parse(output).RootElement.GetProperty("scenario:no waiting step").GetProperty("rows").EnumerateArray().ToList();
            var p90 = rows.Single(r => r.GetProperty("kpi").GetString() == "Throughput time, 90th percentile");
            Assert.True(p90.GetProperty("difference").GetDouble() < 0);
            Assert.True(p90.GetProperty("significant").GetBoolean());
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
            var second = CsvRunner.Run("simulate", Helpdesk, "--replications", "3", "--horizon", "60d", "--no-validation", "--model", model);
            Assert.True(second.ExitCode == 0, second.Error);
            Assert.StartsWith("kpi,unit", first.Files["kpis"], StringComparison.Ordinal);
            Assert.Equal(first.Files["kpis"], second.Files["kpis"]);
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
        Assert.Contains("Within service level (waiting <= 00:01:00)", output, StringComparison.Ordinal);
    }
}
