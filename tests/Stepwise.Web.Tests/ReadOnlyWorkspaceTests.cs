using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Stepwise.Storage;
using Stepwise.Testing;
using Stepwise.Web.Hosting;
using Stepwise.Workbench.Accounts;
using Stepwise.Workbench.Hosting;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Web.Tests;

/// <summary>
/// <c>stepwise serve</c> over a workspace that cannot be written (a SQLite file on a read-only file system): the
/// server starts, pages and the API read, every page says the workspace is read-only, and changes are refused with
/// that problem. The file system is a real read-only tmpfs mount (root only; skipped elsewhere).
/// </summary>
public sealed partial class ReadOnlyWorkspaceTests : IDisposable
{
    private const string Password = "a long enough secret";
    private readonly string _folder = Directory.CreateTempSubdirectory("stepwise-web-ro-").FullName;

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [SkippableFact]
    public async Task Serve_WorkspaceOnAReadOnlyFileSystem_PagesAndApiReadWithABannerAndChangesAreRefused()
    {
        Skip.If(SmallDisk.Unavailable is not null, SmallDisk.Unavailable);
        string secret = Arrange(Path.Combine(_folder, "team.db"));
        using var disk = SmallDisk.TryMount(8) ?? throw new InvalidOperationException("tmpfs mount failed");
        string workspace = Path.Combine(disk.Folder, "team.db");
        File.Copy(Path.Combine(_folder, "team.db"), workspace);
        disk.MakeReadOnly();
        await using var app = await RunningApp.StartAsync(workspace, Directory.CreateTempSubdirectory("stepwise-web-ro-keys-").FullName);
        using var browser = Client();

        string signInPage = await browser.GetStringAsync(new Uri(app.Address, "signin"));
        using var signedIn = await SignIn(browser, app, Password);
        string home = await browser.GetStringAsync(app.Address);

        Assert.Contains("Read-only workspace: you can look, but not change anything.", signInPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("My work", home, StringComparison.Ordinal);
        Assert.Contains("Help desk", home, StringComparison.Ordinal);
        Assert.Contains("data-readonly=\"true\"", home, StringComparison.Ordinal);
        Assert.Contains($"The workspace &#x27;{workspace}&#x27; is open for reading only (it is on a read-only file system)", home, StringComparison.Ordinal);

        using var api = new HttpClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var list = await api.GetAsync(new Uri(app.Address, "api/v1/reviews"));
        using var create = await api.PostAsync(new Uri(app.Address, "api/v1/reviews"), new StringContent("""{"title":"Walk-in desk"}""", Encoding.UTF8, "application/json"));
        using var problem = JsonDocument.Parse(await create.Content.ReadAsStringAsync());
        using var ready = await api.GetAsync(new Uri(app.Address, "health/ready"));

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("Help desk", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, create.StatusCode);
        Assert.Equal("The workspace is read-only", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("is open for reading only (it is on a read-only file system); nothing was changed", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Single(app.Bench.Reviews.List(app.Bench.Accounts.CommandLineUser("lead")));
    }

    [SkippableFact]
    public async Task SignIn_ReadOnlyWorkspace_FiveWrongPasswordsStillLockTheAccount()
    {
        Skip.If(SmallDisk.Unavailable is not null, SmallDisk.Unavailable);
        Arrange(Path.Combine(_folder, "team.db"));
        using var disk = SmallDisk.TryMount(8) ?? throw new InvalidOperationException("tmpfs mount failed");
        string workspace = Path.Combine(disk.Folder, "team.db");
        File.Copy(Path.Combine(_folder, "team.db"), workspace);
        disk.MakeReadOnly();
        await using var app = await RunningApp.StartAsync(workspace, Directory.CreateTempSubdirectory("stepwise-web-ro-keys-").FullName);
        using var browser = Client();

        string page = "";
        for (int i = 0; i < 5; i++)
        {
            using var wrong = await SignIn(browser, app, "wrong password " + i);
            page = await wrong.Content.ReadAsStringAsync();
        }

        using var right = await SignIn(browser, app, Password);

        // The failures cannot be written to the workspace, so they are counted in memory: the lockout still holds.
        Assert.Contains("locked until", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked until", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void KeysFolder_WorkspaceOnAReadOnlyFileSystem_KeysGoToTheProfile()
    {
        Skip.If(SmallDisk.Unavailable is not null, SmallDisk.Unavailable);
        using var disk = SmallDisk.TryMount(1) ?? throw new InvalidOperationException("tmpfs mount failed");
        File.WriteAllBytes(Path.Combine(disk.Folder, "team.db"), []);
        disk.MakeReadOnly();
        string profile = Path.Combine(_folder, "profile");

        string? readOnly = KeysFolder.Choose(WorkspaceLocation.File(Path.Combine(disk.Folder, "team.db")), profile);
        string? writable = KeysFolder.Choose(WorkspaceLocation.File(Path.Combine(_folder, "team.db")), profile);

        Assert.NotNull(readOnly);
        Assert.Equal(profile, Path.GetDirectoryName(readOnly));
        Assert.True(Directory.Exists(readOnly));
        Assert.Equal(Path.Combine(_folder, "team.db.keys"), writable);
    }

    // A workspace with the administrator "lead" (with a password), one review and an API token; returns the token.
    private static string Arrange(string path)
    {
        using var store = WorkspaceStores.Open(WorkspaceLocation.File(path));
        var bench = new Workbench.Workbench(store, TimeProvider.System, new Version7Ids(TimeProvider.System));
        bench.Accounts.CreateFirstAdministrator(new NewUser { Name = "lead", Password = Password });
        var lead = bench.Accounts.CommandLineUser("lead");
        bench.Reviews.Create(lead, new NewReview { Title = "Help desk" });
        return bench.Accounts.CreateToken(lead, null, "script").Secret;
    }

    private static HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true });

    private static async Task<HttpResponseMessage> SignIn(HttpClient client, RunningApp app, string password)
    {
        string html = await client.GetStringAsync(new Uri(app.Address, "signin"));
        string token = TokenPattern().Match(html).Groups[1].Value;
        var form = new FormUrlEncodedContent([
            new("_handler", "signin"), new("__RequestVerificationToken", token), new("Form.Name", "lead"), new("Form.Password", password),
        ]);
        return await client.PostAsync(new Uri(app.Address, "signin"), form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
