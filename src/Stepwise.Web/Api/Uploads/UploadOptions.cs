using System.Text.Json;
using System.Text.Json.Nodes;
using Stepwise.Web.Api.Json;
using Stepwise.Workbench.Problems;

namespace Stepwise.Web.Api.Uploads;

/// <summary>
/// The <c>options</c> part of an upload read as the use-case layer's own request record, so the defaults and checks
/// are the layer's. The fields that name files on the server (the feedback file, the population) are filled in here
/// with the uploaded files and refused when the client sends them: the API reads only what was uploaded.
/// </summary>
internal static class UploadOptions
{
    /// <summary>
    /// Reads the options as a <typeparamref name="T"/>, with each field of <paramref name="files"/> set to the path of
    /// an uploaded file (or a value of the URL).
    /// </summary>
    /// <exception cref="StepwiseException">The options are not JSON, not the shape expected, or name a file (invalid value).</exception>
    public static T Read<T>(Upload upload, JsonSerializerOptions options, params (string Field, string Value)[] files)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(upload);
        JsonObject body;
        try
        {
            body = upload.Options is { Length: > 0 } text
                ? JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = ApiJson.MaxDepth }) as JsonObject
                    ?? throw StepwiseException.Invalid("options", "must be a JSON object, e.g. {\"title\":\"Passenger survey\"}.")
                : [];
        }
        catch (JsonException)
        {
            // The reader below says where the JSON goes wrong, in the same words as for any other request body.
            return JsonRequestReader.Read<T>(System.Text.Encoding.UTF8.GetBytes(upload.Options!), options);
        }

        var v = new Validation();
        foreach (var (field, value) in files)
        {
            if (body.ContainsKey(field))
            {
                v.Add(field, "is given by the route (an uploaded file, or the URL); leave it out of the options (the API reads no file named by a client).");
            }

            body[field] = value;
        }

        v.ThrowIfAny();
        return JsonRequestReader.Read<T>(JsonSerializer.SerializeToUtf8Bytes(body), options);
    }
}
