using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Stepwise.Web.Api.Tests.Support;

/// <summary>HTTP helpers: JSON bodies written and read as plain JSON nodes, so tests check the wire format itself.</summary>
public static class Wire
{
    /// <summary>A JSON body.</summary>
    public static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A request with optional If-Match / If-None-Match.</summary>
    public static HttpRequestMessage Request(HttpMethod method, string url, string? json = null, string? ifMatch = null, string? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = Body(json);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return request;
    }

    /// <summary>Sends and reads the answer as JSON (null for an empty body).</summary>
    public static async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseHeaders Headers, string? ContentType)> SendAsync(this HttpClient client, HttpMethod method, string url, string? json = null, string? ifMatch = null, string? ifNoneMatch = null)
    {
        using var request = Request(method, url, json, ifMatch, ifNoneMatch);
        using var response = await client.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        string? type = response.Content.Headers.ContentType?.MediaType;
        // A file (a sample's units as CSV) has no JSON body to read; its status and type still count.
        bool isJson = type is null || type.EndsWith("json", StringComparison.OrdinalIgnoreCase);
        return (response.StatusCode, text.Length == 0 || !isJson ? null : JsonNode.Parse(text), response.Headers, type);
    }

    /// <summary>The ETag of a response.</summary>
    public static string ETag(this HttpResponseHeaders headers) => headers.ETag?.ToString() ?? throw new InvalidOperationException("The response has no ETag.");
}
