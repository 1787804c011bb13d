using System.Globalization;
using System.Security.Claims;
using Stepwise.Workbench.Access;

namespace Stepwise.Web.Security;

/// <summary>
/// The sign-in cookie holds only who signed in (account id, names, whether an administrator); every request and
/// circuit rebuilds the <see cref="Actor"/> from the account as stored now, so a disabled account or a removed
/// administration takes effect at once.
/// </summary>
public static class ActorPrincipal
{
    /// <summary>The authentication type of a local or external Stepwise sign-in.</summary>
    public const string AuthenticationType = "Stepwise";

    private const string DisplayNameClaim = "stepwise:display_name";
    private const string AdministratorRole = "administrator";

    /// <summary>The principal for a signed-in actor.</summary>
    public static ClaimsPrincipal From(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, actor.UserId.ToString("D")),
            new(ClaimTypes.Name, actor.Name),
            new(DisplayNameClaim, actor.DisplayName),
        };
        if (actor.IsAdministrator)
        {
            claims.Add(new Claim(ClaimTypes.Role, AdministratorRole));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The actor a principal names (as signed in; refresh it from the store before use), or null.</summary>
    public static Actor? ToActor(ClaimsPrincipal? principal)
    {
        if (principal?.Identity is not { IsAuthenticated: true } ||
            !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var id) ||
            principal.FindFirstValue(ClaimTypes.Name) is not { Length: > 0 } name)
        {
            return null;
        }

        return new Actor(id, name, principal.FindFirstValue(DisplayNameClaim) ?? name, principal.IsInRole(AdministratorRole), ActorChannel.Browser);
    }
}
