using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Stepwise.Web.Api.Problems;
using Stepwise.Workbench.Problems;

namespace Stepwise.Web.Api.Concurrency;

/// <summary>
/// Optimistic concurrency over HTTP. Every artefact answers with a strong ETag of its version (<c>"3"</c>: the version
/// changes with every save, and only then), and every change must say which version it was made on with
/// <c>If-Match</c> (428 without it). The version goes down to the use-case layer, which refuses the save when someone
/// saved in between: 412 with the conflicting fields, author and time. Nothing is compared here, so no save can slip
/// between a check and a write.
/// </summary>
internal static class ETags
{
    /// <summary>The ETag of a version.</summary>
    public static string Of(long version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>Sets the response's ETag.</summary>
    public static void Set(HttpResponse response, long version)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ETag = Of(version);
    }

    /// <summary>Whether the client already holds this version (<c>If-None-Match</c>), so 304 Not Modified may answer.</summary>
    public static bool Unchanged(HttpRequest request, long version)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0)
        {
            return false;
        }

        string tag = Of(version);
        return EntityTagHeaderValue.TryParseList(header, out var tags) && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Tag.Value == tag);
    }

    /// <summary>The version a change was made on: the one named by <c>If-Match</c>.</summary>
    /// <exception cref="ApiProblemException">No <c>If-Match</c> (428), or not one strong ETag of a version (400).</exception>
    public static long RequireIfMatch(HttpRequest request, string what)
    {
        ArgumentNullException.ThrowIfNull(request);
        return IfMatch(request) ?? throw new ApiProblemException(StatusCodes.Status428PreconditionRequired, StepwiseException.Invalid("If-Match",
            $"is required: send the ETag you read with GET of {what} (If-Match: \"3\"), so that a change someone saved meanwhile is not overwritten."));
    }

    /// <summary>
    /// The version a change to something that may not exist yet was made on: <c>If-Match</c> for an existing one,
    /// <c>If-None-Match: *</c> (returned as 0) to create it.
    /// </summary>
    /// <exception cref="ApiProblemException">Neither header (428), or a malformed one (400).</exception>
    public static long RequireIfMatchOrNone(HttpRequest request, string what)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (IfMatch(request) is { } version)
        {
            return version;
        }

        if (request.Headers.IfNoneMatch.ToString().Trim() == "*")
        {
            return 0;
        }

        throw new ApiProblemException(StatusCodes.Status428PreconditionRequired, StepwiseException.Invalid("If-Match",
            $"is required: send the ETag you read with GET of {what} (If-Match: \"3\"), or If-None-Match: * to create it."));
    }

    private static long? IfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch;
        if (header.Count == 0)
        {
            return null;
        }

        string text = header.ToString().Trim();
        if (!EntityTagHeaderValue.TryParseList(header, out var tags) || tags.Count != 1 || tags[0].IsWeak || tags[0].Equals(EntityTagHeaderValue.Any)
            || !long.TryParse(tags[0].Tag.Value.AsSpan(1, tags[0].Tag.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out long version) || version < 1)
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, StepwiseException.Invalid("If-Match",
                $"'{text}' is not an ETag this server gave: send the one ETag you read, as it was given (e.g. \"3\"; weak tags and * are not accepted for changes)."));
        }

        return version;
    }
}
