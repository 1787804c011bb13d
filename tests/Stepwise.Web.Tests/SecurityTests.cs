using System.Net;
using System.Text.RegularExpressions;
using Stepwise.Web.Security;
using Stepwise.Workbench.Accounts;

namespace Stepwise.Web.Tests;

/// <summary>The real host over HTTP: headers, antiforgery, sign-in cookies, the first administrator and lockout.</summary>
public sealed partial class SecurityTests : IAsyncLifetime
{
    private RunningApp _app = default!;

    public async Task InitializeAsync() => _app = await RunningApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AnyPage_Response_CarriesSecurityHeaders()
    {
        using var client = Client(out _);

        using var response = await client.GetAsync(new Uri(_app.Address, "signin"));

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        string scripts = Regex.Match(csp, "script-src ([^;]*)").Groups[1].Value;
        Assert.Equal("'self'", scripts.Trim());
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_NotSignedIn_RedirectToSignInThenToSetupWhileNoAccountExists()
    {
        using var client = Client(out _);

        using var home = await client.GetAsync(_app.Address);
        using var signIn = await client.GetAsync(new Uri(_app.Address, "signin"));

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/signin", home.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/setup", signIn.Headers.Location!.OriginalString.Replace(_app.Address.ToString().TrimEnd('/'), "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Setup_PostWithoutAntiforgeryToken_IsRefusedAndCreatesNoAccount()
    {
        using var client = Client(out _);

        using var response = await client.PostAsync(new Uri(_app.Address, "setup"), Form(("_handler", "setup"), ("Form.Name", "mallory"), ("Form.Password", "0123456789ab"), ("Form.Confirm", "0123456789ab")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(_app.Bench.Accounts.HasUsers);
    }

    [Fact]
    public async Task Setup_FirstAdministrator_SignsInWithHttpOnlyLaxCookieAndShowsMyWork()
    {
        using var client = Client(out var cookies);
        string token = await TokenOf(client, "setup");

        using var created = await client.PostAsync(new Uri(_app.Address, "setup"), Form(("_handler", "setup"), ("__RequestVerificationToken", token), ("Form.Name", "lead"), ("Form.DisplayName", "Improvement lead"), ("Form.Password", "a long enough secret"), ("Form.Confirm", "a long enough secret")));
        using var home = await client.GetAsync(_app.Address);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        string setCookie = string.Join("\n", created.Headers.GetValues("Set-Cookie"));
        string signInCookie = setCookie.Split('\n').Single(c => c.StartsWith("stepwise.signin=", StringComparison.Ordinal));
        Assert.Contains("httponly", signInCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", signInCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("My work", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(_app.Bench.Accounts.User(_app.Bench.Accounts.CommandLineUser("lead"), "lead").IsAdministrator);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountAndSaysUntilWhen()
    {
        _app.Bench.Accounts.CreateFirstAdministrator(new NewUser { Name = "lead", Password = "a long enough secret" });
        using var client = Client(out _);
        string page = "";
        for (int i = 0; i < 5; i++)
        {
            string token = await TokenOf(client, "signin");
            using var response = await client.PostAsync(new Uri(_app.Address, "signin"), Form(("_handler", "signin"), ("__RequestVerificationToken", token), ("Form.Name", "lead"), ("Form.Password", "wrong password " + i)));
            page = await response.Content.ReadAsStringAsync();
        }

        string lastToken = await TokenOf(client, "signin");
        using var right = await client.PostAsync(new Uri(_app.Address, "signin"), Form(("_handler", "signin"), ("__RequestVerificationToken", lastToken), ("Form.Name", "lead"), ("Form.Password", "a long enough secret")));

        Assert.Contains("locked until", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked until", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_PostWithoutAntiforgeryToken_IsRefused()
    {
        using var client = Client(out _);

        using var response = await client.PostAsync(new Uri(_app.Address, "signout"), Form(("returnUrl", "/")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Health_WorkspaceReadable_Healthy()
    {
        using var client = Client(out _);

        string health = await client.GetStringAsync(new Uri(_app.Address, "health"));
        using var openApi = await client.GetAsync(new Uri(_app.Address, "openapi/v1.json"));

        Assert.Equal("Healthy", health);
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
    }

    private static HttpClient Client(out CookieContainer cookies)
    {
        cookies = new CookieContainer();
        return new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies, UseCookies = true });
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) => new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private async Task<string> TokenOf(HttpClient client, string page)
    {
        string html = await client.GetStringAsync(new Uri(_app.Address, page));
        return TokenPattern().Match(html).Groups[1].Value is { Length: > 0 } token ? token : throw new InvalidOperationException($"No antiforgery token on /{page}.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
