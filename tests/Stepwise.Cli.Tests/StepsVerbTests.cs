using System.Text.Json;
using Stepwise.Review.Common;
using Stepwise.Review.Steps;
using Stepwise.Review.Workspaces;
using Stepwise.Steps.Synthetic;
using Stepwise.Storage;
using Stepwise.Storage.Sqlite;
using Stepwise.Testing;

namespace Stepwise.Cli.Tests;

/// <summary><c>stepwise steps</c> and <c>stepwise questions</c> on the real logs, with generated feedback, rates and rules.</summary>
public sealed class StepsVerbTests : IDisposable
{
    private static readonly string Helpdesk = SharedData.PathOf("eventlogs/helpdesk.xes.gz");
    private static readonly string Bpic = SharedData.PathOf("eventlogs/bpic2013_incidents.xes.gz");
    private static readonly string Incidents = SharedData.PathOf("eventlogs/incident_event_log.csv.zip");
    private static readonly string[] IncidentColumns = ["--case", "number", "--activity", "incident_state", "--timestamp", "sys_updated_at", "--resource", "sys_updated_by"];

    private readonly string _folder = Directory.CreateTempSubdirectory("stepwise-cli-steps-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Synthetic responses for the help-desk cases with a planted effect (repeating 'Take in charge ticket': -1.5).</summary>
    private string Feedback()
    {
        string path = Path.Combine(_folder, "feedback.csv");
        var log = Stepwise.Mining.IO.EventLogFile.Read(Helpdesk).Log;
        PlantedFeedbackGenerator.Generate(log, new PlantedFeedbackOptions { Seed = 3, Effects = [PlantedEffect.Repeat("Take in charge ticket", -1.5)], CustomerAttribute = "customer", CustomerOnlyShare = 0.2 }).WriteCsv(path);
        return path;
    }

    private static JsonElement Json(params string[] args)
    {
        var (code, output, error) = CliRunner.Run([.. args, "--format", "json"]);
        Assert.True(code == 0, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    [Fact]
    public void Steps_FeedbackNotLinked_SummarySaysWhyAndHowMany()
    {
        // Three responses: one links by case id, one names a case the log lacks, one repeats the first case's.
        string feedback = Write("survey.csv", "response_id,case_id,overall_satisfaction\nR1,Case 1,7\nR2,Case 999999,8\nR3,Case 1,9\n");

        var (code, output, error) = CliRunner.Run("steps", Helpdesk, "--feedback", feedback, "--feedback-case-id", "case_id", "--feedback-overall", "overall_satisfaction", "--wide");

        Assert.True(code == 0, error);
        Assert.Contains("Feedback: 3 responses; 1 linked (1 by case id, 0 by customer and time); 1 cases scored. Not linked: case id not in the log, 1; case already has a response (the first is used), 1.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Steps_HelpdeskWithFeedbackRatesAndRules_ScorecardWithEveryPart()
    {
        string rates = Write("rates.csv", "resource,hourly_rate\nValue 1,30\n*,28\n");

        var json = Json("steps", Helpdesk, "--feedback", Feedback(), "--customer-attribute", "customer", "--rates", rates, "--rules", "it-service-desk", "--show", "all");

        var assessment = json.GetProperty("assessment");
        Assert.Equal(SharedData.Sha256(Helpdesk), assessment.GetProperty("data_sha256").GetString());
        Assert.Contains("estimated, not measured", assessment.GetProperty("handling_time_method").GetString());
        var steps = json.GetProperty("steps");
        var rows = steps.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(14, rows.Count);
        var take = rows.Single(r => r.GetProperty("step").GetString() == "Take in charge ticket");
        Assert.Equal(5060, take.GetProperty("events").GetInt64());
        Assert.Equal("estimated", take.GetProperty("handling_basis").GetString());
        Assert.True(take.GetProperty("cost").GetDouble() > 0);
        Assert.Contains(steps.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("estimated, not measured", StringComparison.Ordinal));
        var rework = json.GetProperty("satisfaction").GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "rework" && r.GetProperty("subject").GetString() == "Take in charge ticket");
        Assert.True(rework.GetProperty("flagged").GetBoolean());
        Assert.InRange(-1.5, rework.GetProperty("adjusted_lower").GetDouble(), rework.GetProperty("adjusted_upper").GetDouble());
        Assert.Contains(json.GetProperty("feedback_link").EnumerateArray(), r => r.GetProperty("outcome").GetString() == "by-customer");
        Assert.NotEmpty(json.GetProperty("violations").EnumerateArray());
        var costRows = json.GetProperty("cost_steps").GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(assessment.GetProperty("total_cost").GetDouble(), costRows.Where(r => r.GetProperty("total_cost").ValueKind == JsonValueKind.Number).Sum(r => r.GetProperty("total_cost").GetDouble()), 6);

        // Steps without a handling time are not costed: null, never 0, with how to cost them, in JSON and in the table.
        var verified = costRows.Single(r => r.GetProperty("step").GetString() == "VERIFIED");
        Assert.Equal(JsonValueKind.Null, verified.GetProperty("total_cost").ValueKind);
        Assert.Equal("no", verified.GetProperty("costed").GetString());
        Assert.Contains("standard time for 'VERIFIED'", verified.GetProperty("how_to_cost").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, rows.Single(r => r.GetProperty("step").GetString() == "VERIFIED").GetProperty("cost").ValueKind);

        // The timer before 'Closed' is in the scorecard, and the value-added share comes with its basis and context.
        var closed = rows.Single(r => r.GetProperty("step").GetString() == "Closed");
        Assert.InRange(closed.GetProperty("timer_seconds").GetDouble(), (15 * 86400) - 300, (15 * 86400) + 300);
        Assert.Equal(JsonValueKind.Null, take.GetProperty("timer_seconds").ValueKind);
        Assert.StartsWith("Value-added share of throughput time: ", assessment.GetProperty("value_added").GetString(), StringComparison.Ordinal);
        Assert.Contains("of value-adding work per case", assessment.GetProperty("value_added").GetString(), StringComparison.Ordinal);
        var (_, text, _) = CliRunner.Run("steps", Helpdesk, "--rates", rates, "--show", "scorecard", "--wide");
        Assert.Matches(@"VERIFIED +3 +3 .* not costed +- +no ", text);
        Assert.Contains("Cost not costed: 'DUPLICATE', 'INVALID', 'RESOLVED', 'VERIFIED' (a missing figure, not zero). To cost them, give standard times (--standard-time", text);
        Assert.DoesNotMatch(@"Value-added share of throughput time: [0-9.]+%\.", text);
        Assert.NotEmpty(json.GetProperty("questions").GetProperty("rows").EnumerateArray());
    }

    [Fact]
    public void Steps_Bpic2013ByTeam_RulesEvaluatedThroughAliasesInEveryFormat()
    {
        var json = Json("steps", Bpic, "--handover-by", "org:group", "--rules", "it-service-desk", "--show", "compliance");

        var rules = json.GetProperty("rules").GetProperty("rows").EnumerateArray().ToList();
        var p3 = rules.Single(r => r.GetProperty("rule").GetString() == "resolve-p3-3d");
        Assert.Equal("evaluated", p3.GetProperty("status").GetString());
        Assert.Equal("Completed", p3.GetProperty("step").GetString());
        Assert.True(p3.GetProperty("violations").GetInt64() > 0);
        Assert.Equal("not evaluable", rules.Single(r => r.GetProperty("rule").GetString() == "resolved-before-closed").GetProperty("status").GetString());

        var (code, csv, error) = CsvRunner.Run("steps", Bpic, "--handover-by", "org:group");
        Assert.True(code == 0, error);
        Assert.StartsWith("step,events,cases,handling_median_seconds,handling_basis,waiting_median_seconds,rework_share,handover_share,timer_seconds,timer_share,value_class,questions", csv["steps"], StringComparison.Ordinal);
        var (textCode, text, _) = CliRunner.Run("steps", Bpic, "--handover-by", "org:group");
        Assert.Equal(0, textCode);
        Assert.Contains("Step scorecard: 4 steps of 7,554 cases", text);
    }

    [Fact]
    public void Steps_IncidentExport_ServiceLevelBreachesPerStep()
    {
        var json = Json(["steps", Incidents, .. IncidentColumns, "--rules", "it-service-desk"]);

        var resolved = json.GetProperty("steps").GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("step").GetString() == "Resolved");
        Assert.True(resolved.GetProperty("violations").GetInt64() > 1000);
        Assert.InRange(resolved.GetProperty("compliance_rate").GetDouble(), 0.01, 0.99);
        Assert.Equal(24918, json.GetProperty("assessment").GetProperty("cases").GetInt64());
    }

    [Fact]
    public void Questions_Helpdesk_RankedByImpactWithEvidenceAndFilteredByStep()
    {
        var json = Json("questions", Helpdesk, "--threshold", "rework_share=0.12");

        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        Assert.True(rows.Count >= 5);
        var impacts = rows.Select(r => r.GetProperty("impact").GetDouble()).ToList();
        Assert.Equal(impacts.OrderByDescending(x => x), impacts);
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("evidence").GetString())));
        Assert.Contains(rows, r => r.GetProperty("id").GetString() == "rework/Take in charge ticket");
        Assert.DoesNotContain(rows, r => r.GetProperty("id").GetString() == "rework/Assign seriousness");

        var wait = Json("questions", Helpdesk, "--step", "Wait").GetProperty("rows").EnumerateArray().ToList();
        Assert.NotEmpty(wait);
        Assert.All(wait, r => Assert.Equal("Wait", r.GetProperty("step").GetString()));
    }

    [Fact]
    public void Questions_IncidentExport_Run()
    {
        var json = Json(["questions", Incidents, .. IncidentColumns, "--value", "Active=VA", "--top", "10"]);

        Assert.Equal(10, json.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public void Steps_BadRuleFile_ExitCode1NamingLineColumnAndField()
    {
        string rules = Write("bad-rules.yaml", "rules:\n  - id: late\n    type: time-limit\n    from: A\n    to: B\n    within: soon\n");

        var (code, _, error) = CliRunner.Run("steps", Helpdesk, "--rules", rules);

        Assert.Equal(3, code);
        Assert.Contains("bad-rules.yaml, line 6, column 13, field 'within': expected a duration", error);
    }

    [Theory]
    [InlineData("--rules", "no-such-pack", "neither a rule file nor a shipped pack (it-service-desk")]
    [InlineData("--threshold", "rework=0.2", "'rework' is not a threshold")]
    [InlineData("--threshold", "rework_share=2", "expected a share between 0 and 1")]
    [InlineData("--value", "Wait=waste", "'waste' is not a value class")]
    [InlineData("--handover-by", "team", "the log has no attribute 'team'")]
    [InlineData("--standard-time", "Closed", "must be Activity=12m")]
    public void Steps_BadOption_ExitCode1WithTheReason(string option, string value, string expected)
    {
        var (code, _, error) = CliRunner.Run("steps", Helpdesk, option, value);

        Assert.Equal(2, code);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Steps_BadFeedbackRow_NamesTheFileLineAndColumn()
    {
        string feedback = Write("survey.csv", "response_id,case_id,overall_satisfaction\nR1,Case 1,7\nR2,Case 2,eleven\n");

        var (code, _, error) = CliRunner.Run("steps", Helpdesk, "--feedback", feedback, "--feedback-case-id", "case_id", "--feedback-overall", "overall_satisfaction");

        Assert.Equal(3, code);
        Assert.Contains("survey.csv", error);
        Assert.Contains("line 3", error);
        Assert.Contains("overall_satisfaction", error);
    }

    [Fact]
    public void Steps_FeedbackWithoutCaseOrCustomerColumn_SaysItCannotLink()
    {
        string feedback = Write("survey.csv", "response_id,overall_satisfaction\nR1,7\nR2,9\n");

        var (code, _, error) = CliRunner.Run("steps", Helpdesk, "--feedback", feedback);

        Assert.Equal(2, code);
        Assert.Contains("survey.csv has no case id column", error);
    }

    [Fact]
    public void Steps_BadRatesFile_NamesTheLine()
    {
        string rates = Write("rates.csv", "resource,hourly_rate\nValue 1,thirty\n");

        var (code, _, error) = CliRunner.Run("steps", Helpdesk, "--rates", rates);

        Assert.Equal(3, code);
        Assert.Contains("rates.csv, line 2, column 2, field 'hourly_rate'", error);
    }

    [Fact]
    public void Steps_WithReview_SavesAssessmentsAndQuestionsWithTheDataHashAndUpdatesOnRerun()
    {
        string workspace = Path.Combine(_folder, "team.db");
        Assert.Equal(0, CliRunner.Run("review", "init", "-w", workspace).ExitCode);
        string id = Json("review", "create", "-w", workspace, "--title", "Help desk", "--owner", "lead").GetProperty("id").GetString()!;
        Json("review", "stakeholder", id, "-w", workspace, "--name", "Tina Teamlead", "--group", "TeamLeaders", "--role", "Responsible");
        Assert.Equal(0, CliRunner.Run("user", "add", "analyst", "-w", workspace).ExitCode);
        Assert.Equal(0, CliRunner.Run("review", "member", "add", id, "analyst", "--role", "analyst", "-w", workspace).ExitCode);
        string book = Write("book.yaml", "questions:\n  - id: rework/Take in charge ticket\n    answer: Tickets are parked at shift end and taken again.\n    answered_by: Tina Teamlead\n    option: Explicit hand-over at shift end\n");
        string[] args = ["steps", Helpdesk, "--workspace", workspace, "--review", id[..8], "--by", "analyst", "--feedback", Feedback(), "--rates", Write("r.csv", "resource,hourly_rate\n*,30\n"), "--rules", "it-service-desk", "--answers", book];

        var (missingCode, _, missingError) = CliRunner.Run(args);
        Assert.Equal(2, missingCode);
        Assert.Contains("is not imported into review", missingError);

        Assert.Equal(0, CliRunner.Run("review", "import", id, Helpdesk, "-w", workspace).ExitCode);
        var first = Json(args).GetProperty("recorded");
        Assert.Equal(14, first.GetProperty("steps_created").GetInt64());
        Assert.Equal(1, first.GetProperty("answers_saved").GetInt64());
        Assert.Equal(1, first.GetProperty("options_saved").GetInt64());
        var again = Json(args).GetProperty("recorded");
        Assert.Equal(0, again.GetProperty("steps_created").GetInt64());
        Assert.Equal(0, again.GetProperty("answers_saved").GetInt64());
        Assert.Equal(0, again.GetProperty("questions_saved").GetInt64());

        using var store = SqliteWorkspaceStore.Open(workspace);
        var domain = new Workspace(store, TimeProvider.System, new Version7Ids(TimeProvider.System));
        var reviewId = Guid.Parse(id);
        var steps = domain.List<Step>(reviewId).Select(s => s.Value).ToList();
        Assert.Equal(14, steps.Count);
        Assert.Equal(Stepwise.Review.Steps.ValueClass.NonValueAdding, steps.Single(s => s.Name == "Wait").Value);
        var assessments = domain.List<StepAssessment>(reviewId);
        var hash = new ContentHash(SharedData.Sha256(Helpdesk));
        Assert.All(assessments, a => Assert.Equal(hash, a.Value.DataHash));
        Assert.Equal(2, assessments.Single(a => a.Value.Aspect == AssessmentAspect.CustomerSatisfaction && a.Value.StepId == steps.Single(s => s.Name == "Take in charge ticket").Id).Version);
        var take = steps.Single(s => s.Name == "Take in charge ticket").Id;
        var cost = assessments.Single(a => a.Value.StepId == take && a.Value.Aspect == AssessmentAspect.Cost).Value;
        Assert.True(cost.Measures["total_cost"] > 0);
        Assert.Contains(cost.Evidence, e => e.Source.Contains("estimated, not measured", StringComparison.Ordinal));
        var satisfaction = assessments.Single(a => a.Value.StepId == take && a.Value.Aspect == AssessmentAspect.CustomerSatisfaction).Value;
        Assert.Equal(1, satisfaction.Measures["rework_flagged"]);
        var questions = domain.List<ChallengeQuestion>(reviewId).Select(q => q.Value).ToList();
        var answered = Assert.Single(questions, q => q.Answers.Count > 0);
        Assert.Equal("Tickets are parked at shift end and taken again.", answered.Answers[0].Text);
        Assert.All(questions, q => Assert.Contains("Evidence:", q.Text, StringComparison.Ordinal));
        Assert.Single(domain.List<Stepwise.Review.Options.ImprovementOption>(reviewId));
    }
}
