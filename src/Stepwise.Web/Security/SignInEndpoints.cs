using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Antiforgery;
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
        // The form carries an antiforgery token, checked here so that a forged sign-out gets a plain 400.
        routes.MapPost("/signout", async (HttpContext context, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.Text("The sign-out form has expired: reload the page and sign out again.", "text/plain", statusCode: StatusCodes.Status400BadRequest);
            }

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
