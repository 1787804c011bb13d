using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Stepwise.Web.Security;

/// <summary>
/// Headers on every response: a Content-Security-Policy that allows scripts from this server only (no inline script,
/// no eval), refuses framing, and limits connections to this server (the page's circuit); no MIME sniffing; no
/// referrer to other sites. Inline styles are allowed because the server-rendered SVG charts and maps carry their
/// own style elements; styles cannot run code.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            return Task.CompletedTask;
        });
        await next(context);
    });
}
