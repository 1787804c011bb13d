using System.Net;
using System.Text.RegularExpressions;
using Stepwise.Web.Api.Tests.Support;
using Stepwise.Workbench.Accounts;

namespace Stepwise.Web.Api.Tests;

/// <summary>The API called with the web app's sign-in cookie: the same calls as a token, and no changes from other sites.</summary>
public sealed partial class SessionTests : IDisposable
{
    private readonly SqliteDatabase _database = new();
    private readonly ApiFactory _api;

    public SessionTests() => _api = new ApiFactory(_database);

    public void Dispose()
    {
        _api.Dispose();
        _database.Dispose();
    }

    [Fact]
    public async Task SignedInBrowser_CallsTheApiWithItsCookie()
    {
        using var browser = await SignedInAsync();

        var me = await browser.SendAsync(HttpMethod.Get, "/api/v1/me");
        using var create = Wire.Request(HttpMethod.Post, "/api/v1/reviews", """{"title":"From the page"}""");
        create.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var created = await browser.SendAsync(create);

        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal("lead", (string?)me.Body!["name"]);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "https://evil.example")]
    public async Task SignedInBrowser_ChangeFromAnotherSite_Is403AndChangesNothing(string header, string value)
    {
        using var browser = await SignedInAsync();
        using var request = Wire.Request(HttpMethod.Post, "/api/v1/reviews", """{"title":"Forged"}""");
        request.Headers.Add(header, value);

        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("/problems/forbidden", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_api.Bench.Reviews.List(_api.Bench.Accounts.CommandLineUser("lead")));
    }

    [Fact]
    public async Task SignedInBrowser_AccountDisabledSince_Is401()
    {
        using var browser = await SignedInAsync();
        var admin = _api.Administrator;
        _api.Bench.Accounts.ChangeUser(admin, "lead", disabled: true);

        var me = await browser.SendAsync(HttpMethod.Get, "/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, me.Status);
        Assert.Equal("https://stepwise.dev/problems/unauthenticated", (string?)me.Body!["type"]);
    }

    private async Task<HttpClient> SignedInAsync()
    {
        _api.Bench.Accounts.CreateUser(_api.Administrator, new NewUser { Name = "lead", Password = "a long enough secret" });
        var client = _api.Anonymous();
        string page = await client.GetStringAsync(new Uri("/signin", UriKind.Relative));
        string token = TokenPattern().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent([new("_handler", "signin"), new("__RequestVerificationToken", token), new("Form.Name", "lead"), new("Form.Password", "a long enough secret")]);
        using var signedIn = await client.PostAsync(new Uri("/signin", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
