using System.Net;
using Stepwise.Review.Scoping;
using Stepwise.Review.Workspaces;
using Stepwise.Storage;
using Stepwise.Web.Api.Tests.Support;
using Stepwise.Workbench.Quality;
using Stepwise.Workbench.Sampling;
using Stepwise.Workbench.Survey;

namespace Stepwise.Web.Api.Tests;

/// <summary>
/// Every review route, called by each role (owner, analyst, approver, contributor, viewer) and by someone who is not a
/// member, on a review arranged afresh for each call. The roles each route allows are written here by hand from the
/// access rules as users are told them (docs/api.md): every allowance must succeed and every denial must be a 403.
/// </summary>
public abstract class AccessMatrix(TestDatabase database) : ApiTestBase(database)
{
    private const string Owner = "owner", Analyst = "analyst", Approver = "approver", Contributor = "contributor", Viewer = "viewer", Stranger = "non-member";

    private static readonly string[] Everyone = [Owner, Analyst, Approver, Contributor, Viewer];

    private static readonly string[] SignedIn = [.. Everyone, Stranger];

    // The first 200 passengers of the real survey, and the units of a sample of 40 drawn from them by class.
    private static readonly string Population = WritePopulation();

    private static readonly string Units = WriteUnits();

    private static readonly IReadOnlyList<Route> Routes =
    [
        new("GET review", Everyone, (c, _) => c.Get("")),
        new("PATCH review title and aims", [Owner, Analyst], async (c, _) => await c.Patch("", """{"title":"Matrix renamed","aim":["Halve waiting"]}""", await c.ETagOf(""))),
        new("PUT review stage", [Owner], async (c, _) => await c.Put("/stage", """{"stage":"analyse"}""", await c.ETagOf(""))),
        new("GET members", Everyone, (c, _) => c.Get("/members")),
        new("GET member", Everyone, (c, _) => c.Get("/members/u-viewer")),
        new("POST member", [Owner], (c, _) => c.Post("/members", """{"user":"u-extra","role":"viewer"}""")),
        new("PUT member role", [Owner], async (c, _) => await c.Put("/members/u-viewer", """{"role":"contributor"}""", await c.ETagOf("/members/u-viewer"))),
        new("DELETE member", [Owner], async (c, _) => await c.Delete("/members/u-viewer", await c.ETagOf("/members/u-viewer"))),
        new("GET stakeholders", Everyone, (c, _) => c.Get("/stakeholders")),
        new("GET stakeholder", Everyone, (c, _) => c.Get("/stakeholders/Sam")),
        new("POST stakeholder", [Owner, Analyst], (c, _) => c.Post("/stakeholders", """{"name":"Kim","group":"team_leaders","role":"consulted"}""")),
        new("PUT stakeholder", [Owner, Analyst], async (c, _) => await c.Put("/stakeholders/Sam", """{"group":"team_leaders","role":"accountable"}""", await c.ETagOf("/stakeholders/Sam"))),
        new("GET scope", Everyone, (c, _) => c.Get("/scope")),
        new("GET scope agreement", Everyone, (c, _) => c.Get("/scope/agreement")),
        new("POST own sign-off", [Owner, Analyst, Approver], async (c, role) => await c.Post("/sign-offs", """{"artefact":"scope","decision":"approve"}""", await c.ETagOf("/scope"))),
        new("POST sign-off on behalf", [Owner], async (c, _) => await c.Post("/sign-offs", """{"artefact":"scope","decision":"approve","stakeholder":"Sam","on_behalf_reason":"approved by e-mail on 3 March"}""", await c.ETagOf("/scope"))),
        new("GET sign-offs", Everyone, (c, _) => c.Get("/sign-offs")),
        new("GET history", Everyone, (c, _) => c.Get("/history")),
        new("GET history lines", Everyone, (c, _) => c.Get("/history/lines")),
        new("GET verify", Everyone, (c, _) => c.Get("/verify")),
        new("GET contents", Everyone, (c, _) => c.Get("/contents")),
        new("GET export with the stored logs", [Owner], (c, _) => c.Get("/export")),
        new("GET export without data", Everyone, (c, _) => c.Get("/export?include_data=false")),
        new("GET data", Everyone, (c, _) => c.Get("/data")),
        new("POST data (upload)", [Owner, Analyst], (c, _) => c.Upload("/data")),
        new("GET summary analysis", Everyone, (c, _) => c.Get("/analyses/summary")),
        new("GET map analysis", Everyone, (c, _) => c.Get("/analyses/map?format=json")),
        new("POST step assessment", [Owner, Analyst], (c, _) => c.Post("/steps/assessments", "{}")),
        new("GET steps", Everyone, (c, _) => c.Get("/steps")),
        new("POST step", [Owner, Analyst], (c, _) => c.Post("/steps", """{"name":"Escalate"}""")),
        new("GET questions", Everyone, (c, _) => c.Get("/questions")),
        new("POST question", [Owner, Analyst], (c, _) => c.Post("/questions", """{"step":"Open","text":"Why is every ticket opened twice?"}""")),
        new("GET options", Everyone, (c, _) => c.Get("/options")),
        new("POST option", [Owner, Analyst], (c, _) => c.Post("/options", """{"title":"Skip the check","remove_step":["Check"]}""")),
        new("POST simulation", [Owner, Analyst], (c, _) => c.Post("/options/simulations", """{"simulation":{"replications":1,"horizon":"1d"}}""")),
        new("POST monitoring run", [Owner, Analyst], (c, _) => c.Post("/monitoring/runs", """{"change_date":"2012-06-01"}""")),
        new("GET decision matrix", Everyone, (c, _) => c.Get("/evaluation/matrix")),
        new("GET recommendations", Everyone, (c, _) => c.Get("/recommendations")),
        new("GET communications", Everyone, (c, _) => c.Get("/communications")),
        new("POST communication", [Owner, Analyst], (c, _) => c.Post("/communications", """{"to":["all"],"message":"Scope agreed","channel":"e-mail"}""")),
        new("GET review jobs", Everyone, (c, _) => c.Get("/jobs")),

        // A quality review, arranged with a feature, a measure, a sample, an analysis, a finding and an action.
        new("GET quality plan", Everyone, (c, _) => c.Get("/quality"), Quality: true),
        new("GET quality contents", Everyone, (c, _) => c.Get("/quality/contents"), Quality: true),
        new("POST feature", [Owner, Analyst], async (c, _) => await c.Post("/quality/features", """{"name":"Inflight wifi service"}""", await c.ETagOf("/quality")), Quality: true),
        new("POST measure", [Owner, Analyst], async (c, _) => await c.Post("/quality/measures", """{"metric":"Wifi top-2-box","statistic":"top2","column":"Inflight wifi service","method":"survey","target":">=50%","frequency":"monthly"}""", await c.ETagOf("/quality")), Quality: true),
        new("POST revision", [Owner, Analyst], async (c, _) => await c.Post("/quality/revisions", """{"metric":"Satisfied passengers","reason":"low-response-rate","explanation":"Few answered","frequency":"quarterly"}""", await c.ETagOf("/quality")), Quality: true),
        new("POST own plan sign-off", [Owner, Analyst, Approver], async (c, _) => await c.Post("/sign-offs", """{"artefact":"plan","decision":"approve"}""", await c.ETagOf("/quality")), Quality: true),
        new("GET samples", Everyone, (c, _) => c.Get("/quality/samples"), Quality: true),
        new("GET sample", Everyone, (c, _) => c.Get("/quality/samples/By class"), Quality: true),
        new("GET sample units", Everyone, (c, _) => c.Get("/quality/samples/By class/units"), Quality: true),
        new("POST sample (upload)", [Owner, Analyst], (c, _) => c.Upload("/quality/samples", [("file", Population)], """{"name":"Second","draw":{"id":"id","size":5}}"""), Quality: true),
        new("POST sample check (upload)", [Owner, Analyst], async (c, _) => await c.Upload("/quality/samples/By class/checks", [("population", Population), ("file", Units)], """{"attribute":["Class"]}""", await c.ETagOf("/quality/samples/By class")), Quality: true),
        new("GET quality analyses", Everyone, (c, _) => c.Get("/quality/analyses"), Quality: true),
        new("GET quality analysis", Everyone, (c, _) => c.Get("/quality/analyses/Survey"), Quality: true),
        new("POST quality analysis (upload)", [Owner, Analyst], (c, _) => c.Upload("/quality/analyses", [("file", Population)], """{"title":"Again","read":{"not_applicable":["0"]}}"""), Quality: true),
        new("POST findings from an analysis", [Owner, Analyst], (c, _) => c.Post("/quality/analyses/Survey/findings", "{}"), Quality: true),
        new("GET findings", Everyone, (c, _) => c.Get("/quality/findings"), Quality: true),
        new("POST finding", [Owner, Analyst], (c, _) => c.Post("/quality/findings", """{"kind":"other","summary":"Crew report log-in trouble","subject":"Log-in"}"""), Quality: true),
        new("GET actions", Everyone, (c, _) => c.Get("/quality/actions"), Quality: true),
        new("GET action", Everyone, (c, _) => c.Get("/quality/actions/Fix the wifi"), Quality: true),
        new("POST action", [Owner, Analyst], (c, _) => c.Post("/quality/actions", """{"title":"Train the crew","finding":["Wifi"],"owner":"Crew lead","due":"2026-12-31"}"""), Quality: true),
        new("PUT action", [Owner, Analyst], async (c, _) => await c.Put("/quality/actions/Fix the wifi", """{"title":"Fix the wifi","due":"2027-01-31"}""", await c.ETagOf("/quality/actions/Fix the wifi")), Quality: true),
        new("PUT action progress", [Owner, Analyst, Approver, Contributor], async (c, _) => await c.Put("/quality/actions/Fix the wifi/progress", """{"status":"in-progress","note":"Supplier called"}""", await c.ETagOf("/quality/actions/Fix the wifi")), Quality: true),
        new("GET briefings", Everyone, (c, _) => c.Get("/quality/briefings"), Quality: true),
        new("POST briefing", [Owner, Analyst], (c, _) => c.Post("/quality/briefings", """{"audience":"front-line-staff","message":"Wifi is rated lowest","channel":"team briefing","finding":["Wifi"]}"""), Quality: true),

        // The analyses of files that keep nothing belong to no review: anyone signed in may call them.
        new("POST survey of a file", SignedIn, (c, _) => c.UploadTo("/api/v1/survey", [("file", Population)], """{"read":{"not_applicable":["0"]},"sections":["summary"]}""")),
        new("POST sample draw from a file", SignedIn, (c, _) => c.UploadTo("/api/v1/sample/draw", [("file", Population)], """{"id":"id","strata":["Class"],"size":5}""")),
        new("POST sample check of files", SignedIn, (c, _) => c.UploadTo("/api/v1/sample/check", [("population", Population), ("file", Units)], """{"id":"id","by":["Class"]}""")),
    ];

    [SkippableFact]
    public async Task EveryRoute_EveryRole_AllowsExactlyTheRolesExpected()
    {
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (string role in Everyone.Append(Stranger).Append("admin-owner"))
        {
            clients[role] = Api.ClientFor(UserOf(role));
        }

        _ = Api.ClientFor("u-extra");
        var wrong = new List<string>();
        int calls = 0;
        foreach (var route in Routes)
        {
            foreach (string role in Everyone.Append(Stranger))
            {
                string review = await ArrangeAsync(clients["admin-owner"], route.Quality);
                var call = new Call(clients[role], review, clients[Owner]);
                var status = await route.Act(call, role);
                calls++;
                bool allowed = route.Allowed.Contains(role);
                if (allowed ? (int)status is < 200 or > 299 : status != HttpStatusCode.Forbidden)
                {
                    wrong.Add($"{route.Name} as {role}: {(int)status} ({(allowed ? "expected success" : "expected 403")})");
                }
            }
        }

        Assert.Equal(Routes.Count * 6, calls);
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static string UserOf(string role) => role switch
    {
        Stranger => "u-stranger",
        "admin-owner" => "u-lead",
        _ => "u-" + role,
    };

    // A review owned by u-owner with one member of each role, a scope, and a stakeholder bound to each member (so each
    // signs as themselves) plus Sam, who has no account.
    private async Task<string> ArrangeAsync(HttpClient lead, bool quality)
    {
        var created = await lead.SendAsync(HttpMethod.Post, "/api/v1/reviews", quality ? """{"title":"Matrix","quality":true}""" : """{"title":"Matrix"}""");
        string review = created.Headers.Location!.ToString();
        foreach (string role in Everyone)
        {
            Check(await lead.SendAsync(HttpMethod.Post, $"{review}/members", $$"""{"user":"{{UserOf(role)}}","role":"{{role}}"}"""));
            Check(await lead.SendAsync(HttpMethod.Post, $"{review}/stakeholders", $$"""{"name":"{{role}} person","group":"team_leaders","role":"accountable","account":"{{UserOf(role)}}"}"""));
        }

        Check(await lead.SendAsync(HttpMethod.Post, $"{review}/stakeholders", """{"name":"Sam","group":"senior_managers","role":"accountable"}"""));
        var id = Guid.Parse(review[(review.LastIndexOf('/') + 1)..]);
        if (quality)
        {
            ArrangeQuality(id);
            return review;
        }

        // The scope is saved through the domain, so that the matrix's sign-offs do not depend on the scope route.
        var workspace = new Workspace(Api.Bench.Store, TimeProvider.System, new Version7Ids(TimeProvider.System));
        workspace.Save(id, new Scope { Id = id, InScope = ["Tickets from customers"] }, 0, "u-lead");
        var leadActor = Api.Bench.Accounts.CommandLineUser("u-lead");
        Api.Bench.Data.Import(leadActor, id, new Workbench.Data.ImportRequest { Path = TinyLog });
        Api.Bench.Steps.Save(leadActor, id, new Workbench.Steps.StepRequest { Name = "Open" });
        return review;
    }

    // The quality review's artefacts, saved through the use-case layer so that the matrix does not depend on the routes it tests.
    private void ArrangeQuality(Guid id)
    {
        var lead = Api.Bench.Accounts.CommandLineUser("u-lead");
        var q = Api.Bench.Quality;
        q.SaveFeature(lead, id, new FeatureRequest { Name = "Overall satisfaction" });
        q.SaveMeasure(lead, id, new MeasureRequest { Metric = "Satisfied passengers", Feature = "Overall satisfaction", Statistic = "csat", Column = "satisfaction", Method = "survey", Target = ">=50%", Frequency = "monthly" });
        q.DrawSample(lead, id, new QualitySampleRequest { Name = "By class", Population = Population, Draw = new SampleDrawRequest { Id = "id", Strata = ["Class"], Size = 40, Seed = 7 } });
        q.Analyse(lead, id, new FeedbackAnalysisRequest { Title = "Survey", File = Population, Read = new FeedbackReadRequest { NotApplicable = ["0"] }, Discover = 0 });
        q.RecordFinding(lead, id, new FindingRequest { Kind = "other", Summary = "Wifi log-in fails", Subject = "Wifi" });
        q.SaveAction(lead, id, new ActionRequest { Title = "Fix the wifi", Finding = ["Wifi"], Owner = "Inflight product manager", Due = "2026-12-31" });
    }

    private static void Check((HttpStatusCode Status, System.Text.Json.Nodes.JsonNode? Body, System.Net.Http.Headers.HttpResponseHeaders Headers, string? ContentType) answer)
        => Assert.True((int)answer.Status is >= 200 and <= 299, $"Arrange failed: {(int)answer.Status} {answer.Body?.ToJsonString()}");

    // Three tickets, written here so the matrix does not depend on a large file.
    private static readonly string TinyLog = WriteTinyLog();

    private static string WriteTinyLog()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("stepwise-matrix-").FullName, "tickets.csv");
        File.WriteAllText(path, "case,activity,timestamp,resource\nT1,Open,2024-01-02T09:00:00Z,ann\nT1,Check,2024-01-02T10:00:00Z,bob\nT1,Close,2024-01-03T09:00:00Z,ann\n"
            + "T2,Open,2024-01-04T09:00:00Z,ann\nT2,Close,2024-01-04T12:00:00Z,bob\nT3,Open,2024-01-05T09:00:00Z,bob\nT3,Check,2024-01-05T11:00:00Z,ann\nT3,Close,2024-01-06T09:00:00Z,ann\n");
        return path;
    }

    private static string WritePopulation()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("stepwise-matrix-").FullName, "passengers.csv");
        File.WriteAllLines(path, File.ReadLines(QualitySuite.Survey).Take(201));
        return path;
    }

    private static string WriteUnits()
    {
        string path = Path.Combine(Path.GetDirectoryName(Population)!, "units.csv");
        var request = new SampleDrawRequest { Id = "id", Strata = ["Class"], Size = 40, Seed = 7 };
        Samples.WriteUnits(path, Samples.Draw(Population, request), request);
        return path;
    }

    private sealed record Route(string Name, string[] Allowed, Func<Call, string, Task<HttpStatusCode>> Act, bool Quality = false);

    // One role's calls on one review; ETags are read by the owner, so a denied read never hides a denied change.
    private sealed record Call(HttpClient Client, string Review, HttpClient OwnerClient)
    {
        public async Task<HttpStatusCode> Get(string path) => (await Client.SendAsync(HttpMethod.Get, Review + path)).Status;

        public async Task<HttpStatusCode> Post(string path, string json, string? ifMatch = null) => (await Client.SendAsync(HttpMethod.Post, Review + path, json, ifMatch)).Status;

        public async Task<HttpStatusCode> Put(string path, string json, string ifMatch) => (await Client.SendAsync(HttpMethod.Put, Review + path, json, ifMatch)).Status;

        public async Task<HttpStatusCode> Patch(string path, string json, string ifMatch) => (await Client.SendAsync(HttpMethod.Patch, Review + path, json, ifMatch)).Status;

        public async Task<HttpStatusCode> Delete(string path, string ifMatch) => (await Client.SendAsync(HttpMethod.Delete, Review + path, ifMatch: ifMatch)).Status;

        public async Task<HttpStatusCode> Upload(string path) => (await Client.UploadAsync(Review + path, TinyLog)).Status;

        public async Task<HttpStatusCode> Upload(string path, IReadOnlyList<(string Part, string Path)> files, string options, string? ifMatch = null)
            => (await Client.UploadFilesAsync(Review + path, files, options, ifMatch: ifMatch)).Status;

        public async Task<HttpStatusCode> UploadTo(string url, IReadOnlyList<(string Part, string Path)> files, string options)
            => (await Client.UploadFilesAsync(url, files, options)).Status;

        public async Task<string> ETagOf(string path) => (await OwnerClient.SendAsync(HttpMethod.Get, Review + path)).Headers.ETag();
    }
}

/// <summary>The access matrix on SQLite.</summary>
public sealed class SqliteAccessMatrix() : AccessMatrix(new SqliteDatabase());

/// <summary>The access matrix on PostgreSQL.</summary>
public sealed class PostgresAccessMatrix() : AccessMatrix(new PostgresDatabase());
