using Microsoft.AspNetCore.Http;
using Stepwise.Web.Api.Problems;
using Stepwise.Workbench.Problems;

namespace Stepwise.Web.Api.Authentication;

/// <summary>
/// A browser session may change the workspace through the API only from this server's own pages: a change that
/// arrives with the sign-in cookie from another site (cross-site request forgery) is refused. The cookie is already
/// SameSite=Lax; this also covers sibling sites under the same domain. Tokens are not sent by browsers on their own,
/// so token calls are not checked.
/// </summary>
internal sealed class SameOriginFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var request = http.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || ApiAuthentication.ByToken(http))
        {
            return next(context);
        }

        string? site = request.Headers["Sec-Fetch-Site"];
        string? origin = request.Headers.Origin;
        bool foreign = site is not null
            ? site is not ("same-origin" or "none")
            : origin is not null && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
        if (!foreign)
        {
            return next(context);
        }

        var problem = ProblemCatalog.Describe(StepwiseException.Forbidden("A browser session may change the workspace only from Stepwise's own pages; scripts use a personal access token (Authorization: Bearer swt_…)."));
        return ValueTask.FromResult<object?>(new ProblemResult(ApiProblem.Of(problem, problem.Status, request.Path)));
    }
}
