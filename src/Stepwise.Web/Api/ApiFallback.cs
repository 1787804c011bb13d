using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;
using Stepwise.Web.Api.Problems;
using Stepwise.Workbench.Problems;

namespace Stepwise.Web.Api;

/// <summary>
/// Answers API requests no route takes with a problem document, not the web app's page: 405 with <c>Allow</c> when
/// the path exists with other methods, 404 otherwise.
/// </summary>
internal static class ApiFallback
{
    public static IResult Answer(HttpContext http, EndpointDataSource endpoints)
    {
        var path = http.Request.Path;
        var allowed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.RoutePattern.RawText is not { } raw || !raw.StartsWith(ApiRoutes.Prefix, StringComparison.OrdinalIgnoreCase)
                || endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods)
            {
                continue;
            }

            var matcher = new TemplateMatcher(TemplateParser.Parse(RoutePatternWithoutConstraints(endpoint.RoutePattern)), new RouteValueDictionary());
            if (matcher.TryMatch(path, new RouteValueDictionary()))
            {
                allowed.UnionWith(methods.HttpMethods);
            }
        }

        if (allowed.Count > 0)
        {
            http.Response.Headers.Allow = string.Join(", ", allowed);
            var invalid = ProblemCatalog.Describe(StepwiseException.Invalid("method", $"{http.Request.Method} is not allowed here; this resource takes {string.Join(", ", allowed)}."));
            return new ProblemResult(ApiProblem.Of(invalid, StatusCodes.Status405MethodNotAllowed, path));
        }

        var missing = ProblemCatalog.Describe(StepwiseException.NotFound($"There is no API route {path}; the routes are listed in /openapi/v1.json.", path));
        return new ProblemResult(ApiProblem.Of(missing, missing.Status, path));
    }

    // The matcher only needs the shape of the path; constraints such as :guid are checked by routing itself.
    private static string RoutePatternWithoutConstraints(RoutePattern pattern)
        => string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => "{" + (parameter.IsCatchAll ? "*" : string.Empty) + parameter.Name + "}",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => string.Empty,
        }))));
}
