using Microsoft.VisualBasic.FileIO;
using Stepwise.Mining.IO;
using Stepwise.Review.Common;
using Stepwise.Review.Data;
using Stepwise.Review.Storage;
using Stepwise.Review.Workspaces;
using Stepwise.Storage.Testing;
using Stepwise.Testing;

namespace Stepwise.Storage.Tests;

/// <summary>The store contract on the real public datasets, and under concurrent writers.</summary>
public abstract partial class WorkspaceStoreContract
{
    private static readonly Dictionary<string, string> PublishedHashes = new(StringComparer.Ordinal)
    {
        // From the shared data folder's SHA256SUMS: counts below are only valid for these exact files.
        ["eventlogs/helpdesk.xes.gz"] = "fb133a5b70711d523bdbb95279d6bd86d975661ad3d23d23129bfe5121cea453",
        ["eventlogs/bpic2013_incidents.xes.gz"] = "b4ba6f253fff407636bafd064442c6b8c629e8953f72e1030fca24e5dab54bd0",
        ["eventlogs/incident_event_log.csv.zip"] = "b2c1ef2bf8b1246eb8967b96c62512a840a014935962984fd4f6f9b77d9afe99",
        ["surveys/BA_AirlineReviews.csv"] = "ba41f0628c05072aa874144b260466b0d5ddbabce9750c33004233ab456d8c66",
    };

    [SkippableTheory]
    // Case counts published with the datasets (4TU.ResearchData, UCI repository #498).
    [InlineData("eventlogs/helpdesk.xes.gz", 4580)]
    [InlineData("eventlogs/bpic2013_incidents.xes.gz", 7554)]
    [InlineData("eventlogs/incident_event_log.csv.zip", 24918)]
    public void ImportEventLog_RealLogReadByTheEngine_StoredAndLoadedBackIdentical(string dataset, int publishedCases)
    {
        string path = SharedData.PathOf(dataset);
        var hash = ContentHash.OfFile(path);
        Assert.Equal(PublishedHashes[dataset], hash.Hex);
        // The ServiceNow export has one row per state change: the incident number is the case, its state the activity.
        var options = dataset.EndsWith(".csv.zip", StringComparison.Ordinal)
            ? new EventLogReadOptions { Csv = new CsvLogOptions { CaseColumn = "number", ActivityColumn = "incident_state", TimestampColumn = "sys_updated_at", ResourceColumn = "sys_updated_by" } }
            : null;
        var import = EventLogFile.Read(path, options);
        Assert.Equal(publishedCases, import.Log.CaseCount);

        var ws = OpenWorkspace();
        var review = ws.CreateReview("Real data", "lead", [], "lead");
        var source = ws.ImportEventLog(review.Value.Id, path, hash, import.Log, "{}", import.Report.RowsRead, "lead");

        var reopened = new Workspace(OpenStore(), Clock, new SequentialIds(900));
        var stored = Assert.Single(reopened.DataSources(review.Value.Id));
        Assert.Equal((hash, Path.GetFileName(path), import.Report.RowsRead, (long)publishedCases), (stored.ContentHash, stored.FileName, stored.Rows, stored.Cases));
        LogAssert.Identical(import.Log, reopened.LoadEventLog(source.Id));
    }

    [SkippableFact]
    public void ImportFeedback_RealSurveyFile_ProvenanceKeptWithCountedRows()
    {
        string path = SharedData.PathOf("surveys/BA_AirlineReviews.csv");
        var hash = ContentHash.OfFile(path);
        Assert.Equal(PublishedHashes["surveys/BA_AirlineReviews.csv"], hash.Hex);
        // Count records with the framework's own RFC 4180 parser (reviews contain quoted line breaks).
        long rows = 0;
        using (var parser = new TextFieldParser(path) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true })
        {
            parser.SetDelimiters(",");
            parser.ReadFields();
            while (parser.ReadFields() is not null)
            {
                rows++;
            }
        }

        Assert.Equal(3701, rows); // as published with the dataset
        var ws = OpenWorkspace();
        var quality = ws.CreateQualityReview("Cabin service", "Quality lead", "quality lead");
        var source = ws.ImportFeedback(quality.Value.Id, path, hash, rows, """{"delimiter": ",", "header": true}""", "quality lead");

        var stored = Assert.Single(ws.DataSources(quality.Value.Id));
        Assert.Equal(source, stored);
        Assert.Equal(DataSourceKind.Feedback, stored.Kind);
        Assert.Equal("""{"delimiter":",","header":true}""", stored.ImportOptions);
        Assert.Throws<KeyNotFoundException>(() => ws.LoadEventLog(source.Id));
    }

    [SkippableFact]
    public void Save_ManyWritersRetryingOnConflict_NoUpdateIsLost()
    {
        var setup = OpenWorkspace(new SequentialIds(1));
        var review = setup.CreateReview("Counter", "lead", [], "lead");
        Guid id = review.Value.Id;
        const int writers = 4, each = 10;
        int conflicts = 0;
        var threads = Enumerable.Range(0, writers).Select(w => new Thread(() =>
        {
            // Each writer has its own connection, as separate users or processes would.
            var ws = new Workspace(OpenStoreCore(), Clock, new SequentialIds(10_000 * (w + 1)));
            for (int i = 0; i < each; i++)
            {
                while (true)
                {
                    var current = ws.GetReview(id);
                    try
                    {
                        ws.Save(id, current.Value with { Aims = [.. current.Value.Aims, $"w{w}-{i}"] }, current.Version, $"writer {w}");
                        break;
                    }
                    catch (ConcurrencyConflictException)
                    {
                        Interlocked.Increment(ref conflicts);
                    }
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        var final = setup.GetReview(id);
        Assert.Equal(1 + (writers * each), final.Version);
        Assert.Equal(writers * each, final.Value.Aims.Count);
        Assert.Equal(writers * each, setup.History(id).Count(h => h.Action == Review.History.HistoryAction.Changed));
    }
}

/// <summary>The scope applied to real stored data.</summary>
public abstract partial class WorkspaceStoreContract
{
    [SkippableFact]
    public void ScopedView_HelpdeskWithEndActivityAndWindow_MatchesCasesCountedByHand()
    {
        string path = SharedData.PathOf("eventlogs/helpdesk.xes.gz");
        var log = EventLogFile.Read(path).Log;
        var ws = OpenWorkspace();
        var review = ws.CreateReview("Help desk 2012", "lead", [], "lead");
        Guid id = review.Value.Id;
        var source = ws.ImportEventLog(id, path, ContentHash.OfFile(path), log, "{}", log.EventCount, "lead");
        var from = new DateTimeOffset(2012, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2013, 1, 1, 0, 0, 0, TimeSpan.Zero);
        ws.Save(id, new Review.Scoping.Scope
        {
            Id = id,
            Filter = new Review.Scoping.ScopeFilter
            {
                EndActivities = ["Closed"],
                ExcludesActivities = ["Wait"],
                Window = new Review.Scoping.TimeWindow(from, to, Review.Scoping.TimeWindowMode.Starting),
            },
        }, 0, "lead");

        var view = ws.ScopedView(id, source.Id);

        // Independent count straight from the columns: first event's time in 2012, last activity Closed, no Wait.
        int closed = log.ActivityNames.IdOf("Closed"), wait = log.ActivityNames.IdOf("Wait");
        Assert.True(closed >= 0 && wait >= 0);
        int expected = 0;
        for (int c = 0; c < log.CaseCount; c++)
        {
            int first = log.CaseOffsets[c], last = log.CaseOffsets[c + 1] - 1;
            long start = log.HasStartTimes && log.StartTimes[first] != Stepwise.Mining.Time.Timestamp.None ? log.StartTimes[first] : log.Times[first];
            bool hasWait = false;
            for (int e = first; e <= last; e++)
            {
                hasWait |= log.Activities[e] == wait;
            }

            if (start >= from.UtcTicks && start < to.UtcTicks && log.Activities[last] == closed && !hasWait)
            {
                expected++;
            }
        }

        Assert.InRange(expected, 1, log.CaseCount - 1);
        Assert.Equal(expected, view.CaseCount);
    }

    [SkippableFact]
    public void ScopedView_ScopeNamesAnActivityTheLogLacks_RefusedNamingTheFile()
    {
        var ws = OpenWorkspace();
        var review = ws.CreateReview("R", "lead", [], "lead");
        Guid id = review.Value.Id;
        var log = SyntheticLog.Create(500, seed: 1);
        var source = ws.ImportEventLog(id, "tickets.csv", ContentHash.Of("t"u8), log, "{}", 500, "lead");
        ws.Save(id, new Review.Scoping.Scope { Id = id, Filter = new Review.Scoping.ScopeFilter { StartActivities = ["Triage"] } }, 0, "lead");
        var ex = Assert.Throws<ReviewRuleException>(() => ws.ScopedView(id, source.Id));
        Assert.Contains("tickets.csv", ex.Message);
        Assert.Contains("Triage", ex.Message);
    }
}
