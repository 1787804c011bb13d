using Microsoft.Extensions.Configuration;
using Stepwise.Workbench.Hosting;

namespace Stepwise.Web.Hosting;

/// <summary>
/// What the web host needs to start: the workspace, the addresses to listen on, and the optional external sign-in.
/// <c>stepwise serve</c> fills it from its options; the app on its own reads it from configuration.
/// </summary>
public sealed record WebHostSettings
{
    /// <summary>The address served when none is given: this machine only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5117";

    /// <summary>The workspace to serve.</summary>
    public required WorkspaceLocation Workspace { get; init; }

    /// <summary>The addresses to listen on (semicolon-separated), e.g. <c>http://127.0.0.1:5117</c>.</summary>
    public string Urls { get; init; } = DefaultUrl;

    /// <summary>OpenID Connect sign-in for team servers; null when only local accounts sign in.</summary>
    public OpenIdSettings? OpenId { get; init; }

    /// <summary>Where the data-protection keys (which protect sign-in cookies) are kept; beside the workspace file by default.</summary>
    public string? KeysFolder { get; init; }

    /// <summary>Whether to write the ASP.NET Core request log to the console (off for the quiet local demo).</summary>
    public bool Verbose { get; init; }

    /// <summary>Reads the settings from the command line, <c>STEPWISE_*</c> environment variables and appsettings.json.</summary>
    public static WebHostSettings FromConfiguration(string[] args)
    {
        var config = new ConfigurationBuilder()
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        string? workspace = config["Stepwise:Workspace"] ?? config["STEPWISE_WORKSPACE"] ?? config["workspace"];
        return new WebHostSettings
        {
            Workspace = WorkspaceLocation.Parse(workspace),
            Urls = config["urls"] ?? config["ASPNETCORE_URLS"] ?? DefaultUrl,
            OpenId = OpenIdSettings.From(config.GetSection("Stepwise:OpenId")),
            Verbose = string.Equals(config["Stepwise:Verbose"], "true", StringComparison.OrdinalIgnoreCase),
        };
    }
}
