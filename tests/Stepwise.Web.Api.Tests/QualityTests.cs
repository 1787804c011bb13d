using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Stepwise.Testing;
using Stepwise.Web.Api.Tests.Support;

namespace Stepwise.Web.Api.Tests;

/// <summary>
/// Quality reviews and the file-only survey and sample routes over HTTP, on the real passenger survey
/// (surveys/airline_passenger_satisfaction_kaggle_test.csv): every figure is checked against a count made here from the
/// CSV itself, not against what the server computed before.
/// </summary>
public abstract class QualitySuite(TestDatabase database) : ApiTestBase(database)
{
    /// <summary>The passenger survey's test split.</summary>
    internal static string Survey => SharedData.PathOf("surveys/airline_passenger_satisfaction_kaggle_test.csv");

    [SkippableFact]
    public async Task FileSurvey_OfThePassengerSurvey_MatchesAnIndependentCountAndKeepsNothing()
    {
        using var lead = Api.ClientFor("lead");
        var counts = PassengerCounts.Of(Survey);

        var job = await lead.SucceededAsync(await lead.UploadAsync("/api/v1/survey", Survey,
            """{"read":{"not_applicable":["0"]},"sections":["summary","targets"],"target":["csat>=50%","mean:Online boarding>=3.5","top2:Inflight wifi service>=30%"]}"""));
        var result = job["result"]!;
        var targets = result["targets"]!.AsArray();
        var satisfied = targets.Single(t => ((string)t!["target"]!).StartsWith("csat", StringComparison.Ordinal))!;
        var boarding = targets.Single(t => ((string)t!["target"]!).StartsWith("mean:Online boarding", StringComparison.Ordinal))!;
        var wifi = targets.Single(t => ((string)t!["target"]!).StartsWith("top2:Inflight wifi service", StringComparison.Ordinal))!;

        Assert.Equal(counts.Rows, (int)result["responses"]!);
        Assert.Equal(counts.SatisfiedShare, (double)satisfied["estimate"]!["value"]!, 12);
        Assert.Equal(counts.Rows, (int)satisfied["estimate"]!["count"]!);
        Assert.Equal("missed_with_confidence", (string?)satisfied["verdict"]); // 43.9% against at least 50%
        Assert.Equal(counts.BoardingMean, (double)boarding["estimate"]!["value"]!, 9);
        Assert.Equal(counts.BoardingAnswered, (int)boarding["estimate"]!["count"]!);
        Assert.Equal(counts.WifiTopTwoShare, (double)wifi["estimate"]!["value"]!, 12);
        Assert.Null(job["result_location"]);
    }

    [SkippableFact]
    public async Task FileSample_DrawnByClass_IsProportionalToTheClassesCountedInTheFile_AndChecksRepresentative()
    {
        using var lead = Api.ClientFor("lead");
        var counts = PassengerCounts.Of(Survey);
        const string Draw = """{"id":"id","strata":["Class"],"size":1000,"seed":7}""";

        var json = await lead.UploadFilesAsync("/api/v1/sample/draw", [("file", Survey)], Draw);
        var csv = await lead.UploadFilesAsync("/api/v1/sample/draw", [("file", Survey)], Draw, accept: "text/csv");
        string units = Path.Combine(Directory.CreateTempSubdirectory("stepwise-units-").FullName, "units.csv");
        await File.WriteAllTextAsync(units, csv.Text);
        var check = await lead.UploadFilesAsync("/api/v1/sample/check", [("population", Survey), ("file", units)], """{"id":"id","by":["Class"]}""");

        Assert.True(json.Status == HttpStatusCode.OK, json.Text);
        var drawn = JsonNode.Parse(json.Text)!;
        Assert.Equal(counts.Rows, (int)drawn["population_size"]!);
        Assert.Equal(1000, drawn["units"]!.AsArray().Count);
        foreach (var stratum in drawn["strata_drawn"]!.AsArray())
        {
            string label = (string)stratum!["label"]!;
            int population = counts.ByClass[label.Split('=').Last().Trim()];
            Assert.Equal(population, (int)stratum["population"]!);
            Assert.InRange((int)stratum["sample"]!, Math.Floor(1000.0 * population / counts.Rows), Math.Ceiling(1000.0 * population / counts.Rows));
        }

        Assert.Equal("text/csv", csv.ContentType);
        var unitIds = File.ReadLines(units).Skip(1).Select(l => l.Split(',')[0]).ToList();
        Assert.Equal(drawn["units"]!.AsArray().Select(u => (string)u!), unitIds); // the same seed draws the same sample
        Assert.True(check.Status == HttpStatusCode.OK, check.Text);
        var checkedSample = JsonNode.Parse(check.Text)!;
        Assert.Equal(1000, (int)checkedSample["sample"]!);
        Assert.True((bool)checkedSample["representative"]!);
    }

    [SkippableFact]
    public async Task QualityPlan_ChangedWithoutIfMatch_Is428_WithAStaleETag_Is412()
    {
        using var lead = Api.ClientFor("lead");
        string review = await CreateQualityReviewAsync(lead);
        string first = (await lead.SendAsync(HttpMethod.Get, $"{review}/quality")).Headers.ETag();

        var without = await lead.SendAsync(HttpMethod.Post, $"{review}/quality/features", """{"name":"Seat comfort"}""");
        var saved = await lead.SendAsync(HttpMethod.Post, $"{review}/quality/features", """{"name":"Seat comfort"}""", ifMatch: first);
        var stale = await lead.SendAsync(HttpMethod.Post, $"{review}/quality/features", """{"name":"Inflight wifi service"}""", ifMatch: first);
        var plan = await lead.SendAsync(HttpMethod.Get, $"{review}/quality");

        Assert.Equal(HttpStatusCode.PreconditionRequired, without.Status);
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.NotEqual(first, saved.Headers.ETag());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.Status);
        Assert.Equal("lead", (string?)stale.Body!["conflict"]!["changed_by"]![0]);
        Assert.Equal(saved.Headers.ETag(), plan.Headers.ETag());
        Assert.Single(plan.Body!["value"]!["features"]!.AsArray());
    }

    [SkippableFact]
    public async Task QualityRoutes_OnAProcessReview_AreRefusedAsRuleBroken()
    {
        using var lead = Api.ClientFor("lead");
        string review = await ApiSuite.CreateReviewAsync(lead);

        var plan = await lead.SendAsync(HttpMethod.Get, $"{review}/quality");
        var sample = await lead.UploadFilesAsync($"{review}/quality/samples", [("file", Survey)], """{"name":"s","draw":{"size":10}}""");

        Assert.Equal(HttpStatusCode.Conflict, plan.Status);
        Assert.Equal("https://stepwise.dev/problems/rule-broken", (string?)plan.Body!["type"]);
        Assert.Equal(HttpStatusCode.Conflict, sample.Status);
    }

    [SkippableFact]
    public async Task Upload_OptionsNamingAFileOnTheServer_AreRefused()
    {
        using var lead = Api.ClientFor("lead");
        string review = await CreateQualityReviewAsync(lead);

        var (status, body, _) = await lead.UploadAsync($"{review}/quality/analyses", Survey, """{"title":"t","file":"/etc/passwd"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("uploaded file", (string)body!["errors"]!["file"]![0]!, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Import_MoreEventsThanMaxRows_Is413NamingTheFileAndTheBound_AndStoresNothing()
    {
        string log = SharedData.PathOf("eventlogs/helpdesk.xes.gz"); // published: 21,348 events
        using var lead = Api.ClientFor("lead");
        string review = await ApiSuite.CreateReviewAsync(lead);

        var refused = await lead.FinishAsync((await lead.UploadAsync($"{review}/data", log, """{"max_rows":21347}""")).Headers.Location!.ToString());
        var empty = await lead.SendAsync(HttpMethod.Get, $"{review}/data");
        var admitted = await lead.SucceededAsync(await lead.UploadAsync($"{review}/data", log, """{"max_rows":21348}"""));

        Assert.Equal("failed", (string?)refused["state"]);
        var problem = refused["problem"]!;
        Assert.Equal("https://stepwise.dev/problems/too-large", (string?)problem["type"]);
        Assert.Equal(413, (int)problem["status"]!);
        Assert.Contains("helpdesk.xes.gz", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.Contains("21,347 events", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath(), problem.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(empty.Body!.AsArray());
        Assert.Equal(4580, (int)admitted["result"]!["source"]!["cases"]!);
    }

    [SkippableFact]
    public async Task Job_Unknown_Is404SayingJobsAreKeptForTheRetentionPeriod()
    {
        using var lead = Api.ClientFor("lead");

        var unknown = await lead.SendAsync(HttpMethod.Get, $"/api/v1/jobs/{Guid.CreateVersion7():D}");

        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Contains("There is no job", (string)unknown.Body!["detail"]!, StringComparison.Ordinal);
        Assert.Contains("retention period", (string)unknown.Body!["detail"]!, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ReviewJobs_AreListedForMembers_AndHiddenFromOthers()
    {
        using var lead = Api.ClientFor("lead");
        using var viewer = Api.ClientFor("vic");
        using var stranger = Api.ClientFor("stan");
        string review = await ApiSuite.CreateReviewAsync(lead);
        string other = await ApiSuite.CreateReviewAsync(lead);
        await lead.SendAsync(HttpMethod.Post, $"{review}/members", """{"user":"vic","role":"viewer"}""");
        var job = await lead.SucceededAsync(await lead.UploadAsync($"{review}/data", SharedData.PathOf("eventlogs/running-example.xes")));
        await lead.SucceededAsync(await lead.UploadAsync($"{other}/data", SharedData.PathOf("eventlogs/running-example.xes")));

        var seen = await viewer.SendAsync(HttpMethod.Get, $"{review}/jobs");
        var hidden = await stranger.SendAsync(HttpMethod.Get, $"{review}/jobs");

        Assert.Equal(HttpStatusCode.OK, seen.Status);
        Assert.Equal((string?)job["id"], (string?)Assert.Single(seen.Body!.AsArray())!["id"]);
        Assert.Equal(HttpStatusCode.Forbidden, hidden.Status);
    }

    /// <summary>Creates a quality review owned by the caller.</summary>
    internal static async Task<string> CreateQualityReviewAsync(HttpClient owner, string title = "Passenger satisfaction")
    {
        var created = await owner.SendAsync(HttpMethod.Post, "/api/v1/reviews", $$"""{"title":"{{title}}","quality":true}""");
        Assert.True(created.Status == HttpStatusCode.Created, created.Body?.ToJsonString());
        return created.Headers.Location!.ToString();
    }
}

/// <summary>The passenger survey counted here, line by line, independently of the server's readers and statistics.</summary>
internal sealed record PassengerCounts(int Rows, double SatisfiedShare, double BoardingMean, double BoardingSd, int BoardingAnswered, double WifiTopTwoShare, int WifiAnswered, IReadOnlyDictionary<string, int> ByClass)
{
    public static PassengerCounts Of(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',').Select(h => h.Trim()).ToList();
        int satisfaction = header.IndexOf("satisfaction"), boarding = header.IndexOf("Online boarding"), wifi = header.IndexOf("Inflight wifi service"), cls = header.IndexOf("Class");
        int rows = 0, satisfied = 0, boardingN = 0, wifiN = 0, wifiTop = 0;
        double boardingSum = 0, boardingSquares = 0;
        var byClass = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string line in lines.Skip(1).Where(l => l.Trim().Length > 0))
        {
            var f = line.Split(',').Select(x => x.Trim()).ToArray();
            rows++;
            satisfied += f[satisfaction] == "satisfied" ? 1 : 0;
            int b = int.Parse(f[boarding], CultureInfo.InvariantCulture);
            if (b != 0)
            {
                boardingN++;
                boardingSum += b;
                boardingSquares += (double)b * b;
            }

            int w = int.Parse(f[wifi], CultureInfo.InvariantCulture);
            if (w != 0)
            {
                wifiN++;
                wifiTop += w >= 4 ? 1 : 0;
            }

            byClass[f[cls]] = byClass.GetValueOrDefault(f[cls]) + 1;
        }

        double mean = boardingSum / boardingN;
        double sd = Math.Sqrt((boardingSquares - (boardingN * mean * mean)) / (boardingN - 1));
        return new PassengerCounts(rows, (double)satisfied / rows, mean, sd, boardingN, (double)wifiTop / wifiN, wifiN, byClass);
    }
}

/// <summary>Quality routes on SQLite.</summary>
public sealed class SqliteQualitySuite() : QualitySuite(new SqliteDatabase());

/// <summary>Quality routes on PostgreSQL.</summary>
public sealed class PostgresQualitySuite() : QualitySuite(new PostgresDatabase());

/// <summary>The server's row bound (Stepwise:Api:MaxRows) on an event log, enforced by the reader as it reads.</summary>
public sealed class RowBoundTests : IDisposable
{
    private readonly SqliteDatabase _database = new();
    private readonly ApiFactory _api;

    public RowBoundTests() => _api = new ApiFactory(_database, new Dictionary<string, string> { ["Stepwise:Api:MaxRows"] = "50000" });

    public void Dispose()
    {
        _api.Dispose();
        _database.Dispose();
    }

    [Fact]
    public async Task Import_OfTheServiceNowExport_PastTheServersRowBound_Is413AndStoresNothing()
    {
        string log = SharedData.PathOf("eventlogs/incident_event_log.csv.zip"); // published: 141,712 rows
        const string Options = """{"case":"number","activity":"incident_state","timestamp":"sys_updated_at","resource":"sys_updated_by","timestamp_format":"dmy"}""";
        using var lead = _api.ClientFor("lead");
        string review = await ApiSuite.CreateReviewAsync(lead);

        var job = await lead.FinishAsync((await lead.UploadAsync($"{review}/data", log, Options)).Headers.Location!.ToString());
        var asked = await lead.UploadAsync($"{review}/data", log, """{"max_rows":50001}""");
        var data = await lead.SendAsync(HttpMethod.Get, $"{review}/data");

        Assert.Equal("failed", (string?)job["state"]);
        Assert.Equal(413, (int)job["problem"]!["status"]!);
        Assert.Contains("incident_event_log.csv.zip", (string)job["problem"]!["detail"]!, StringComparison.Ordinal);
        Assert.Contains("50,000 rows", (string)job["problem"]!["detail"]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, asked.Status);
        Assert.Contains("at most 50,000", (string)asked.Body!["errors"]!["max_rows"]![0]!, StringComparison.Ordinal);
        Assert.Empty(data.Body!.AsArray());
    }
}

/// <summary>
/// The server's row bound (Stepwise:Api:MaxRows) on feedback and population uploads, as on event logs: one row fewer
/// than the passenger survey's published 25,976 refuses it with a too-large problem naming the file and the bound, and
/// nothing is kept.
/// </summary>
public sealed class FileRowBoundTests : IDisposable
{
    private readonly SqliteDatabase _database = new();
    private readonly ApiFactory _api;

    public FileRowBoundTests() => _api = new ApiFactory(_database, new Dictionary<string, string> { ["Stepwise:Api:MaxRows"] = "25975" });

    public void Dispose()
    {
        _api.Dispose();
        _database.Dispose();
    }

    [Fact]
    public async Task FeedbackAnalysis_PastTheServersRowBound_Is413NamingFileAndBound_AndKeepsNothing()
    {
        using var lead = _api.ClientFor("lead");
        string review = await QualitySuite.CreateQualityReviewAsync(lead);

        var job = await lead.FinishAsync((await lead.UploadAsync($"{review}/quality/analyses", QualitySuite.Survey, """{"title":"Survey","read":{"not_applicable":["0"]}}""")).Headers.Location!.ToString());
        var asked = await lead.UploadAsync($"{review}/quality/analyses", QualitySuite.Survey, """{"title":"Survey","read":{"max_rows":25976}}""");
        var analyses = await lead.SendAsync(HttpMethod.Get, $"{review}/quality/analyses");

        Assert.Equal("failed", (string?)job["state"]);
        Assert.Equal(413, (int)job["problem"]!["status"]!);
        Assert.Contains("airline_passenger_satisfaction_kaggle_test.csv", (string)job["problem"]!["detail"]!, StringComparison.Ordinal);
        Assert.Contains("25,975 rows", (string)job["problem"]!["detail"]!, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath(), job.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, asked.Status);
        Assert.Contains("at most 25,975", (string)asked.Body!["errors"]!["max_rows"]![0]!, StringComparison.Ordinal);
        Assert.Empty(analyses.Body!.AsArray());
    }

    [Fact]
    public async Task PopulationUploads_PastTheServersRowBound_Are413AndKeepNothing()
    {
        using var lead = _api.ClientFor("lead");
        string review = await QualitySuite.CreateQualityReviewAsync(lead);

        var kept = await lead.UploadFilesAsync($"{review}/quality/samples", [("file", QualitySuite.Survey)], """{"name":"By class","draw":{"id":"id","strata":["Class"],"size":40}}""");
        var free = await lead.UploadFilesAsync("/api/v1/sample/draw", [("file", QualitySuite.Survey)], """{"id":"id","strata":["Class"],"size":40}""");
        var samples = await lead.SendAsync(HttpMethod.Get, $"{review}/quality/samples");

        foreach (var (status, text, _, _) in new[] { kept, free })
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
            Assert.Contains("airline_passenger_satisfaction_kaggle_test.csv", text, StringComparison.Ordinal);
            Assert.Contains("25,975 rows", text, StringComparison.Ordinal);
        }

        Assert.Empty(samples.Body!.AsArray());
    }
}
