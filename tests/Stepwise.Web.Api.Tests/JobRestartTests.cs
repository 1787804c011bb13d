using System.Net;
using System.Text.Json.Nodes;
using Stepwise.Testing;
using Stepwise.Web.Api.Tests.Support;

namespace Stepwise.Web.Api.Tests;

/// <summary>
/// Jobs outlive the server process: a restart is simulated by a second host on the same workspace (the same SQLite
/// file, the same PostgreSQL schema). A job left running by the first process reads as interrupted, with its work
/// rolled back; a job that ended reads as it ended, with its result or its problem; jobs past their retention are
/// deleted.
/// </summary>
public abstract class JobRestartSuite(TestDatabase database) : IDisposable
{
    private const string ServiceNowOptions = """{"case":"number","activity":"incident_state","timestamp":"sys_updated_at","resource":"sys_updated_by","timestamp_format":"dmy"}""";
    private readonly List<ApiFactory> _hosts = [];

    /// <summary>A server process on this test's workspace.</summary>
    private ApiFactory Host(IReadOnlyDictionary<string, string>? settings = null)
    {
        if (database is PostgresDatabase)
        {
            PostgresDatabase.Require();
        }

        var host = new ApiFactory(database, settings);
        _hosts.Add(host);
        return host;
    }

    [SkippableFact]
    public async Task Job_RunningWhenTheServerRestarts_ReadAsInterruptedAndItsWorkRolledBack()
    {
        // One slot: the first import runs, the second waits, queued, when the server is restarted.
        var first = Host(new Dictionary<string, string> { ["Stepwise:Api:JobSlots"] = "1" });
        using var lead = first.ClientFor("lead");
        string secret = first.Bench.Accounts.CreateToken(first.Administrator, "lead", "after the restart").Secret;
        string review = await ApiSuite.CreateReviewAsync(lead);
        string log = SharedData.PathOf("eventlogs/incident_event_log.csv.zip");
        string running = (await lead.UploadAsync($"{review}/data", log, ServiceNowOptions)).Headers.Location!.ToString();
        string queued = (await lead.UploadAsync($"{review}/data", log, ServiceNowOptions)).Headers.Location!.ToString();
        JsonNode before;
        do
        {
            await Task.Delay(20);
            before = (await lead.SendAsync(HttpMethod.Get, running)).Body!;
        }
        while ((string?)before["state"] == "queued" || ((string?)before["state"] == "running" && (double)before["progress"]! <= 0));

        Assert.True((string?)before["state"] == "running", "The import ended before the restart: " + before.ToJsonString());
        Assert.Equal("queued", (string?)(await lead.SendAsync(HttpMethod.Get, queued)).Body!["state"]);

        Stop(first);
        var second = Host();
        using var after = second.ClientWith(secret);
        var interrupted = await after.SendAsync(HttpMethod.Get, running);
        var waited = await after.SendAsync(HttpMethod.Get, queued);
        var data = await after.SendAsync(HttpMethod.Get, $"{review}/data");
        var history = await after.SendAsync(HttpMethod.Get, $"{review}/history");
        var listed = await after.SendAsync(HttpMethod.Get, "/api/v1/jobs");
        var reviewJobs = await after.SendAsync(HttpMethod.Get, $"{review}/jobs");

        Assert.Equal(HttpStatusCode.OK, interrupted.Status);
        var job = interrupted.Body!;
        Assert.Equal("interrupted", (string?)job["state"]);
        Assert.Equal("import", (string?)job["kind"]);
        Assert.Contains("incident_event_log.csv.zip", (string)job["description"]!, StringComparison.Ordinal);
        Assert.NotNull(job["started_at"]);
        Assert.NotNull(job["finished_at"]);
        Assert.Null(job["result"]);
        AssertInterrupted(job, running);
        Assert.False(interrupted.Headers.Contains("Retry-After"));
        Assert.Equal("interrupted", (string?)waited.Body!["state"]);
        Assert.Null(waited.Body["started_at"]);
        AssertInterrupted(waited.Body, queued);

        Assert.Empty(data.Body!.AsArray());
        Assert.DoesNotContain(history.Body!.AsArray(), h => (string?)h!["action"] == "imported");
        Assert.Equal(["interrupted", "interrupted"], listed.Body!.AsArray().Select(j => (string?)j!["state"]));
        Assert.Equal(2, reviewJobs.Body!.AsArray().Count);
        Assert.True(second.Bench.Store.Check().IsSound);
    }

    [SkippableFact]
    public async Task Job_LeftRunningByAServerThatDied_InterruptedWhenTheNextServerStarts()
    {
        var first = Host();
        using var lead = first.ClientFor("lead");
        string secret = first.Bench.Accounts.CreateToken(first.Administrator, "lead", "after the restart").Secret;
        string review = await ApiSuite.CreateReviewAsync(lead);
        var leadActor = first.Bench.Accounts.CommandLineUser("lead");

        // What a server process killed mid-import leaves in the workspace: its job recorded as running, and nothing
        // else of its work, whose transaction never committed.
        var left = first.Bench.Jobs.Start(leadActor, Guid.CreateVersion7(), "import", "Import of helpdesk.xes.gz", Guid.Parse(review.Split('/')[^1]));
        Assert.True(first.Bench.Jobs.Record(left with { State = Review.Jobs.JobState.Running, StartedAt = left.CreatedAt, Progress = 0.6 }));
        string url = $"/api/v1/jobs/{left.Id:D}";
        Assert.Equal("running", (string?)(await lead.SendAsync(HttpMethod.Get, url)).Body!["state"]);
        Stop(first);

        var second = Host();
        using var after = second.ClientWith(secret);
        var read = await after.SendAsync(HttpMethod.Get, url + "?wait=5");
        var cancel = await after.SendAsync(HttpMethod.Delete, url);

        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal("interrupted", (string?)read.Body!["state"]);
        Assert.Equal(0.6, (double)read.Body["progress"]!);
        AssertInterrupted(read.Body, url);
        Assert.Contains("it started again at", (string)read.Body["problem"]!["detail"]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, cancel.Status);
        Assert.Equal("interrupted", (string?)cancel.Body!["state"]);
    }

    [SkippableFact]
    public async Task Job_EndedBeforeTheRestart_ReadAfterItWithItsResultOrItsProblem()
    {
        var first = Host();
        using var lead = first.ClientFor("lead");
        string secret = first.Bench.Accounts.CreateToken(first.Administrator, "lead", "after the restart").Secret;
        string review = await ApiSuite.CreateReviewAsync(lead);
        var succeeded = await lead.SucceededAsync(await lead.UploadAsync($"{review}/data", SharedData.PathOf("eventlogs/running-example.xes")));
        string folder = Directory.CreateTempSubdirectory("stepwise-bad-").FullName;
        string bad = Path.Combine(folder, "tickets.csv");
        File.WriteAllText(bad, "case,activity,timestamp\nT1,Open,2024-01-02T09:00:00Z\nT1,Close,not a time\n");
        var failed = await lead.FinishAsync((await lead.UploadAsync($"{review}/data", bad)).Headers.Location!.ToString());
        Directory.Delete(folder, true);
        Stop(first);

        var second = Host();
        using var after = second.ClientWith(secret);
        string successUrl = $"/api/v1/jobs/{(string)succeeded["id"]!}";
        var readSuccess = await after.SendAsync(HttpMethod.Get, successUrl);
        var readFailure = await after.SendAsync(HttpMethod.Get, $"/api/v1/jobs/{(string)failed["id"]!}");
        var source = await after.SendAsync(HttpMethod.Get, (string)readSuccess.Body!["result_location"]!);

        Assert.Equal(HttpStatusCode.OK, readSuccess.Status);
        Assert.True(JsonNode.DeepEquals(succeeded, readSuccess.Body), $"before: {succeeded.ToJsonString()}\nafter: {readSuccess.Body.ToJsonString()}");
        Assert.Equal(6, (int)readSuccess.Body["result"]!["source"]!["cases"]!); // the textbook example has six cases
        Assert.Equal((string?)readSuccess.Body["result_location"], readSuccess.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, source.Status);
        Assert.Equal(6, (int)source.Body!["source"]!["cases"]!);

        Assert.Equal("failed", (string?)failed["state"]);
        Assert.True(JsonNode.DeepEquals(failed, readFailure.Body), $"before: {failed.ToJsonString()}\nafter: {readFailure.Body!.ToJsonString()}");
        Assert.Equal("tickets.csv", (string?)readFailure.Body!["problem"]!["location"]!["file"]);
        Assert.Equal(3, (int)readFailure.Body["problem"]!["location"]!["line"]!);
    }

    [SkippableFact]
    public async Task Job_PastItsRetention_NotFoundThenDeletedWhenTheServerStarts()
    {
        // A retention of 0.00002 days is about 1.7 seconds.
        var settings = new Dictionary<string, string> { ["Stepwise:Api:JobRetentionDays"] = "0.00002" };
        var first = Host(settings);
        using var lead = first.ClientFor("lead");
        string review = await ApiSuite.CreateReviewAsync(lead);
        var job = await lead.SucceededAsync(await lead.UploadAsync($"{review}/data", SharedData.PathOf("eventlogs/running-example.xes")));
        Guid id = Guid.Parse((string)job["id"]!);
        Assert.NotNull(first.Bench.Store.FindJob(id));
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        var gone = await lead.SendAsync(HttpMethod.Get, $"/api/v1/jobs/{id:D}");
        var listed = await lead.SendAsync(HttpMethod.Get, "/api/v1/jobs");
        var second = Host(settings);
        _ = second.Bench; // starts the second server, which deletes the jobs past their retention

        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        Assert.Contains("are kept for", (string)gone.Body!["detail"]!, StringComparison.Ordinal);
        Assert.Empty(listed.Body!.AsArray());
        Assert.Null(second.Bench.Store.FindJob(id));
        Assert.Single(second.Bench.Store.DataSources(Guid.Parse(review.Split('/')[^1])));
    }

    // Stops a server process (as a restart does).
    private void Stop(ApiFactory host)
    {
        _hosts.Remove(host);
        host.Dispose();
    }

    private static void AssertInterrupted(JsonNode job, string url)
    {
        var problem = job["problem"]!;
        Assert.Equal("https://stepwise.dev/problems/interrupted", (string?)problem["type"]);
        Assert.Equal(503, (int)problem["status"]!);
        Assert.Equal(url, (string?)problem["instance"]);
        Assert.Contains("before this job ended", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.Contains("rolled back", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        database.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>Jobs across restarts on SQLite.</summary>
public sealed class SqliteJobRestartSuite() : JobRestartSuite(new SqliteDatabase());

/// <summary>Jobs across restarts on PostgreSQL.</summary>
public sealed class PostgresJobRestartSuite() : JobRestartSuite(new PostgresDatabase());
