using System.Text.Json;
using Stepwise.Mining.IO;
using Stepwise.Testing;

namespace Stepwise.Cli.Tests;

/// <summary>
/// One whole review of the bundled help-desk log driven through the command line alone, from scope to monitor: the
/// people sign and answer as themselves, options are simulated, evaluated, recommended, planned, carried out and
/// monitored, and the review is exported and read into another workspace.
/// </summary>
public sealed class ReviewCycleCliTests : IDisposable
{
    private static readonly string Log = Path.Combine(SharedData.RepositoryRoot, "samples", "helpdesk.xes.gz");
    private static readonly string Options = Path.Combine(SharedData.RepositoryRoot, "samples", "helpdesk-options.yaml");
    private readonly string _folder = Directory.CreateTempSubdirectory("stepwise-cycle-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Workspace => Path.Combine(_folder, "team.db");

    [Fact]
    public void Review_FromScopeToMonitor_ThroughTheCommandLineAlone()
    {
        Ok("review", "init");
        string id = Json("lead", "review", "create", "--title", "Help desk tickets", "--aim", "Resolve tickets faster").GetProperty("id").GetString()!;
        Ok("user", "add", "sam", "--display-name", "Sam Sponsor");
        Ok("user", "add", "tia", "--display-name", "Tia Teamlead");
        Ok("review", "member", "add", id, "sam", "--role", "approver");
        Ok("review", "member", "add", id, "tia", "--role", "contributor");
        Ok("review", "stakeholder", id, "--name", "Sam Sponsor", "--group", "senior-managers", "--role", "accountable", "--account", "sam");
        Ok("review", "stakeholder", id, "--name", "Tia Teamlead", "--group", "team-leaders", "--role", "consulted", "--account", "tia");

        // Scope, signed by the sponsor himself.
        Ok("review", "scope", id, "--end", "Closed", "--allow", "automate,remove-step,reduce-rework", "--budget", "25000", "--in", "Tickets that are closed", "--keep", "Closed=the customer must be told");
        var signed = Json("sam", "review", "signoff", id);
        Assert.Equal(("Sam Sponsor", false, true), (signed.GetProperty("entered_by").GetString(), signed.GetProperty("on_behalf").GetBoolean(), signed.GetProperty("agreed").GetBoolean()));
        Stage(id, "analyse");

        // Data and analyses inside the scope.
        var imported = Json("lead", "review", "import", id, Log);
        Assert.Equal(SharedData.Sha256(Log), imported.GetProperty("sha256").GetString());
        var summary = Json("lead", "summary", "--review", id);
        Assert.Equal(ClosedCases(), summary.GetProperty("summary").GetProperty("cases").GetInt32());
        Assert.Equal(1, summary.GetProperty("basis").GetProperty("scope_version").GetInt32());
        Ok("map", "--review", id, "-o", Path.Combine(_folder, "map.svg"), "--activities", "80");
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(_folder, "map.svg")), StringComparison.Ordinal);
        var saved = Json("lead", "steps", "--review", id, "--rules", "it-service-desk").GetProperty("recorded");
        Assert.Equal(14, saved.GetProperty("steps_created").GetInt64());
        Stage(id, "challenge");

        // A question put to the team lead, answered by her.
        var question = Json("lead", "review", "question", id, "--step", "Wait", "--text", "What are tickets waiting for?", "--ask", "Tia Teamlead").GetProperty("id").GetString()!;
        var answered = Json("tia", "review", "answer", id, question[..8], "--text", "For the customer to reply.");
        Assert.False(answered.GetProperty("on_behalf").GetBoolean());
        var (refused, _, refusal) = Run("tia", "review", "answer", id, question[..8], "--text", "x", "--stakeholder", "Sam Sponsor");
        Assert.Equal(7, refused);
        Assert.Contains("on their behalf", refusal);

        // Options are the simulation's scenarios; simulate them against the as-is.
        var options = Json("lead", "review", "option", id, "--from-scenarios", Options);
        Assert.Equal(3, options.GetArrayLength());
        var simulated = Json("lead", "review", "simulate", id, "--replications", "3", "--seed", "7", "--horizon", "60d", "--cost-per-hour", "30");
        Assert.Equal(3, simulated.GetProperty("saved").GetProperty("rows").GetArrayLength());
        Stage(id, "evaluate");

        // Evaluate: matrix, cost-benefit from the simulation, risk.
        Ok("review", "criteria", id, "--criterion", "Speed=0.5", "--criterion", "Cost=0.3", "--criterion", "Risk=0.2");
        foreach (var (option, speed, cost, risk) in new[] { ("no waiting step", "5", "4", "2"), ("halve rework", "3", "4", "3"), ("automate triage", "2", "3", "4") })
        {
            Ok("review", "score", id, "--option", option, "--criterion", "Speed", "--score", speed, "--rationale", "from the simulation");
            Ok("review", "score", id, "--option", option, "--criterion", "Cost", "--score", cost, "--rationale", "estimate");
            Ok("review", "score", id, "--option", option, "--criterion", "Risk", "--score", risk, "--rationale", "judgement");
        }

        var matrix = Json("lead", "review", "matrix", id);
        Assert.Equal("no waiting step", matrix.GetProperty("ranking")[0].GetProperty("option").GetString());
        Assert.Equal(4.1, matrix.GetProperty("ranking")[0].GetProperty("weighted_score").GetDouble(), 9); // 0.5x5 + 0.3x4 + 0.2x2
        var money = Json("lead", "review", "cost", id, "--option", "no waiting step", "--one-off-cost", "8000", "--yearly-cost", "500", "--savings-kpi", "throughput_median", "--savings-per-unit", "0.01");
        Assert.True(money.GetProperty("npv_low").GetDouble() <= money.GetProperty("npv").GetDouble());
        Ok("review", "risk", id, "--option", "no waiting step", "--description", "Customers unreachable", "--likelihood", "3", "--impact", "3", "--owner", "Tia Teamlead", "--mitigation", "Auto-close after 7 days");
        Stage(id, "decide");

        // Decide: a recommendation signed by the sponsor's own account.
        Ok("review", "recommend", id, "--title", "Stop parking tickets", "--option", "no waiting step", "--rationale", "Fastest for the money");
        Assert.Equal(6, Run("lead", "review", "stage", id, "implement").ExitCode);
        Assert.True(Json("sam", "review", "signoff", id, "--artefact", "recommendation").GetProperty("agreed").GetBoolean());
        Ok("review", "task", id, "--title", "Change the Wait rule", "--owner", "Tia Teamlead", "--due", "2026-04-15", "--responsible", "Tia Teamlead", "--accountable", "Sam Sponsor");
        Ok("review", "task", id, "--title", "Brief the agents", "--owner", "Tia Teamlead", "--due", "2026-04-30", "--depends-on", "Change the Wait rule", "--informed", "Sam Sponsor");
        Assert.Equal(2, Run("lead", "review", "go-live", id, "first of June").ExitCode);
        Ok("review", "go-live", id, "2012-06-01");
        Json("sam", "review", "signoff", id, "--artefact", "plan");
        Ok("review", "communicate", id, "--to", "all", "--channel", "meeting", "--message", "Plan agreed", "--about", "plan");
        Stage(id, "implement");

        // Implement: the task owner reports progress herself.
        Json("tia", "review", "progress", id, "Change the Wait rule", "--status", "done");
        Assert.Equal(6, Run("lead", "review", "stage", id, "monitor").ExitCode);
        var tasks = Json("tia", "review", "progress", id, "Brief the agents", "--status", "done").EnumerateArray().ToList();
        // Dependencies by title and RACI by role and name, as given to 'review task' above.
        Assert.Equal("R: Tia Teamlead; A: Sam Sponsor", tasks.Single(t => t.GetProperty("task").GetString() == "Change the Wait rule").GetProperty("raci").GetString());
        var brief = tasks.Single(t => t.GetProperty("task").GetString() == "Brief the agents");
        Assert.Equal("Change the Wait rule", brief.GetProperty("depends_on").GetString());
        Assert.Equal("I: Sam Sponsor", brief.GetProperty("raci").GetString());
        Stage(id, "monitor");

        // Monitor: a KPI with a baseline and a measurement computed from the data.
        Ok("review", "kpi", id, "--name", "Median resolution time", "--metric", "throughput_median_hours", "--target", "850", "--baseline-from", "2012-01-01", "--baseline-to", "2013-01-01");
        var measured = Json("lead", "review", "measure", id, "--kpi", "Median resolution time", "--from", "2013-01-01", "--to", "2013-07-01");
        Assert.Equal(SharedData.Sha256(Log), measured.GetProperty("data_sha256").GetString());
        Assert.Equal("hours", measured.GetProperty("unit").GetString());
        Assert.Equal(850, measured.GetProperty("target").GetDouble());

        // Did it work? The engine on the review's data, kept in the review; the same figures as `stepwise monitor` on the file.
        // No --change-date: the plan goes live on 1 June 2012. Satisfaction from the survey responses, linked as the
        // step assessments link them; first-contact resolution from repeat contacts by the customer.
        var monitored = Json("lead", "review", "monitor", id, "--settling-in", "14d", "--waiting-steps", "3", "--resamples", "2000",
            "--feedback", Path.Combine(SharedData.RepositoryRoot, "samples", "helpdesk-feedback.csv"), "--customer-attribute", "customer");
        Assert.StartsWith("2012-06-01", monitored.GetProperty("stored").GetProperty("change_date").GetString(), StringComparison.Ordinal);
        Assert.Equal(SharedData.Sha256(Log), monitored.GetProperty("stored").GetProperty("before_sha256").GetString());
        Assert.Equal(1, monitored.GetProperty("stored").GetProperty("version").GetInt32());
        var inReview = monitored.GetProperty("kpis").GetProperty("rows").EnumerateArray().ToList();
        Assert.Contains(inReview, k => k.GetProperty("name").GetString() == "Median resolution time");
        Assert.Contains(inReview, k => k.GetProperty("key").GetString() == "satisfaction");
        Assert.Contains(inReview, k => k.GetProperty("key").GetString() == "first_contact_resolution");
        Assert.All(monitored.GetProperty("verdicts").GetProperty("rows").EnumerateArray(), v => Assert.StartsWith(v.GetProperty("verdict").GetString()!, v.GetProperty("in_words").GetString()!, StringComparison.Ordinal));
        var onFile = JsonDocument.Parse(CliRunner.Run("monitor", Log, "--ends-with", "Closed", "--change-date", "2012-06-01", "--settling-in", "14d", "--waiting-steps", "3", "--resamples", "2000", "--format", "json").Output).RootElement;
        var fileRework = onFile.GetProperty("kpis").GetProperty("rows").EnumerateArray().Single(k => k.GetProperty("key").GetString() == "rework_rate");
        var reviewRework = inReview.Single(k => k.GetProperty("key").GetString() == "rework_rate");
        Assert.Equal(fileRework.GetProperty("after").GetDouble(), reviewRework.GetProperty("after").GetDouble());
        Assert.Equal(fileRework.GetProperty("ci_low").GetDouble(), reviewRework.GetProperty("ci_low").GetDouble());
        Assert.Equal(7, Run("tia", "review", "monitor", id, "--change-date", "2012-06-01").ExitCode);

        var show = Json("lead", "review", "show", id);
        Assert.Equal("Monitor", show.GetProperty("review").GetProperty("stage").GetString());
        Assert.Contains(show.GetProperty("answers").EnumerateArray(), a => a.GetProperty("by").GetString() == "Tia Teamlead" && !a.GetProperty("on_behalf").GetBoolean());
        Assert.Equal(3, show.GetProperty("options").GetArrayLength());
        Assert.All(show.GetProperty("options").EnumerateArray(), o => Assert.Equal(SharedData.Sha256(Log), o.GetProperty("data_sha256").GetString()));
        Assert.True(show.GetProperty("simulations").GetArrayLength() > 10);
        Assert.Equal(9, show.GetProperty("matrix").GetArrayLength());
        Assert.Single(show.GetProperty("cost_benefit").EnumerateArray());
        Assert.Single(show.GetProperty("risks").EnumerateArray());
        Assert.True(show.GetProperty("recommendations")[0].GetProperty("agreed").GetBoolean());
        Assert.All(show.GetProperty("tasks").EnumerateArray(), t => Assert.Equal("done", t.GetProperty("status").GetString()));
        Assert.StartsWith("2012-06-01", show.GetProperty("review").GetProperty("go_live").GetString(), StringComparison.Ordinal);
        Assert.True(show.GetProperty("monitoring_run").GetProperty("monitored").GetBoolean());
        Assert.Equal(1, show.GetProperty("monitoring_run").GetProperty("version").GetInt32());
        var verdictRows = show.GetProperty("monitoring_verdicts").EnumerateArray().ToList();
        Assert.Equal(inReview.Count, verdictRows.Count);
        Assert.Contains(verdictRows, v => v.GetProperty("kpi").GetString() == "Satisfaction (mean linked score)" && v.GetProperty("unit").GetString() == "score");
        Assert.Single(show.GetProperty("communications").EnumerateArray());
        Assert.Equal(2, show.GetProperty("measurements").GetArrayLength()); // baseline and one measurement
        Assert.All(show.GetProperty("sign_offs").EnumerateArray(), s => Assert.Equal("Sam Sponsor", s.GetProperty("entered_by").GetString()));
        Assert.Contains("Must stay: Closed (the customer must be told).", show.GetProperty("scope_text").EnumerateArray().Select(l => l.GetProperty("line").GetString()));

        var history = Json("lead", "review", "history", id);
        Assert.Contains(history.EnumerateArray(), h => h.GetProperty("artefact").GetString() == "the implementation plan" && h.GetProperty("by").GetString() == "Tia Teamlead"
            && h.GetProperty("changes").GetString()!.Contains("tasks[task 'Change the Wait rule'].status: not_started -> done", StringComparison.Ordinal));

        // Reports: the board paper; personal data only for the owner, and then recorded in the history.
        string board = Path.Combine(_folder, "board.pdf");
        Ok("report", id, "--audience", "senior-managers", "--format", "pdf", "-o", board);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(board)[..4]));
        string personal = Path.Combine(_folder, "front-line.html");
        var (denied, _, deniedError) = Run("tia", "report", id, "--audience", "front-line-staff", "--format", "html", "-o", personal, "--include-personal-data");
        Assert.NotEqual(0, denied);
        Assert.Contains("owner", deniedError, StringComparison.Ordinal);
        Assert.False(File.Exists(personal));
        var (bad, _, badError) = Run("lead", "report", id, "--audience", "board", "-o", personal);
        Assert.NotEqual(0, bad);
        Assert.Contains("--audience", badError, StringComparison.Ordinal);
        Ok("report", id, "--audience", "front-line-staff", "--format", "html", "-o", personal, "--include-personal-data");
        Assert.Contains("front-line-staff report (html)", Json("lead", "review", "history", id).GetRawText(), StringComparison.Ordinal);

        // The whole review moves to another workspace and reads the same there.
        string archive = Path.Combine(_folder, "review.json");
        Ok("review", "export", id, "-o", archive);
        string other = Path.Combine(_folder, "other.db");
        Assert.Equal(0, CliRunner.Run("review", "init", "-w", other, "--by", "admin").ExitCode);
        Assert.Equal(0, CliRunner.Run("review", "import-json", archive, "-w", other, "--by", "admin").ExitCode);
        var copy = JsonDocument.Parse(CliRunner.Run("review", "show", id, "-w", other, "--by", "admin", "-f", "json").Output).RootElement;
        foreach (var part in new[] { "scope_text", "steps", "questions", "answers", "options", "simulations", "matrix", "cost_benefit", "risks", "recommendations", "evidence", "tasks", "communications", "kpis", "measurements", "sign_offs" })
        {
            Assert.Equal(show.GetProperty(part).GetRawText(), copy.GetProperty(part).GetRawText());
        }
    }

    private static int ClosedCases()
    {
        var log = EventLogFile.Read(Log).Log;
        return Enumerable.Range(0, log.CaseCount).Count(c => log.ActivityNames[log.Activities[log.CaseEnd(c) - 1]] == "Closed");
    }

    private void Stage(string id, string stage) => Assert.Equal(stage, Json("lead", "review", "stage", id, stage).GetProperty("stage").GetString()!.ToLowerInvariant());

    private void Ok(params string[] args)
    {
        var (code, _, error) = Run("lead", args);
        Assert.True(code == 0, string.Join(' ', args) + ": " + error);
    }

    private (int ExitCode, string Output, string Error) Run(string user, params string[] args) => CliRunner.Run([.. args, "--workspace", Workspace, "--by", user]);

    private JsonElement Json(string user, params string[] args)
    {
        var (code, output, error) = Run(user, [.. args, "--format", "json"]);
        Assert.True(code == 0, string.Join(' ', args) + ": " + error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
