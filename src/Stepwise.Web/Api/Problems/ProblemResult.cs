using Microsoft.AspNetCore.Http;

namespace Stepwise.Web.Api.Problems;

/// <summary>An endpoint result that answers with a problem document.</summary>
internal sealed class ProblemResult(ApiProblem problem) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    /// <summary>The document.</summary>
    public ApiProblem Problem { get; } = problem;

    /// <inheritdoc />
    public int? StatusCode => Problem.Status;

    /// <inheritdoc />
    public string ContentType => ApiProblem.MediaType;

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext) => ApiProblems.WriteAsync(httpContext, Problem);
}
