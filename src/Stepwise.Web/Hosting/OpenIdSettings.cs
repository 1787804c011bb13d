using Microsoft.Extensions.Configuration;

namespace Stepwise.Web.Hosting;

/// <summary>
/// OpenID Connect sign-in for a team server (configured under <c>Stepwise:OpenId</c>: Authority, ClientId,
/// ClientSecret, and optionally DisplayName). Accounts are bound by issuer and subject on first sign-in.
/// </summary>
/// <param name="Authority">The identity provider's issuer URL, e.g. https://login.example.org/realms/staff.</param>
/// <param name="ClientId">The client id registered with the provider.</param>
/// <param name="ClientSecret">The client secret, if the provider issued one.</param>
/// <param name="DisplayName">What the sign-in button says, e.g. "Sign in with Contoso".</param>
public sealed record OpenIdSettings(string Authority, string ClientId, string? ClientSecret, string DisplayName)
{
    /// <summary>The settings in a configuration section, or null when no authority is configured.</summary>
    public static OpenIdSettings? From(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        string? authority = section["Authority"];
        string? client = section["ClientId"];
        if (string.IsNullOrWhiteSpace(authority) || string.IsNullOrWhiteSpace(client))
        {
            return null;
        }

        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException($"Stepwise:OpenId:Authority must be an https URL of the identity provider (got '{authority}').");
        }

        return new OpenIdSettings(authority, client, section["ClientSecret"], section["DisplayName"] is { Length: > 0 } name ? name : "Sign in with your organisation");
    }
}
