using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Review.Storage;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Accounts;

namespace Stepwise.Web.Api.Tests.Support;

/// <summary>
/// The web host as Program.cs builds it (the same middleware, authentication and routes), in memory, over a test
/// database. Accounts and tokens are arranged through the use-case layer; everything under test goes through HTTP.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    private static readonly string Placeholder = Directory.CreateTempSubdirectory("stepwise-api-host-").FullName;
    private readonly TestDatabase _database;
    private Actor? _administrator;

    static ApiFactory()
    {
        // Program.cs reads its settings from the environment; the store itself is replaced below, so this file is never
        // opened (its folder holds the data-protection keys of the sign-in cookie).
        Environment.SetEnvironmentVariable("STEPWISE_WORKSPACE", Path.Combine(Placeholder, "unused.db"));
    }

    private readonly IReadOnlyDictionary<string, string> _settings;

    /// <summary>Creates the host over <paramref name="database"/>, with host settings such as <c>Stepwise:Api:MaxUploadMb</c>.</summary>
    public ApiFactory(TestDatabase database, IReadOnlyDictionary<string, string>? settings = null)
    {
        _database = database;
        _settings = settings ?? new Dictionary<string, string>();
    }

    /// <summary>The use cases the server calls (for arranging accounts and checking what was stored).</summary>
    public Workbench.Workbench Bench => Services.GetRequiredService<Workbench.Workbench>();

    /// <summary>The workspace's first administrator.</summary>
    public Actor Administrator => _administrator ??= CreateAdministrator();

    /// <summary>A client that calls with a new token of <paramref name="userName"/> (created with the account when missing).</summary>
    public HttpClient ClientFor(string userName)
    {
        var user = Bench.Accounts.Users(Administrator).FirstOrDefault(u => string.Equals(u.Name, userName, StringComparison.OrdinalIgnoreCase))
            ?? Bench.Accounts.CreateUser(Administrator, new NewUser { Name = userName, DisplayName = userName });
        var token = Bench.Accounts.CreateToken(Administrator, user.Name, "tests");
        return ClientWith(token.Secret);
    }

    /// <summary>A client that sends <paramref name="secret"/> as its bearer token.</summary>
    public HttpClient ClientWith(string secret)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>A client without credentials.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<IWorkspaceStore>(_ => _database.Open()));
    }

    private Actor CreateAdministrator()
    {
        Bench.Accounts.CreateFirstAdministrator(new NewUser { Name = "admin", DisplayName = "Administrator", Password = "administrator secret" });
        return Bench.Accounts.CommandLineUser("admin");
    }
}
