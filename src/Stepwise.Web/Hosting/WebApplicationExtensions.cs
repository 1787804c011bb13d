using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Stepwise.Web.Components;
using Stepwise.Web.Security;

namespace Stepwise.Web.Hosting;

/// <summary>The web app's middleware and pages.</summary>
public static class WebApplicationExtensions
{
    /// <summary>Security headers, error pages, sign-in and antiforgery, in the order they must run.</summary>
    public static WebApplication UseStepwiseWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSecurityHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            CreateScopeForErrors = true,
            // A refused request (such as a form without its antiforgery token) keeps its 400, not a 500.
            StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>The pages, their scripts and styles, and the sign-in endpoints.</summary>
    public static WebApplication MapStepwiseUi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapStaticAssets();
        app.MapSignInEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
