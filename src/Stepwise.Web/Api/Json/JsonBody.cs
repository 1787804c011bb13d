using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Stepwise.Web.Api.Problems;
using Stepwise.Workbench.Problems;

namespace Stepwise.Web.Api.Json;

/// <summary>
/// A JSON request body of type <typeparamref name="T"/>, read by <see cref="JsonRequestReader"/> so that a body that is
/// not what was expected becomes an invalid-value problem naming the user's fields (answered by
/// <see cref="ProblemFilter"/> before the endpoint runs). Declares the body for the OpenAPI document.
/// </summary>
/// <typeparam name="T">The request type.</typeparam>
public sealed class JsonBody<T> : IBoundFromRequest, IEndpointParameterMetadataProvider
    where T : class
{
    private readonly T? _value;

    private JsonBody(T? value, ApiProblem? failure)
    {
        _value = value;
        Failure = failure;
    }

    /// <summary>The request.</summary>
    public T Value => _value ?? throw new InvalidOperationException("The body could not be read; the endpoint should not have run.");

    /// <inheritdoc />
    public ApiProblem? Failure { get; }

    /// <summary>Reads the body (at most <see cref="ApiJson.MaxBodyBytes"/>).</summary>
    public static async ValueTask<JsonBody<T>?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (request.ContentType is { } type && !IsJson(type))
        {
            return Failed(context, "body", $"must be JSON: send Content-Type: application/json (got {type}).");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > ApiJson.MaxBodyBytes)
            {
                var tooLarge = ProblemCatalog.Describe(new StepwiseException(ProblemKind.TooLarge, $"The request body is larger than {ApiJson.MaxBodyBytes / 1024} KiB; JSON requests are small (files are uploaded to their own routes)."));
                return new JsonBody<T>(null, ApiProblem.Of(tooLarge, tooLarge.Status, request.Path));
            }

            buffer.Write(chunk, 0, read);
        }

        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            return new JsonBody<T>(JsonRequestReader.Read<T>(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), options), null);
        }
        catch (StepwiseException ex)
        {
            var problem = ProblemCatalog.Describe(ex);
            return new JsonBody<T>(null, ApiProblem.Of(problem, problem.Status, request.Path));
        }
    }

    /// <inheritdoc />
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new AcceptsMetadata(["application/json"], typeof(T)));
    }

    private static JsonBody<T> Failed(HttpContext context, string field, string message) => new(null, ApiProblems.Invalid(context, field, message));

    private static bool IsJson(string contentType)
    {
        string media = contentType.Split(';', 2)[0].Trim();
        return media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }
}
