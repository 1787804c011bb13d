using System.Globalization;
using System.Text.Json;
using Stepwise.Testing;

namespace Stepwise.Cli.Tests;

/// <summary>A quality review of the airline survey kept in a workspace through the command line alone.</summary>
public sealed class QualityCommandTests : IDisposable
{
    private static readonly string Airline = SharedData.PathOf("surveys/airline_passenger_satisfaction_kaggle_test.csv");
    private readonly string _folder = Directory.CreateTempSubdirectory("stepwise-cli-quality-").FullName;

    private string Workspace => Path.Combine(_folder, "quality.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (int ExitCode, string Output, string Error) Run(params string[] args)
        => CliRunner.Run([.. args, "--workspace", Workspace, "--by", "lead"]);

    private JsonElement Json(params string[] args)
    {
        var (code, output, error) = Run([.. args, "--format", "json"]);
        Assert.True(code == 0, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    // A table with notes is an object with rows and notes in JSON; without, an array of rows.
    private static JsonElement Rows(JsonElement part) => part.ValueKind == JsonValueKind.Array ? part : part.GetProperty("rows");

    private string CreateQualityReview()
    {
        Assert.Equal(0, Run("review", "init").ExitCode);
        string id = Json("review", "create", "--quality", "--title", "Passenger satisfaction", "--owner", "Quality lead").GetProperty("id").GetString()!;
        Json("quality", "feature", id, "--name", "Inflight wifi service", "--why", "Business travellers work on board");
        Json("quality", "measure", id, "--metric", "Wifi top-2-box", "--feature", "Inflight wifi service", "--statistic", "top2", "--column", "Inflight wifi service",
            "--method", "survey", "--target", ">=50%", "--frequency", "monthly", "--owner", "Inflight product manager");
        return id;
    }

    [Fact]
    public void QualityReview_EveryStageFromTheCommandLine_ShownByReviewShow()
    {
        string id = CreateQualityReview();
        string units = Path.Combine(_folder, "units.csv");
        var sample = Json("quality", "sample", id, Airline, "--name", "By class", "--id", "id", "--strata", "Class", "--size", "200", "--seed", "5", "-o", units);
        Assert.Equal(SharedData.Sha256(units), sample.GetProperty("sample").GetProperty("units_sha256").GetString());
        var check = Json("quality", "check", id, Airline, units, "--sample", "By class");
        Assert.Equal(200, Rows(check.GetProperty("balance")).EnumerateArray().Sum(r => r.GetProperty("sample").GetInt32()));

        var analysis = Json("quality", "analyse", id, Airline, "--title", "Test split", "--not-applicable", "0", "--sample", "By class");
        // The top-2-box share of the wifi item, counted by hand over the answers that are not 0 (not applicable).
        var wifi = File.ReadLines(Airline).Skip(1).Select(l => int.Parse(l.Split(',')[8], CultureInfo.InvariantCulture)).Where(v => v != 0).ToList();
        var result = Assert.Single(Rows(analysis.GetProperty("results")).EnumerateArray());
        Assert.Equal((double)wifi.Count(v => v >= 4) / wifi.Count, result.GetProperty("value").GetDouble(), 6);
        Assert.Equal("missed", result.GetProperty("verdict").GetString());

        var findings = Json("quality", "findings", id, "--from", "Test split");
        Assert.Contains(Rows(findings).EnumerateArray(), f => f.GetProperty("subject").GetString() == "Wifi top-2-box" && f.GetProperty("kind").GetString() == "gap");
        Json("review", "stakeholder", id, "--name", "Sam Sponsor", "--group", "senior-managers", "--role", "accountable");
        string action = Json("quality", "action", id, "--title", "Simplify the wifi log-in", "--finding", "Wifi top-2-box", "--owner", "Inflight product manager", "--due", "2024-09-30").GetProperty("id").GetString()!;
        var signed = Json("review", "signoff", id, "--artefact", "action:" + action, "--stakeholder", "Sam Sponsor", "--on-behalf-reason", "agreed at the April meeting");
        Assert.True(signed.GetProperty("agreed").GetBoolean());
        Json("quality", "brief", id, "--audience", "front-line-staff", "--channel", "team briefing", "--message", "Wifi misses its target", "--at", "2024-04-10", "--action", "Simplify the wifi log-in");
        Json("quality", "revise", id, "--metric", "Wifi top-2-box", "--reason", "low-response-rate", "--explanation", "Wifi is not offered on short flights", "--frequency", "quarterly");

        var show = Json("review", "show", id);
        Assert.Equal("Passenger satisfaction", show.GetProperty("review").GetProperty("title").GetString());
        Assert.Equal("2024-09-30", Rows(show.GetProperty("actions"))[0].GetProperty("due").GetString());
        Assert.True(Rows(show.GetProperty("actions"))[0].GetProperty("agreed").GetBoolean());
        Assert.Equal("front-line-staff", Rows(show.GetProperty("briefings"))[0].GetProperty("audience").GetString());
        Assert.Equal("frequency: monthly -> quarterly", Rows(show.GetProperty("revisions"))[0].GetProperty("changes").GetString());
        Assert.Single(Rows(show.GetProperty("samples")).EnumerateArray());
        Assert.Equal(SharedData.Sha256(Airline), Rows(show.GetProperty("data_sources"))[0].GetProperty("sha256").GetString());
    }

    [Fact]
    public void QualityMeasure_UnknownMethod_ExitTwoNamingTheOption()
    {
        string id = CreateQualityReview();
        var (code, _, error) = Run("quality", "measure", id, "--metric", "M", "--method", "telepathy", "--target", ">=1", "--frequency", "monthly");
        Assert.Equal(2, code);
        Assert.Contains("--method: 'telepathy' is not one of survey, qa-review, mystery-shopping, complaint-analysis, operational-data.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void QualityCheck_PopulationFileChanged_RefusedNamingTheFileItWasDrawnFrom()
    {
        string id = CreateQualityReview();
        string units = Path.Combine(_folder, "units.csv");
        Json("quality", "sample", id, Airline, "--name", "By class", "--id", "id", "--strata", "Class", "--size", "50", "-o", units);
        string other = Path.Combine(_folder, "other.csv");
        File.WriteAllLines(other, File.ReadLines(Airline).Take(5000));
        var (code, _, error) = Run("quality", "check", id, other, units, "--sample", "By class");
        Assert.Equal(6, code);
        Assert.Contains("airline_passenger_satisfaction_kaggle_test.csv", error, StringComparison.Ordinal);
    }
}
