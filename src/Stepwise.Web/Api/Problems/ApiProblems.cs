using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stepwise.Workbench.Problems;

namespace Stepwise.Web.Api.Problems;

/// <summary>
/// Turns any failure of an API request into its problem document: the catalogue decides the kind and the words; HTTP
/// adds only what HTTP knows (412 for a conflict on a request that carried <c>If-Match</c>, 428 for a change without
/// it, the <c>WWW-Authenticate</c> challenge on 401).
/// </summary>
internal static partial class ApiProblems
{
    /// <summary>The problem document for an exception raised while answering <paramref name="context"/>.</summary>
    public static ApiProblem Describe(Exception exception, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(context);
        if (exception is ApiProblemException api)
        {
            return ApiProblem.Of(ProblemCatalog.Describe(api.Problem), api.Status, context.Request.Path);
        }

        if (exception is BadHttpRequestException bad)
        {
            // Kestrel's own refusals (body too large, malformed request line) carry their status; the words are ours.
            var kind = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? ProblemKind.TooLarge : ProblemKind.InvalidValue;
            string detail = kind == ProblemKind.TooLarge ? "The request body is larger than this server accepts." : "The request could not be read.";
            return ApiProblem.Of(ProblemCatalog.Describe(new StepwiseException(kind, detail)), ProblemCatalog.Entry(kind).Status, context.Request.Path);
        }

        var problem = ProblemCatalog.Describe(exception);
        int status = problem.Status;
        if (problem.Kind == ProblemKind.Conflict && context.Request.Headers.IfMatch.Count > 0)
        {
            status = StatusCodes.Status412PreconditionFailed;
        }

        if (problem.Kind == ProblemKind.Bug)
        {
            var log = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Stepwise.Web.Api");
            LogFault(log, exception, context.Request.Method, context.Request.Path);
        }

        return ApiProblem.Of(problem, status, context.Request.Path);
    }

    /// <summary>Writes a problem document as the response.</summary>
    public static async Task WriteAsync(HttpContext context, ApiProblem problem)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problem);
        var response = context.Response;
        response.StatusCode = problem.Status;
        response.ContentType = ApiProblem.MediaType;
        response.Headers.CacheControl = "no-store";
        if (problem.Status == StatusCodes.Status401Unauthorized && response.Headers.WWWAuthenticate.Count == 0)
        {
            response.Headers.WWWAuthenticate = "Bearer realm=\"stepwise\"";
        }

        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        await JsonSerializer.SerializeAsync(response.Body, problem, options, context.RequestAborted);
    }

    /// <summary>A problem for one bad field, as the catalogue describes it.</summary>
    public static ApiProblem Invalid(HttpContext context, string field, string message)
        => ApiProblem.Of(ProblemCatalog.Describe(StepwiseException.Invalid(field, message)), StatusCodes.Status400BadRequest, context.Request.Path);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Error, Message = "API request {Method} {Path} failed unexpectedly")]
    private static partial void LogFault(ILogger logger, Exception exception, string method, string path);
}
