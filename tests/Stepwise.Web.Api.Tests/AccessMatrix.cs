using System.Net;
using Stepwise.Review.Scoping;
using Stepwise.Review.Workspaces;
using Stepwise.Storage;
using Stepwise.Web.Api.Tests.Support;

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

    private static readonly IReadOnlyList<Route> Routes =
    [
        new("GET review", Everyone, (c, _) => c.Get("")),
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
                string review = await ArrangeAsync(clients["admin-owner"]);
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
    private async Task<string> ArrangeAsync(HttpClient lead)
    {
        var created = await lead.SendAsync(HttpMethod.Post, "/api/v1/reviews", """{"title":"Matrix"}""");
        string review = created.Headers.Location!.ToString();
        foreach (string role in Everyone)
        {
            Check(await lead.SendAsync(HttpMethod.Post, $"{review}/members", $$"""{"user":"{{UserOf(role)}}","role":"{{role}}"}"""));
            Check(await lead.SendAsync(HttpMethod.Post, $"{review}/stakeholders", $$"""{"name":"{{role}} person","group":"team_leaders","role":"accountable","account":"{{UserOf(role)}}"}"""));
        }

        Check(await lead.SendAsync(HttpMethod.Post, $"{review}/stakeholders", """{"name":"Sam","group":"senior_managers","role":"accountable"}"""));
        var id = Guid.Parse(review[(review.LastIndexOf('/') + 1)..]);

        // The scope is saved through the domain, so that the matrix's sign-offs do not depend on the scope route.
        var workspace = new Workspace(Api.Bench.Store, TimeProvider.System, new Version7Ids(TimeProvider.System));
        workspace.Save(id, new Scope { Id = id, InScope = ["Tickets from customers"] }, 0, "u-lead");
        var leadActor = Api.Bench.Accounts.CommandLineUser("u-lead");
        Api.Bench.Data.Import(leadActor, id, new Workbench.Data.ImportRequest { Path = TinyLog });
        Api.Bench.Steps.Save(leadActor, id, new Workbench.Steps.StepRequest { Name = "Open" });
        return review;
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

    private sealed record Route(string Name, string[] Allowed, Func<Call, string, Task<HttpStatusCode>> Act);

    // One role's calls on one review; ETags are read by the owner, so a denied read never hides a denied change.
    private sealed record Call(HttpClient Client, string Review, HttpClient OwnerClient)
    {
        public async Task<HttpStatusCode> Get(string path) => (await Client.SendAsync(HttpMethod.Get, Review + path)).Status;

        public async Task<HttpStatusCode> Post(string path, string json, string? ifMatch = null) => (await Client.SendAsync(HttpMethod.Post, Review + path, json, ifMatch)).Status;

        public async Task<HttpStatusCode> Put(string path, string json, string ifMatch) => (await Client.SendAsync(HttpMethod.Put, Review + path, json, ifMatch)).Status;

        public async Task<HttpStatusCode> Delete(string path, string ifMatch) => (await Client.SendAsync(HttpMethod.Delete, Review + path, ifMatch: ifMatch)).Status;

        public async Task<HttpStatusCode> Upload(string path) => (await Client.UploadAsync(Review + path, TinyLog)).Status;

        public async Task<string> ETagOf(string path) => (await OwnerClient.SendAsync(HttpMethod.Get, Review + path)).Headers.ETag();
    }
}

/// <summary>The access matrix on SQLite.</summary>
public sealed class SqliteAccessMatrix() : AccessMatrix(new SqliteDatabase());

/// <summary>The access matrix on PostgreSQL.</summary>
public sealed class PostgresAccessMatrix() : AccessMatrix(new PostgresDatabase());
