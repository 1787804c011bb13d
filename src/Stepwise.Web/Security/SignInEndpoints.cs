using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Stepwise.Web.Security;

/// <summary>
/// Sign-out (a form post with an antiforgery token) and the start of an external sign-in. Password sign-in and the
/// first administrator are the server-rendered pages <c>/signin</c> and <c>/setup</c>.
/// </summary>
internal static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder routes)
    {
        // Binding a form field makes the endpoint require a valid antiforgery token.
        routes.MapPost("/signout", async (HttpContext context, [FromForm] string? returnUrl) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/signin");
        }).ExcludeFromDescription();

        routes.MapGet("/signin/external", (HttpContext context, string? returnUrl) =>
        {
            string target = IsLocal(returnUrl) ? returnUrl! : "/";
            return Results.Challenge(new AuthenticationProperties { RedirectUri = target }, [SignInSetup.ExternalScheme]);
        }).ExcludeFromDescription();
        return routes;
    }

    /// <summary>Whether a return address stays on this server (no open redirect).</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Contains("://", StringComparison.Ordinal);
}
