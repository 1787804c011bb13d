using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Stepwise.Web.Api.Authentication;
using Stepwise.Web.Api.Jobs;
using Stepwise.Web.Api.Json;
using Stepwise.Web.Api.Problems;
using Stepwise.Web.Api.Uploads;

namespace Stepwise.Web.Api;

/// <summary>
/// The HTTP API's services: its JSON, token authentication beside the web app's cookie, problem documents for every
/// failure, the job runner for long work, the OpenAPI document and the health checks.
/// </summary>
public static class ApiServiceCollectionExtensions
{
    /// <summary>Adds the HTTP API's services.</summary>
    public static IServiceCollection AddStepwiseApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
        services.AddApiAuthentication();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => JobSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<ApiJobs>();

        // The runner starts with the server, so jobs a previous process left unfinished are marked interrupted at once.
        services.AddHostedService<JobRunnerLifetime>();
        services.AddSingleton(sp => UploadLimits.From(sp.GetRequiredService<IConfiguration>()));
        services.AddOpenApi("v1", options => ApiDocument.Configure(options));
        services.AddHealthChecks().AddCheck<WorkspaceHealthCheck>("workspace", tags: [WorkspaceHealthCheck.ReadinessTag]);
        return services;
    }
}
