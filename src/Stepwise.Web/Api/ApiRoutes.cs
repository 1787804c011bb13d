using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Stepwise.Web.Api.Problems;

namespace Stepwise.Web.Api;

/// <summary>Where the HTTP API lives, and what every endpoint declares about its failures.</summary>
public static class ApiRoutes
{
    /// <summary>The prefix of every API route.</summary>
    public const string Prefix = "/api/v1";

    /// <summary>Whether a request path belongs to the API (which answers problems, never the web app's pages).</summary>
    public static bool IsApi(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Declares the problem documents an endpoint may answer with, for the OpenAPI document. Every API endpoint may
    /// also answer 401 (no valid sign-in or token) and 500, which the group declares once.
    /// </summary>
    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params int[] statuses)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(statuses);
        foreach (int status in statuses)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ApiProblem), [ApiProblem.MediaType]));
        }

        return builder;
    }
}
