using System.Net;
using System.Text.Json.Nodes;
using Stepwise.Testing;
using Stepwise.Web.Api.Tests.Support;

namespace Stepwise.Web.Api.Tests;

/// <summary>
/// Imports through the API on real files: provenance checked against the file's own SHA-256 and published counts, a
/// bad file named by file, line and column, an import cancelled mid-way that stores nothing, and bounded uploads.
/// </summary>
public abstract class ImportSuite(TestDatabase database) : ApiTestBase(database)
{
    [SkippableFact]
    public async Task Import_HelpdeskXes_StoresTheLogWithItsProvenance()
    {
        string log = SharedData.PathOf("eventlogs/helpdesk.xes.gz");
        using var lead = Api.ClientFor("lead");
        string review = await ApiSuite.CreateReviewAsync(lead);

        var job = await lead.SucceededAsync(await lead.UploadAsync($"{review}/data", log));
        var source = await lead.SendAsync(HttpMethod.Get, (string)job["result_location"]!);

        Assert.Equal(1.0, (double)job["progress"]!);
        Assert.Equal(SharedData.Sha256(log), (string?)source.Body!["source"]!["content_hash"]);
        Assert.Equal("helpdesk.xes.gz", (string?)source.Body["source"]!["file_name"]);
        Assert.Equal(4580, (int)source.Body["source"]!["cases"]!); // published: 4,580 cases, 21,348 events
        Assert.NotNull(source.Body["provenance"]);
        var summary = await lead.SendAsync(HttpMethod.Get, $"{review}/analyses/summary");
        Assert.Equal(21348, (long)summary.Body!["result"]!["events"]!);
        Assert.Equal(14, (int)summary.Body["result"]!["activities"]!);
        Assert.Equal(SharedData.Sha256(log), (string?)summary.Body["basis"]!["data_sha256"]);
    }

    [SkippableFact]
    public async Task Import_BadTimestamp_FailsNamingFileLineAndColumnAndStoresNothing()
    {
        string folder = Directory.CreateTempSubdirectory("stepwise-bad-").FullName;
        string file = Path.Combine(folder, "tickets.csv");
        File.WriteAllText(file, "case,activity,timestamp\nT1,Open,2024-01-02T09:00:00Z\nT1,Close,not a time\n");
        using var lead = Api.ClientFor("lead");
        string review = await ApiSuite.CreateReviewAsync(lead);

        var started = await lead.UploadAsync($"{review}/data", file);
        var job = await lead.FinishAsync(started.Headers.Location!.ToString());
        var data = await lead.SendAsync(HttpMethod.Get, $"{review}/data");

        Assert.Equal(HttpStatusCode.Accepted, started.Status);
        Assert.Equal("failed", (string?)job["state"]);
        var problem = job["problem"]!;
        Assert.Equal("https://stepwise.dev/problems/bad-file", (string?)problem["type"]);
        Assert.Equal("tickets.csv", (string?)problem["location"]!["file"]);
        Assert.Equal(3, (int)problem["location"]!["line"]!);
        Assert.NotNull(problem["location"]!["column"]);
        Assert.DoesNotContain(Path.GetTempPath(), problem.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(data.Body!.AsArray());
        Directory.Delete(folder, true);
    }

    [SkippableFact]
    public async Task Import_CancelledMidway_OnTheServiceNowExport_StoresNothing()
    {
        string log = SharedData.PathOf("eventlogs/incident_event_log.csv.zip");
        const string Options = """{"case":"number","activity":"incident_state","timestamp":"sys_updated_at","resource":"sys_updated_by","timestamp_format":"dmy"}""";
        using var lead = Api.ClientFor("lead");
        string review = await ApiSuite.CreateReviewAsync(lead);

        var started = await lead.UploadAsync($"{review}/data", log, Options);
        string jobUrl = started.Headers.Location!.ToString();
        JsonNode running;
        do
        {
            await Task.Delay(20);
            running = (await lead.SendAsync(HttpMethod.Get, jobUrl)).Body!;
        }
        while ((string?)running["state"] == "queued" || ((string?)running["state"] == "running" && (double)running["progress"]! <= 0));

        Assert.True((string?)running["state"] == "running", "The import ended before it could be cancelled: " + running.ToJsonString());
        var cancel = await lead.SendAsync(HttpMethod.Delete, jobUrl);
        var ended = await lead.FinishAsync(jobUrl);
        var data = await lead.SendAsync(HttpMethod.Get, $"{review}/data");
        var history = await lead.SendAsync(HttpMethod.Get, $"{review}/history");

        Assert.Equal(HttpStatusCode.Accepted, cancel.Status);
        Assert.Equal("cancelled", (string?)ended["state"]);
        Assert.Equal("https://stepwise.dev/problems/cancelled", (string?)ended["problem"]!["type"]);
        Assert.Empty(data.Body!.AsArray());
        Assert.DoesNotContain(history.Body!.AsArray(), h => (string?)h!["action"] == "imported");
        Assert.True(Api.Bench.Store.Check().IsSound, "The workspace is not sound after the cancelled import.");
    }

    [SkippableFact]
    public async Task Job_OfAnotherAccount_IsNotFoundAndCannotBeCancelled()
    {
        using var lead = Api.ClientFor("lead");
        using var other = Api.ClientFor("olga");
        string review = await ApiSuite.CreateReviewAsync(lead);
        var started = await lead.UploadAsync($"{review}/data", SharedData.PathOf("eventlogs/running-example.xes"));
        string job = started.Headers.Location!.ToString();

        var seen = await other.SendAsync(HttpMethod.Get, job);
        var cancelled = await other.SendAsync(HttpMethod.Delete, job);
        var listed = await other.SendAsync(HttpMethod.Get, "/api/v1/jobs");
        var own = await lead.FinishAsync(job);

        Assert.Equal(HttpStatusCode.NotFound, seen.Status);
        Assert.Equal(HttpStatusCode.NotFound, cancelled.Status);
        Assert.Empty(listed.Body!.AsArray());
        Assert.Equal("succeeded", (string?)own["state"]);
        Assert.Equal(6, (int)own["result"]!["source"]!["cases"]!); // the textbook example has six cases
    }

    [SkippableFact]
    public async Task Import_NotAMultipartUpload_IsInvalidValue()
    {
        using var lead = Api.ClientFor("lead");
        string review = await ApiSuite.CreateReviewAsync(lead);

        var (status, body, _, _) = await lead.SendAsync(HttpMethod.Post, $"{review}/data", """{"file":"/etc/passwd"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("multipart/form-data", (string)body!["errors"]!["body"]![0]!, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Import_ByAViewer_IsRefusedBeforeTheUpload()
    {
        using var lead = Api.ClientFor("lead");
        using var viewer = Api.ClientFor("vic");
        string review = await ApiSuite.CreateReviewAsync(lead);
        await lead.SendAsync(HttpMethod.Post, $"{review}/members", """{"user":"vic","role":"viewer"}""");

        var (status, _, _) = await viewer.UploadAsync($"{review}/data", SharedData.PathOf("eventlogs/helpdesk.xes.gz"));

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }
}

/// <summary>Imports on SQLite.</summary>
public sealed class SqliteImportSuite() : ImportSuite(new SqliteDatabase());

/// <summary>Imports on PostgreSQL.</summary>
public sealed class PostgresImportSuite() : ImportSuite(new PostgresDatabase());

/// <summary>An upload larger than the server's bound is refused as it streams in, and nothing is kept.</summary>
public sealed class UploadBoundTests : IDisposable
{
    private readonly SqliteDatabase _database = new();
    private readonly string _uploads = Directory.CreateTempSubdirectory("stepwise-upload-bound-").FullName;
    private readonly ApiFactory _api;

    // The uploads go to a folder of this test's own, so other test processes' uploads cannot be counted.
    public UploadBoundTests() => _api = new ApiFactory(_database, new Dictionary<string, string> { ["Stepwise:Api:MaxUploadMb"] = "1", ["Stepwise:Api:UploadFolder"] = _uploads });

    public void Dispose()
    {
        _api.Dispose();
        _database.Dispose();
        Directory.Delete(_uploads, recursive: true);
    }

    [Fact]
    public void UploadFolder_FromConfiguration_HoldsEachUploadInAFolderOnlyTheServerCanRead()
    {
        var configuration = Microsoft.Extensions.Configuration.MemoryConfigurationBuilderExtensions.AddInMemoryCollection(
            new Microsoft.Extensions.Configuration.ConfigurationBuilder(), new Dictionary<string, string?> { ["Stepwise:Api:UploadFolder"] = _uploads }).Build();
        string folder = Stepwise.Web.Api.Uploads.UploadLimits.From(configuration).CreatePrivateFolder("stepwise-upload-");

        Assert.Equal(_uploads, Path.GetDirectoryName(folder));
        Assert.StartsWith("stepwise-upload-", Path.GetFileName(folder), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        }

        Directory.Delete(folder);
    }

    [Fact]
    public async Task Import_LargerThanTheBound_Is413AndLeavesNoTemporaryFile()
    {
        string log = SharedData.PathOf("eventlogs/incident_event_log.csv.zip"); // 2.6 MB against a 1 MB bound
        using var lead = _api.ClientFor("lead");
        string review = await ApiSuite.CreateReviewAsync(lead);

        var (status, body, _) = await lead.UploadAsync($"{review}/data", log);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("https://stepwise.dev/problems/too-large", (string?)body!["type"]);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_uploads));
    }
}
