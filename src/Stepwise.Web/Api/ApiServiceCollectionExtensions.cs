using Microsoft.Extensions.DependencyInjection;

namespace Stepwise.Web.Api;

/// <summary>
/// The HTTP API's services. The API's endpoints (one <c>MapXxxApi</c> per area over the same use cases as the pages,
/// personal access tokens, problem documents from <c>ProblemCatalog</c>) are added here and in
/// <see cref="ApiEndpointRouteBuilderExtensions"/>; for now it registers the OpenAPI document and the health check.
/// </summary>
public static class ApiServiceCollectionExtensions
{
    /// <summary>Adds the HTTP API's services.</summary>
    public static IServiceCollection AddStepwiseApi(this IServiceCollection services)
    {
        services.AddOpenApi("v1");
        services.AddHealthChecks().AddCheck<WorkspaceHealthCheck>("workspace");
        return services;
    }
}
