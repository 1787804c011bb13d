using Microsoft.AspNetCore.Http;

namespace Stepwise.Web.Api.Problems;

/// <summary>
/// Runs every API endpoint: answers a request whose body could not be read with its problem, and turns anything the
/// endpoint or the use-case layer throws into the problem document <see cref="ApiProblems"/> describes.
/// </summary>
internal sealed class ProblemFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        foreach (var argument in context.Arguments)
        {
            if (argument is IBoundFromRequest { Failure: { } failure })
            {
                return new ProblemResult(failure);
            }
        }

        try
        {
            return await next(context);
        }
        catch (Exception ex) when (!context.HttpContext.Response.HasStarted)
        {
            return new ProblemResult(ApiProblems.Describe(ex, context.HttpContext));
        }
    }
}

/// <summary>A parameter bound from the request that may have failed to bind (a body that is not the JSON expected).</summary>
internal interface IBoundFromRequest
{
    /// <summary>Why it could not be bound, or null when it was.</summary>
    ApiProblem? Failure { get; }
}
