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
        if (!ApiRoutes.IsApi(httpContext.Request.Path) || httpContext.Response.HasStarted)
        {
            return false;
        }

        await ApiProblems.WriteAsync(httpContext, ApiProblems.Describe(exception, httpContext));
        return true;
    }
}
