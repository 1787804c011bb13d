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

        // The layer has no scope writer yet; the scope is saved through the domain, as the command line's demo does.
        var workspace = new Workspace(Api.Bench.Store, TimeProvider.System, new Version7Ids(TimeProvider.System));
        workspace.Save(id, new Scope { Id = id, InScope = ["Tickets from customers"] }, 0, "u-lead");
        return review;
    }

    private static void Check((HttpStatusCode Status, System.Text.Json.Nodes.JsonNode? Body, System.Net.Http.Headers.HttpResponseHeaders Headers, string? ContentType) answer)
        => Assert.True((int)answer.Status is >= 200 and <= 299, $"Arrange failed: {(int)answer.Status} {answer.Body?.ToJsonString()}");

    private sealed record Route(string Name, string[] Allowed, Func<Call, string, Task<HttpStatusCode>> Act);

    // One role's calls on one review; ETags are read by the owner, so a denied read never hides a denied change.
    private sealed record Call(HttpClient Client, string Review, HttpClient OwnerClient)
    {
        public async Task<HttpStatusCode> Get(string path) => (await Client.SendAsync(HttpMethod.Get, Review + path)).Status;

        public async Task<HttpStatusCode> Post(string path, string json, string? ifMatch = null) => (await Client.SendAsync(HttpMethod.Post, Review + path, json, ifMatch)).Status;

        public async Task<HttpStatusCode> Put(string path, string json, string ifMatch) => (await Client.SendAsync(HttpMethod.Put, Review + path, json, ifMatch)).Status;

        public async Task<HttpStatusCode> Delete(string path, string ifMatch) => (await Client.SendAsync(HttpMethod.Delete, Review + path, ifMatch: ifMatch)).Status;

        public async Task<string> ETagOf(string path) => (await OwnerClient.SendAsync(HttpMethod.Get, Review + path)).Headers.ETag();
    }
}

/// <summary>The access matrix on SQLite.</summary>
public sealed class SqliteAccessMatrix() : AccessMatrix(new SqliteDatabase());

/// <summary>The access matrix on PostgreSQL.</summary>
public sealed class PostgresAccessMatrix() : AccessMatrix(new PostgresDatabase());
