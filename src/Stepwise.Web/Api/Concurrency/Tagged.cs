using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Stepwise.Review.Artefacts;

namespace Stepwise.Web.Api.Concurrency;

/// <summary>Answers with an artefact and its ETag (304 when the client already holds that version).</summary>
internal static class Tagged
{
    public static Results<Ok<ArtefactBody<T>>, StatusCodeHttpResult> Read<T>(HttpContext http, Versioned<T> stored)
        where T : IArtefact
    {
        ETags.Set(http.Response, stored.Version);
        return ETags.Unchanged(http.Request, stored.Version)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(ArtefactBody<T>.Of(stored));
    }

    public static Ok<ArtefactBody<T>> Saved<T>(HttpContext http, Versioned<T> stored)
        where T : IArtefact
    {
        ETags.Set(http.Response, stored.Version);
        return TypedResults.Ok(ArtefactBody<T>.Of(stored));
    }
}
