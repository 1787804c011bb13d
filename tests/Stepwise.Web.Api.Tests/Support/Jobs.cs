using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Stepwise.Web.Api.Tests.Support;

/// <summary>Uploads and jobs over HTTP.</summary>
public static class Jobs
{
    /// <summary>Uploads a file (and optional JSON options) as multipart/form-data; returns the answer.</summary>
    public static async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseHeaders Headers)> UploadAsync(this HttpClient client, string url, string path, string? options = null, string? name = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(File.OpenRead(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name ?? Path.GetFileName(path));
        if (options is not null)
        {
            form.Add(new StringContent(options, System.Text.Encoding.UTF8, "application/json"), "options");
        }

        using var response = await client.PostAsync(new Uri(url, UriKind.Relative), form);
        string text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response.Headers);
    }

    /// <summary>Uploads several files, each as its named part, with optional JSON options and Accept header; returns the answer as text.</summary>
    public static async Task<(HttpStatusCode Status, string Text, HttpResponseHeaders Headers, string? ContentType)> UploadFilesAsync(this HttpClient client, string url, IReadOnlyList<(string Part, string Path)> files, string? options = null, string? accept = null, string? ifMatch = null)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (part, path) in files)
        {
            var file = new StreamContent(File.OpenRead(path));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, part, Path.GetFileName(path));
        }

        if (options is not null)
        {
            form.Add(new StringContent(options, System.Text.Encoding.UTF8, "application/json"), "options");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative)) { Content = form };
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers, response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Waits for a job to end (the server holds each answer up to 30 s) and returns its resource.</summary>
    public static async Task<JsonNode> FinishAsync(this HttpClient client, string jobUrl, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromMinutes(10));
        while (true)
        {
            var (status, body, _, _) = await client.SendAsync(HttpMethod.Get, jobUrl + "?wait=30");
            if (status != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"GET {jobUrl}: {(int)status} {body?.ToJsonString()}");
            }

            string state = (string)body!["state"]!;
            if (state is "succeeded" or "failed" or "cancelled" or "interrupted")
            {
                return body;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{jobUrl} is still {state}.");
            }
        }
    }

    /// <summary>Runs an upload or another job-starting call to its end and checks that it succeeded.</summary>
    public static async Task<JsonNode> SucceededAsync(this HttpClient client, (HttpStatusCode Status, JsonNode? Body, HttpResponseHeaders Headers) started)
    {
        if (started.Status != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"Expected 202, got {(int)started.Status}: {started.Body?.ToJsonString()}");
        }

        var job = await client.FinishAsync(started.Headers.Location!.ToString());
        if ((string?)job["state"] != "succeeded")
        {
            throw new InvalidOperationException("The job did not succeed: " + job.ToJsonString());
        }

        return job;
    }
}

/// <summary>Job helpers for JSON calls.</summary>
public static class JsonJobs
{
    /// <summary>Runs a job started by a JSON call to its end and checks that it succeeded.</summary>
    public static Task<JsonNode> SucceededAsync(this HttpClient client, (HttpStatusCode Status, JsonNode? Body, HttpResponseHeaders Headers, string? ContentType) started)
        => client.SucceededAsync((started.Status, started.Body, started.Headers));
}
