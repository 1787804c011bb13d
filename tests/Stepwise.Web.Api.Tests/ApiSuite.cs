using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.Json.Nodes;
using Stepwise.Web.Api.Tests.Support;

namespace Stepwise.Web.Api.Tests;

/// <summary>
/// The API's contract, run on every database: authentication, problem documents, ETags and If-Match, lost races,
/// JSON that is not what was expected, unknown routes, health and the OpenAPI document.
/// </summary>
public abstract class ApiSuite(TestDatabase database) : ApiTestBase(database)
{
    [SkippableFact]
    public async Task AnyRoute_WithoutCredentials_Is401ProblemWithBearerChallenge()
    {
        using var client = Api.Anonymous();

        var (status, body, headers, type) = await client.SendAsync(HttpMethod.Get, "/api/v1/reviews");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("application/problem+json", type);
        Assert.Equal("https://stepwise.dev/problems/unauthenticated", (string?)body!["type"]);
        Assert.Equal(401, (int)body["status"]!);
        Assert.StartsWith("Bearer", headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Token_Revoked_IsRefusedAtOnce()
    {
        _ = Api.Administrator;
        var created = Api.Bench.Accounts.CreateToken(Api.Administrator, null, "to revoke");
        using var client = Api.ClientWith(created.Secret);
        var before = await client.SendAsync(HttpMethod.Get, "/api/v1/me");

        var revoke = await client.SendAsync(HttpMethod.Delete, $"/api/v1/tokens/{created.Token.Id:D}");
        var after = await client.SendAsync(HttpMethod.Get, "/api/v1/me");

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal("admin", (string?)before.Body!["name"]);
        Assert.Equal(HttpStatusCode.OK, revoke.Status);
        Assert.False((bool)revoke.Body!["active"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, after.Status);
        Assert.Contains("invalid_token", after.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Tokens_CreateListRevoke_SecretShownOnceAndWorks()
    {
        using var admin = Api.ClientFor("admin");

        var created = await admin.SendAsync(HttpMethod.Post, "/api/v1/tokens", """{"name":"nightly import","expires_in_days":30}""");
        string secret = (string)created.Body!["secret"]!;
        using var script = Api.ClientWith(secret);
        var me = await script.SendAsync(HttpMethod.Get, "/api/v1/me");
        var list = await admin.SendAsync(HttpMethod.Get, "/api/v1/tokens");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.StartsWith("swt_", secret, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, me.Status);
        string listed = list.Body!.ToJsonString();
        Assert.Contains("nightly import", listed, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", listed, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Review_CreateThenGet_HasStrongETagOfItsVersionAnd304WhenUnchanged()
    {
        using var owner = Api.ClientFor("olivia");

        var created = await owner.SendAsync(HttpMethod.Post, "/api/v1/reviews", """{"title":"Help desk","aim":["Resolve faster"]}""");
        string location = created.Headers.Location!.ToString();
        var read = await owner.SendAsync(HttpMethod.Get, location);
        var again = await owner.SendAsync(HttpMethod.Get, location, ifNoneMatch: read.Headers.ETag());

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("\"1\"", created.Headers.ETag());
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal("\"1\"", read.Headers.ETag());
        Assert.Equal("Help desk", (string?)read.Body!["title"]);
        Assert.Equal("scope", (string?)read.Body["stage"]);
        Assert.Equal("owner", (string?)read.Body["role"]);
        Assert.Equal(HttpStatusCode.NotModified, again.Status);
    }

    [SkippableFact]
    public async Task Stage_MoveBack_NeedsAReasonAndTheHistoryRecordsIt()
    {
        using var owner = Api.ClientFor("olivia");
        string review = await CreateReviewAsync(owner);
        var scope = await owner.SendAsync(HttpMethod.Put, $"{review}/scope", """{"end":["Closed"]}""", ifNoneMatch: "*");
        var forward = await owner.SendAsync(HttpMethod.Put, $"{review}/stage", """{"stage":"analyse"}""", ifMatch: (await owner.SendAsync(HttpMethod.Get, review)).Headers.ETag());
        string tag = (await owner.SendAsync(HttpMethod.Get, review)).Headers.ETag();

        var without = await owner.SendAsync(HttpMethod.Put, $"{review}/stage", """{"stage":"scope"}""", ifMatch: tag);
        var blank = await owner.SendAsync(HttpMethod.Put, $"{review}/stage", """{"stage":"scope","reason":"  "}""", ifMatch: tag);
        var still = await owner.SendAsync(HttpMethod.Get, review);
        var back = await owner.SendAsync(HttpMethod.Put, $"{review}/stage", """{"stage":"scope","reason":"Walk-in customers turned out to be a third of the volume"}""", ifMatch: tag);
        string history = (await owner.SendAsync(HttpMethod.Get, $"{review}/history/lines")).Body!.ToJsonString();

        Assert.True(scope.Status == HttpStatusCode.Created || scope.Status == HttpStatusCode.OK, scope.Body?.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, forward.Status);
        Assert.Equal(HttpStatusCode.BadRequest, without.Status);
        Assert.Equal("https://stepwise.dev/problems/invalid-value", (string?)without.Body!["type"]);
        Assert.Contains("is required to move the review back from stage Analyse to Scope", (string?)without.Body["errors"]!["reason"]![0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, blank.Status);
        Assert.Equal("analyse", (string?)still.Body!["stage"]);
        Assert.Equal(tag, still.Headers.ETag());
        Assert.Equal(HttpStatusCode.OK, back.Status);
        Assert.Equal("scope", (string?)back.Body!["stage"]);
        Assert.Contains("from stage Analyse to Scope: Walk-in customers turned out to be a third of the volume", history, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Change_WithoutIfMatch_Is428AndChangesNothing()
    {
        using var owner = Api.ClientFor("olivia");
        string review = await CreateReviewAsync(owner);
        var added = await owner.SendAsync(HttpMethod.Post, $"{review}/stakeholders", """{"name":"Sam","group":"senior_managers","role":"accountable"}""");

        var change = await owner.SendAsync(HttpMethod.Put, $"{review}/stakeholders/Sam", """{"group":"team_leaders","role":"accountable"}""");
        var read = await owner.SendAsync(HttpMethod.Get, $"{review}/stakeholders/Sam");

        Assert.Equal(HttpStatusCode.Created, added.Status);
        Assert.Equal(HttpStatusCode.PreconditionRequired, change.Status);
        Assert.Equal("https://stepwise.dev/problems/invalid-value", (string?)change.Body!["type"]);
        Assert.NotNull(change.Body["errors"]!["If-Match"]);
        Assert.Equal("senior_managers", (string?)read.Body!["value"]!["group"]);
        Assert.Equal("\"1\"", read.Headers.ETag());
    }

    [SkippableFact]
    public async Task Change_WithStaleETag_Is412WithFieldsAuthorAndTime()
    {
        using var alice = Api.ClientFor("alice");
        using var bob = Api.ClientFor("bob");
        string review = await CreateReviewAsync(alice);
        await alice.SendAsync(HttpMethod.Post, $"{review}/members", """{"user":"bob","role":"analyst"}""");
        await alice.SendAsync(HttpMethod.Post, $"{review}/stakeholders", """{"name":"Sam","group":"senior_managers","role":"accountable"}""");
        string read = (await bob.SendAsync(HttpMethod.Get, $"{review}/stakeholders/Sam")).Headers.ETag();

        var first = await alice.SendAsync(HttpMethod.Put, $"{review}/stakeholders/Sam", """{"group":"team_leaders","role":"accountable"}""", ifMatch: read);
        var late = await bob.SendAsync(HttpMethod.Put, $"{review}/stakeholders/Sam", """{"group":"customers","role":"informed"}""", ifMatch: read);
        var now = await bob.SendAsync(HttpMethod.Get, $"{review}/stakeholders/Sam");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("\"2\"", first.Headers.ETag());
        Assert.Equal(HttpStatusCode.PreconditionFailed, late.Status);
        Assert.Equal("https://stepwise.dev/problems/conflict", (string?)late.Body!["type"]);
        var conflict = late.Body["conflict"]!;
        Assert.Equal(1, (long)conflict["version_read"]!);
        Assert.Equal(2, (long)conflict["current_version"]!);
        Assert.Contains("group", conflict["fields"]!.AsArray().Select(f => (string?)f), StringComparer.Ordinal);
        Assert.Equal(["alice"], conflict["changed_by"]!.AsArray().Select(f => (string?)f));
        Assert.NotNull((string?)conflict["changed_at"]);
        Assert.Equal("team_leaders", (string?)now.Body!["value"]!["group"]);
    }

    [SkippableFact]
    public async Task Change_ManyClientsRacingOnOneETag_ExactlyOneWinsAndNoUpdateIsLost()
    {
        const int Clients = 8;
        using var owner = Api.ClientFor("olivia");
        string review = await CreateReviewAsync(owner);
        await owner.SendAsync(HttpMethod.Post, $"{review}/stakeholders", """{"name":"Sam","group":"senior_managers","role":"accountable"}""");
        var clients = new List<HttpClient>();
        for (int i = 0; i < Clients; i++)
        {
            string name = "analyst" + i;
            clients.Add(Api.ClientFor(name));
            await owner.SendAsync(HttpMethod.Post, $"{review}/members", $$"""{"user":"{{name}}","role":"analyst"}""");
        }

        string etag = (await owner.SendAsync(HttpMethod.Get, $"{review}/stakeholders/Sam")).Headers.ETag();
        using var start = new ManualResetEventSlim(false);
        var races = clients.Select((client, i) => Task.Run(async () =>
        {
            start.Wait();
            return await client.SendAsync(HttpMethod.Put, $"{review}/stakeholders/Sam", $$"""{"group":"senior_managers","role":"accountable","position":"writer {{i}}"}""", ifMatch: etag);
        })).ToList();
        start.Set();
        var answers = await Task.WhenAll(races);
        var final = await owner.SendAsync(HttpMethod.Get, $"{review}/stakeholders/Sam");
        var history = await owner.SendAsync(HttpMethod.Get, $"{review}/history");

        var winners = answers.Select((a, i) => (a, i)).Where(x => x.a.Status == HttpStatusCode.OK).ToList();
        Assert.Single(winners);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.PreconditionFailed, a.Status));
        Assert.Equal($"writer {winners[0].i}", (string?)final.Body!["value"]!["position"]);
        Assert.Equal("\"2\"", final.Headers.ETag());
        int changes = history.Body!.AsArray().Count(h => (string?)h!["artefact"]!["kind"] == "stakeholder" && (long)h["version"]! == 2);
        Assert.Equal(1, changes);
    }

    [SkippableFact]
    public async Task Verify_HistoryRewrittenInTheDatabase_NamesTheEntryThatBreaksTheChain()
    {
        using var owner = Api.ClientFor("olivia");
        var created = await owner.SendAsync(HttpMethod.Post, "/api/v1/reviews", """{"title":"Help desk","aim":["Resolve faster"]}""");
        string review = created.Headers.Location!.ToString();
        await owner.SendAsync(HttpMethod.Post, $"{review}/stakeholders", """{"name":"Sam","group":"senior_managers","role":"accountable"}""");
        var intact = await owner.SendAsync(HttpMethod.Get, $"{review}/verify");
        var history = await owner.SendAsync(HttpMethod.Get, $"{review}/history");
        long last = (long)history.Body!.AsArray()[^1]!["sequence"]!;

        Database.RewriteHistorySummary(last, "Nothing to see here");
        var broken = await owner.SendAsync(HttpMethod.Get, $"{review}/verify");

        Assert.Equal(HttpStatusCode.OK, intact.Status);
        Assert.True((bool)intact.Body!["is_intact"]!, intact.Body.ToJsonString());
        Assert.Equal(history.Body.AsArray().Count, (long)intact.Body["entries"]!);
        Assert.Matches("^[0-9a-f]{64}$", (string?)intact.Body["head"]);
        Assert.Equal(HttpStatusCode.OK, broken.Status);
        Assert.False((bool)broken.Body!["is_intact"]!);
        Assert.Equal(last, (long)broken.Body["first_break"]!["entry"]!["sequence"]!);
        Assert.Contains("does not match its hash", (string?)broken.Body["first_break"]!["problem"], StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("""{"title": 42}""", "title", "must be text (got 42)")]
    [InlineData("""{"title": "x", "quality": "yes"}""", "quality", "must be true or false (got 'yes')")]
    [InlineData("""{"title": "x", "aim": ["ok", 7]}""", "aim[2]", "must be text (got 7)")]
    [InlineData("""{"titel": "x"}""", "titel", "is not a field of this request")]
    [InlineData("""{"aim": []}""", "title", "is required")]
    [InlineData("""{"title": null}""", "title", "must not be null")]
    public async Task Body_NotTheJsonExpected_IsInvalidValueNamingTheUsersField(string json, string field, string message)
    {
        using var owner = Api.ClientFor("olivia");

        var (status, body, _, type) = await owner.SendAsync(HttpMethod.Post, "/api/v1/reviews", json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", type);
        Assert.Equal("https://stepwise.dev/problems/invalid-value", (string?)body!["type"]);
        var messages = body["errors"]![field]!.AsArray().Select(m => (string?)m).ToList();
        Assert.Contains(messages, m => m!.Contains(message, StringComparison.Ordinal));
        string text = body.ToJsonString();
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("$.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Path:", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Body_MalformedJson_SaysLineAndColumn()
    {
        using var owner = Api.ClientFor("olivia");

        var (status, body, _, _) = await owner.SendAsync(HttpMethod.Post, "/api/v1/reviews", "{\n  \"title\": \"x\",\n}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        string message = (string)body!["errors"]!["body"]![0]!;
        Assert.Contains("line 3", message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task LayerValidation_BadRole_IsInvalidValueWithTheLayersWords()
    {
        using var owner = Api.ClientFor("olivia");
        string review = await CreateReviewAsync(owner);
        _ = Api.ClientFor("bob");

        var (status, body, _, _) = await owner.SendAsync(HttpMethod.Post, $"{review}/members", """{"user":"bob","role":"boss"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("'boss' is not one of owner, analyst, approver, contributor, viewer.", (string?)body!["errors"]!["role"]![0]);
    }

    [SkippableFact]
    public async Task UnknownRouteAndWrongMethod_AreProblemsNotPages()
    {
        using var owner = Api.ClientFor("olivia");

        var missing = await owner.SendAsync(HttpMethod.Get, "/api/v1/nothing-here");
        var wrongMethod = await owner.SendAsync(HttpMethod.Delete, "/api/v1/reviews");

        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal("https://stepwise.dev/problems/not-found", (string?)missing.Body!["type"]);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.Status);
        Assert.Contains("GET", wrongMethod.Body!["detail"]!.ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Review_Missing_Is404AndNotAMember_Is403()
    {
        using var owner = Api.ClientFor("olivia");
        using var stranger = Api.ClientFor("mallory");
        string review = await CreateReviewAsync(owner);

        var missing = await owner.SendAsync(HttpMethod.Get, $"/api/v1/reviews/{Guid.NewGuid():D}");
        var foreign = await stranger.SendAsync(HttpMethod.Get, review);

        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.Status);
        Assert.Equal("https://stepwise.dev/problems/forbidden", (string?)foreign.Body!["type"]);
    }

    [SkippableFact]
    public async Task Health_LiveAndReady_AnswerWithoutCredentials()
    {
        _ = Api.Administrator;
        using var client = Api.Anonymous();

        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task OpenApi_DescribesEveryRouteWithItsProblems()
    {
        using var client = Api.Anonymous();

        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = document["paths"]!.AsObject();
        var routes = Api.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(routes);
        foreach (var route in routes)
        {
            string path = System.Text.RegularExpressions.Regex.Replace(route.RoutePattern.RawText!.TrimEnd('/'), ":[a-z]+}", "}");
            Assert.True(paths.ContainsKey(path), $"{path} is not in the OpenAPI document");
            foreach (string method in route.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()!.HttpMethods)
            {
                var operation = paths[path]![method.ToLowerInvariant()];
                Assert.True(operation is not null, $"{method} {path} is not in the OpenAPI document");
                Assert.False(string.IsNullOrWhiteSpace((string?)operation!["summary"]), $"{method} {path} has no summary");
                Assert.NotNull(operation["operationId"]);
                Assert.NotNull(operation["responses"]!["401"]);
                Assert.Equal("#/components/schemas/ApiProblem", (string?)operation["responses"]!["401"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]);
            }
        }

        Assert.NotNull(document["components"]!["securitySchemes"]!["token"]);
        var create = paths["/api/v1/reviews"]!["post"]!;
        Assert.NotNull(create["requestBody"]!["content"]!["application/json"]);
        Assert.NotNull(create["responses"]!["400"]);
        Assert.DoesNotContain(create["parameters"]?.AsArray() ?? [], p => (string?)p!["name"] is "caller" or "body");
    }

    /// <summary>Creates a process review as the client and returns its URL.</summary>
    internal static async Task<string> CreateReviewAsync(HttpClient owner, string title = "Help desk")
    {
        var created = await owner.SendAsync(HttpMethod.Post, "/api/v1/reviews", $$"""{"title":"{{title}}"}""");
        Assert.Equal(HttpStatusCode.Created, created.Status);
        return created.Headers.Location!.ToString();
    }
}

/// <summary>The API suite on the embedded SQLite workspace.</summary>
public sealed class SqliteApiSuite() : ApiSuite(new SqliteDatabase());

/// <summary>The API suite on PostgreSQL.</summary>
public sealed class PostgresApiSuite() : ApiSuite(new PostgresDatabase());
