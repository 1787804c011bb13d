using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Stepwise.Web.Api;

/// <summary>The HTTP API's routes: the OpenAPI document at <c>/openapi/v1.json</c> and the health check at <c>/health</c>.</summary>
public static class ApiEndpointRouteBuilderExtensions
{
    /// <summary>Maps the HTTP API.</summary>
    public static IEndpointRouteBuilder MapStepwiseApi(this IEndpointRouteBuilder routes)
    {
        routes.MapOpenApi("/openapi/{documentName}.json");
        routes.MapHealthChecks("/health");
        return routes;
    }
}
