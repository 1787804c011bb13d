using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Stepwise.Web.Api.Problems;

/// <summary>
/// The last resort for API requests: a failure outside an endpoint (an account disabled between authentication and
/// the call, a request Kestrel refuses) still gets a problem document, never the web app's error page.
/// </summary>
internal sealed class ApiExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed the request at the web app's error page; the feature keeps where it was.
        var original = httpContext.Features.Get<IExceptionHandlerFeature>()?.Path is { } path ? new PathString(path) : httpContext.Request.Path;
        if (!ApiRoutes.IsApi(original) || httpContext.Response.HasStarted)
        {
            return false;
        }

        httpContext.Request.Path = original;
        await ApiProblems.WriteAsync(httpContext, ApiProblems.Describe(exception, httpContext));
        return true;
    }
}
