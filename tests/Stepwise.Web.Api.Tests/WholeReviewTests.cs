using System.Net;
using System.Text.Json.Nodes;
using Stepwise.Testing;
using Stepwise.Web.Api.Tests.Support;

namespace Stepwise.Web.Api.Tests;

/// <summary>
/// One whole review of the real help-desk log, from scope to monitor, through the HTTP API alone: an improvement lead
/// who runs it, a sponsor who signs for himself, a team lead who answers and does her task, each with their own token.
/// Every change sends the ETag it read.
/// </summary>
public abstract class WholeReview(TestDatabase database) : ApiTestBase(database)
{
    [SkippableFact]
    public async Task HelpdeskReview_FromScopeToMonitor_ThroughTheApiAlone()
    {
        using var lead = Api.ClientFor("lead");
        using var sam = Api.ClientFor("sam");
        using var tia = Api.ClientFor("tia");

        // Scope: people, boundaries, sign-off.
        var created = await lead.SendAsync(HttpMethod.Post, "/api/v1/reviews", """{"title":"Help desk tickets","aim":["Resolve tickets faster"]}""");
        string r = created.Headers.Location!.ToString();
        Ok(await lead.SendAsync(HttpMethod.Post, $"{r}/members", """{"user":"sam","role":"approver"}"""));
        Ok(await lead.SendAsync(HttpMethod.Post, $"{r}/members", """{"user":"tia","role":"contributor"}"""));
        Ok(await lead.SendAsync(HttpMethod.Post, $"{r}/stakeholders", """{"name":"Sam Sponsor","group":"senior_managers","role":"accountable","account":"sam"}"""));
        Ok(await lead.SendAsync(HttpMethod.Post, $"{r}/stakeholders", """{"name":"Tia Teamlead","group":"team_leaders","role":"consulted","account":"tia"}"""));
        var scope = Ok(await lead.SendAsync(HttpMethod.Put, $"{r}/scope", """{"end":["Closed"],"allow":["automate","remove-step","reduce-rework"],"budget":25000}""", ifNoneMatch: "*"));
        Assert.Equal("\"1\"", scope.Headers.ETag());
        string scopeTag = (await sam.SendAsync(HttpMethod.Get, $"{r}/scope")).Headers.ETag();
        var signed = Ok(await sam.SendAsync(HttpMethod.Post, $"{r}/sign-offs", """{"artefact":"scope","decision":"approve"}""", ifMatch: scopeTag));
        Assert.False((bool)signed.Body!["sign_off"]!["on_behalf"]!);
        Assert.True((bool)Ok(await lead.SendAsync(HttpMethod.Get, $"{r}/scope/agreement")).Body!["is_agreed"]!);
        await MoveAsync(lead, r, "analyse");

        // Analyse: the real log, imported as a job, analysed inside the scope.
        string log = SharedData.PathOf("eventlogs/helpdesk.xes.gz");
        var import = await lead.SucceededAsync(await lead.UploadAsync($"{r}/data", log));
        Assert.Equal(SharedData.Sha256(log), (string?)import["result"]!["source"]!["content_hash"]);
        var summary = Ok(await lead.SendAsync(HttpMethod.Get, $"{r}/analyses/summary")).Body!;
        Assert.Equal(4580, (int)summary["basis"]!["cases_in_data"]!);
        int inScope = (int)summary["basis"]!["cases_in_scope"]!;
        Assert.InRange(inScope, 1, 4580);
        Assert.Equal(inScope, (int)summary["result"]!["cases"]!);
        var activities = Ok(await lead.SendAsync(HttpMethod.Get, $"{r}/analyses/activities")).Body!["result"]!.AsArray();
        Assert.Equal((int)summary["result"]!["activities"]!, activities.Count);
        Assert.Contains(activities, a => (string?)a!["name"] == "Closed");
        var variants = Ok(await lead.SendAsync(HttpMethod.Get, $"{r}/analyses/variants?top=5")).Body!["result"]!;
        Assert.Equal(5, variants["top"]!.AsArray().Count);
        Assert.Equal("Closed", (string?)variants["top"]![0]!["activities"]!.AsArray()[^1]);
        var dfg = Ok(await lead.SendAsync(HttpMethod.Get, $"{r}/analyses/dfg")).Body!["result"]!;
        Assert.Equal(inScope, dfg["edges"]!.AsArray().Where(e => (string?)e!["from"] == "[start]").Sum(e => (int)e!["cases"]!));
        var cases = Ok(await lead.SendAsync(HttpMethod.Get, $"{r}/analyses/cases?slowest=3")).Body!["result"]!;
        Assert.Equal(3, cases["slowest"]!.AsArray().Count);
        Ok(await lead.SendAsync(HttpMethod.Get, $"{r}/analyses/handovers"));
        var windowed = Ok(await lead.SendAsync(HttpMethod.Get, $"{r}/analyses/summary?from=2012-01-01&to=2013-01-01&window=starting&working_hours=Mon-Fri%2009:00-17:00&calendar_timezone=Europe/Rome")).Body!;
        Assert.InRange((int)windowed["basis"]!["cases"]!, 1, inScope - 1);
        using (var svg = await lead.GetAsync(new Uri($"{r}/analyses/map?overlay=performance", UriKind.Relative)))
        {
            Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
            Assert.Contains("<svg", await svg.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var bpmn = await lead.GetAsync(new Uri($"{r}/analyses/map?format=bpmn", UriKind.Relative)))
        {
            Assert.Contains("definitions", await bpmn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Ok(await lead.SendAsync(HttpMethod.Get, $"{r}/analyses/questions"));
        var badFilter = await lead.SendAsync(HttpMethod.Get, $"{r}/analyses/summary?top_variants=many&filter_file=/etc/passwd&colour=red");
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.Status);
        Assert.NotNull(badFilter.Body!["errors"]!["top_variants"]);
        Assert.NotNull(badFilter.Body["errors"]!["filter_file"]);
        Assert.NotNull(badFilter.Body["errors"]!["colour"]);

        // Challenge: steps assessed as a job, a question put to the team lead and answered by her.
        await lead.SucceededAsync(await lead.SendAsync(HttpMethod.Post, $"{r}/steps/assessments", "{}"));
        await MoveAsync(lead, r, "challenge");
        var question = Ok(await lead.SendAsync(HttpMethod.Get, $"{r}/questions")).Body!.AsArray()[0]!;
        string q = $"{r}/questions/{(string)question["value"]!["id"]!}";
        var put = Ok(await lead.SendAsync(HttpMethod.Put, $"{q}/asked-of", """{"asked_of":["Tia Teamlead"]}""", ifMatch: (string)question["etag"]!));
        var answered = Ok(await tia.SendAsync(HttpMethod.Post, $"{q}/answers", """{"text":"Tickets wait for the customer's reply."}""", ifMatch: put.Headers.ETag()));
        var answer = answered.Body!["value"]!["answers"]!.AsArray().Single()!;
        Assert.Equal("Tickets wait for the customer's reply.", (string?)answer["text"]);
        Assert.False((bool)answer["on_behalf"]!);
        var tiaStakeholder = Ok(await lead.SendAsync(HttpMethod.Get, $"{r}/stakeholders/Tia Teamlead")).Body!;
        Assert.Equal((string?)tiaStakeholder["value"]!["id"], (string?)answer["stakeholder_id"]);

        // Evaluate: two options, simulated as a job, a matrix, cost-benefit and a risk.
        Ok(await lead.SendAsync(HttpMethod.Post, $"{r}/options", """{"title":"No waiting step","remove_step":["Wait"]}"""));
        Ok(await lead.SendAsync(HttpMethod.Post, $"{r}/options", """{"title":"Halve rework","reduce_rework":["Resolve ticket>Take in charge ticket=0.5"]}"""));
        var simulated = await lead.SucceededAsync(await lead.SendAsync(HttpMethod.Post, $"{r}/options/simulations", """{"simulation":{"replications":3,"seed":7,"horizon":"60d","cost_per_hour":30}}"""));
        Assert.Equal(2, simulated["result"]!["options"]!.AsArray().Count);
        await MoveAsync(lead, r, "evaluate");
        var criteria = Ok(await lead.SendAsync(HttpMethod.Put, $"{r}/evaluation/criteria", """{"criterion":["Speed=0.6","Cost=0.4"]}""", ifNoneMatch: "*"));
        string tag = criteria.Headers.ETag();
        foreach (var (option, speed, cost) in new[] { ("No waiting step", 5, 4), ("Halve rework", 3, 3) })
        {
            tag = Ok(await lead.SendAsync(HttpMethod.Post, $"{r}/evaluation/scores", $$"""{"option":"{{option}}","criterion":"Speed","score":{{speed}},"rationale":"simulated"}""", ifMatch: tag)).Headers.ETag();
            tag = Ok(await lead.SendAsync(HttpMethod.Post, $"{r}/evaluation/scores", $$"""{"option":"{{option}}","criterion":"Cost","score":{{cost}},"rationale":"estimated"}""", ifMatch: tag)).Headers.ETag();
        }

        tag = Ok(await lead.SendAsync(HttpMethod.Post, $"{r}/evaluation/cost-benefits", """{"option":"No waiting step","one_off_cost":5000,"yearly_cost":1000,"yearly_savings":12000,"years":3,"discount_rate":0.05}""", ifMatch: tag)).Headers.ETag();
        Ok(await lead.SendAsync(HttpMethod.Post, $"{r}/evaluation/risks", """{"description":"Customers reply later","likelihood":2,"impact":3,"option":"No waiting step","owner":"Tia Teamlead"}""", ifMatch: tag));
        var matrix = Ok(await sam.SendAsync(HttpMethod.Get, $"{r}/evaluation/matrix")).Body!;
        Assert.Equal("No waiting step", (string?)matrix["ranking"]![0]!["option"]); // 0.6*5 + 0.4*4 = 4.6 against 3.0
        Assert.Equal(4.6, (double)matrix["ranking"]![0]!["weighted_score"]!, 6);
        await MoveAsync(lead, r, "decide");

        // Decide: recommended, signed by the sponsor himself.
        var recommended = Ok(await lead.SendAsync(HttpMethod.Post, $"{r}/recommendations", """{"title":"Stop parking tickets","options":["No waiting step"],"rationale":"Fastest","evidence":["Tia: tickets wait for replies"]}"""));
        Ok(await sam.SendAsync(HttpMethod.Post, $"{r}/sign-offs", """{"artefact":"recommendation","decision":"approve"}""", ifMatch: recommended.Headers.ETag()));

        // Implement: the plan, the team lead's progress on her own task.
        var plan = Ok(await lead.SendAsync(HttpMethod.Post, $"{r}/plan/tasks", """{"title":"Change the Wait rule","owner":"Tia Teamlead","due":"2026-04-15"}""", ifNoneMatch: "*"));
        await MoveAsync(lead, r, "implement");
        var stale = await tia.SendAsync(HttpMethod.Put, $"{r}/plan/tasks/Change the Wait rule/status", """{"status":"in-progress"}""", ifMatch: "\"7\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.Status);
        Ok(await tia.SendAsync(HttpMethod.Put, $"{r}/plan/tasks/Change the Wait rule/status", """{"status":"done","note":"Rule changed"}""", ifMatch: plan.Headers.ETag()));
        await MoveAsync(lead, r, "monitor");

        // Monitor: a KPI with its baseline measured on the data, a measurement, a communication.
        var kpi = Ok(await lead.SendAsync(HttpMethod.Post, $"{r}/monitoring/kpis", """{"name":"Median resolution time","metric":"throughput_median_hours","target":850,"baseline_from":"2012-01-01","baseline_to":"2013-01-01"}""", ifNoneMatch: "*"));
        Ok(await lead.SendAsync(HttpMethod.Post, $"{r}/monitoring/measurements", """{"kpi":"Median resolution time","from":"2013-01-01","to":"2013-07-01"}""", ifMatch: kpi.Headers.ETag()));
        Ok(await lead.SendAsync(HttpMethod.Post, $"{r}/communications", """{"to":["all"],"message":"The Wait rule changed","channel":"e-mail","about":"scope"}"""));

        var review = Ok(await sam.SendAsync(HttpMethod.Get, r)).Body!;
        Assert.Equal("monitor", (string?)review["stage"]);
        var contents = Ok(await sam.SendAsync(HttpMethod.Get, $"{r}/contents")).Body!.ToJsonString();
        Assert.Contains("Stop parking tickets", contents, StringComparison.Ordinal);
        Assert.Contains("Median resolution time", contents, StringComparison.Ordinal);
        var lines = Ok(await sam.SendAsync(HttpMethod.Get, $"{r}/history/lines")).Body!.AsArray();
        Assert.Contains(lines, l => ((string?)l!["by"])?.Contains("tia", StringComparison.Ordinal) == true);

        // Reports: the board paper as a PDF download; personal data only for an owner, and then in the history.
        using var board = await sam.GetAsync(new Uri($"{r}/reports/senior-managers?format=pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, board.StatusCode);
        Assert.Equal("application/pdf", board.Content.Headers.ContentType!.MediaType);
        Assert.Contains("help-desk-tickets-senior-managers.pdf", board.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await board.Content.ReadAsByteArrayAsync())[..4]));
        using var refused = await sam.GetAsync(new Uri($"{r}/reports/front-line-staff?format=html&include_personal_data=true", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var badAudience = await sam.GetAsync(new Uri($"{r}/reports/board?format=docx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, badAudience.StatusCode);
        using var withPersonal = await lead.GetAsync(new Uri($"{r}/reports/front-line-staff?format=html&include_personal_data=true", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, withPersonal.StatusCode);
        string recorded = Ok(await sam.SendAsync(HttpMethod.Get, $"{r}/history/lines")).Body!.ToJsonString();
        Assert.Contains("front-line-staff report (html) with personal data included", recorded.Replace("made the ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        var evidence = Ok(await sam.SendAsync(HttpMethod.Get, $"{r}/evidence")).Body!.AsArray();
        Assert.Equal(16, evidence.Count);

        // The whole review out as one file, and back into the workspace (an administrator's task) as a new review.
        using var exported = await lead.GetAsync(new Uri($"{r}/export", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        string folder = Directory.CreateTempSubdirectory("stepwise-export-").FullName;
        string file = Path.Combine(folder, "review.json");
        await File.WriteAllBytesAsync(file, await exported.Content.ReadAsByteArrayAsync());
        using var admin = Api.ClientFor("admin");
        var twice = await admin.FinishAsync((await admin.UploadAsync("/api/v1/reviews/import", file)).Headers.Location!.ToString());
        Assert.Equal("https://stepwise.dev/problems/conflict", (string?)twice["problem"]!["type"]);
        using var otherDatabase = new SqliteDatabase();
        using var other = new ApiFactory(otherDatabase);
        using var otherAdmin = other.ClientFor("admin");
        var restored = await otherAdmin.SucceededAsync(await otherAdmin.UploadAsync("/api/v1/reviews/import", file));
        var again = Ok(await otherAdmin.SendAsync(HttpMethod.Get, (string)restored["result_location"]!)).Body!;
        Assert.Equal("monitor", (string?)again["stage"]);
        var restoredContents = Ok(await otherAdmin.SendAsync(HttpMethod.Get, $"{(string)restored["result_location"]!}/contents")).Body!.ToJsonString();
        Assert.Contains("Stop parking tickets", restoredContents, StringComparison.Ordinal);
        var restoredSummary = Ok(await otherAdmin.SendAsync(HttpMethod.Get, $"{(string)restored["result_location"]!}/analyses/summary")).Body!;
        Assert.Equal(inScope, (int)restoredSummary["result"]!["cases"]!);
        Directory.Delete(folder, true);
    }

    private static async Task MoveAsync(HttpClient lead, string review, string stage)
    {
        string tag = (await lead.SendAsync(HttpMethod.Get, review)).Headers.ETag();
        Ok(await lead.SendAsync(HttpMethod.Put, $"{review}/stage", $$"""{"stage":"{{stage}}"}""", ifMatch: tag));
    }

    private static (HttpStatusCode Status, JsonNode? Body, System.Net.Http.Headers.HttpResponseHeaders Headers, string? ContentType) Ok((HttpStatusCode Status, JsonNode? Body, System.Net.Http.Headers.HttpResponseHeaders Headers, string? ContentType) answer)
    {
        Assert.True((int)answer.Status is >= 200 and <= 299, $"{(int)answer.Status}: {answer.Body?.ToJsonString()}");
        return answer;
    }
}

/// <summary>The whole review on SQLite.</summary>
public sealed class SqliteWholeReview() : WholeReview(new SqliteDatabase());

/// <summary>The whole review on PostgreSQL.</summary>
public sealed class PostgresWholeReview() : WholeReview(new PostgresDatabase());
