using System.Text.Json;
using Stepwise.Mining.IO;
using Stepwise.Review.Data;
using Stepwise.Testing;
using Stepwise.Workbench.Analyses;
using Stepwise.Workbench.Data;
using Stepwise.Workbench.Logs;
using Stepwise.Workbench.Problems;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Workbench.Tests;

/// <summary>Imports with their provenance, and analyses of a review's stored data inside its scope, on the real help-desk log.</summary>
public sealed class DataAndAnalysisTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stepwise-data-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Import_Helpdesk_RecordsHashPublishedCountsAndHowItWasRead()
    {
        var r = new HelpdeskReview();
        var source = r.Source;
        Assert.Equal(SharedData.Sha256(HelpdeskReview.Log), source.ContentHash.Hex);
        Assert.Equal((4580L, 21348L), (source.Cases, source.Records)); // published with the dataset
        using var options = JsonDocument.Parse(source.ImportOptions);
        var detected = options.RootElement.GetProperty("detected");
        Assert.Equal("xes", detected.GetProperty("format").GetString());
        Assert.Contains(detected.GetProperty("mapping").EnumerateArray(), m => m.GetString() == "activity: concept:name");
        Assert.Equal(21348, detected.GetProperty("rows_read").GetInt64());
        Assert.False(options.RootElement.GetProperty("requested").GetProperty("skip_bad_rows").GetBoolean());

        // Reading the same bytes again with the recorded options gives the same log: figures can be recomputed.
        var provenance = ImportProvenance.Parse(source.ImportOptions)!;
        var again = LogFiles.Read(HelpdeskReview.Log, provenance.Requested);
        Assert.Equal((source.Cases, source.Records), ((long)again.Import.Log.CaseCount, (long)again.Import.Log.EventCount));
    }

    [Fact]
    public void Import_BadRow_BadFileNamingTheLineAndTheStoreUnchanged()
    {
        var f = new BenchFixture();
        var id = f.Bench.Reviews.Create(f.Admin, new NewReview { Title = "T" }).Id;
        string csv = Path.Combine(_folder, "tickets.csv");
        File.WriteAllText(csv, "case,activity,timestamp\n1,Open,2024-01-02T09:00:00Z\n1,Close,yesterday\n");
        int history = f.Bench.Reviews.History(f.Admin, id).Count;

        var ex = Assert.Throws<EventLogFormatException>(() => f.Bench.Data.Import(f.Admin, id, new ImportRequest { Path = csv }));
        var problem = ProblemCatalog.Describe(ex);

        Assert.Equal(ProblemKind.BadFile, problem.Kind);
        Assert.Equal(3, problem.Location!.Line);
        Assert.Empty(f.Bench.Data.List(f.Admin, id));
        Assert.Equal(history, f.Bench.Reviews.History(f.Admin, id).Count);

        // With --skip-bad-rows the rest is imported, and the provenance says a row was skipped.
        var result = f.Bench.Data.Import(f.Admin, id, new ImportRequest { Path = csv, Read = new LogReadRequest { SkipBadRows = true } });
        Assert.Equal(1, result.Provenance.Detected.RowsSkipped);
        Assert.Contains("1 bad row was skipped", Assert.Single(result.Warnings));
    }

    [Fact]
    public void Import_SameFileReadTheSameWayAgain_RefusedAndNothingAdded_ReadAnotherWay_Imported()
    {
        var f = new BenchFixture();
        var id = f.Bench.Reviews.Create(f.Admin, new NewReview { Title = "T" }).Id;
        string csv = Path.Combine(_folder, "twice.csv");
        File.WriteAllText(csv, "case,activity,timestamp,team\n1,Open,2024-01-02T09:00:00Z,A\n1,Close,2024-01-02T10:00:00Z,B\n");
        var first = f.Bench.Data.Import(f.Admin, id, new ImportRequest { Path = csv }).Source;
        int history = f.Bench.Reviews.History(f.Admin, id).Count;

        var ex = Assert.Throws<StepwiseException>(() => f.Bench.Data.Import(f.Admin, id, new ImportRequest { Path = csv }));

        Assert.Equal(ProblemKind.RuleBroken, ex.Kind);
        Assert.Contains("twice.csv is already in this review, read the same way: data source " + first.Id.ToString("D")[..8], ex.Message, StringComparison.Ordinal);
        Assert.Single(f.Bench.Data.List(f.Admin, id));
        Assert.Equal(history, f.Bench.Reviews.History(f.Admin, id).Count);
        // The same file with another column as the resource is another reading of it.
        f.Bench.Data.Import(f.Admin, id, new ImportRequest { Path = csv, Read = new LogReadRequest { Resource = "team" } });
        Assert.Equal(2, f.Bench.Data.List(f.Admin, id).Count);
    }

    [Fact]
    public void Import_Cancelled_NothingStored()
    {
        var f = new BenchFixture();
        var id = f.Bench.Reviews.Create(f.Admin, new NewReview { Title = "T" }).Id;
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => f.Bench.Data.Import(f.Admin, id, new ImportRequest { Path = HelpdeskReview.Log }, null, cancel.Token));
        Assert.Empty(f.Bench.Data.List(f.Admin, id));
    }

    [Fact]
    public void Import_ByAContributor_Forbidden()
    {
        var r = new HelpdeskReview();
        Assert.Equal(ProblemKind.Forbidden, Assert.Throws<StepwiseException>(() => r.Bench.Data.Import(r.Tia, r.Id, new ImportRequest { Path = HelpdeskReview.Log })).Kind);
    }

    [Fact]
    public void Summary_InsideTheScope_CountsTheCasesThatEndWithClosed()
    {
        var r = new HelpdeskReview();
        var summary = r.Bench.Analyses.Summary(r.Sam, r.Id, new AnalysisRequest());

        // Independent count from the file: cases whose last event (in time order) is Closed.
        var log = EventLogFile.Read(HelpdeskReview.Log).Log;
        int closed = 0;
        long events = 0;
        for (int c = 0; c < log.CaseCount; c++)
        {
            if (log.ActivityNames[log.Activities[log.CaseEnd(c) - 1]] == "Closed")
            {
                closed++;
                events += log.CaseEnd(c) - log.CaseStart(c);
            }
        }

        Assert.Equal(closed, summary.Result.Cases);
        Assert.Equal(events, summary.Result.Events);
        Assert.Equal(4580, summary.Basis.CasesInData);
        Assert.Equal(1, summary.Basis.ScopeVersion);
        Assert.Equal(r.Source.ContentHash.Hex, summary.Basis.DataSha256);
        Assert.Equal("cases ending with Closed", summary.Basis.Scope);
    }

    [Fact]
    public void Analyses_FiltersAndCalendarOnTopOfTheScope_SameAsTheEngineOnTheFilteredView()
    {
        var r = new HelpdeskReview();
        var request = new AnalysisRequest { Filters = new LogFilterRequest { Contains = ["Wait"] }, Calendar = new CalendarRequest { WorkingHours = "Mon-Fri 09:00-17:00", CalendarTimezone = "Europe/Rome" } };
        var activities = r.Bench.Analyses.Activities(r.Lead, r.Id, request);
        var cases = r.Bench.Analyses.Cases(r.Lead, r.Id, request);
        var variants = r.Bench.Analyses.Variants(r.Lead, r.Id, request);
        var dfg = r.Bench.Analyses.Dfg(r.Lead, r.Id, request);
        var handovers = r.Bench.Analyses.Handovers(r.Lead, r.Id, request, "workgroup");

        Assert.All(variants.Result, v => Assert.Contains(v.Activities, a => variants.Result.ActivityNames[a] == "Wait"));
        Assert.Equal(cases.Basis.Cases, variants.Result.CaseCount);
        Assert.True(cases.Basis.Cases < cases.Basis.CasesInScope);
        Assert.Contains("working time", activities.Basis.Measure);
        Assert.Equal(cases.Basis.Cases, activities.Result.Single(a => a.Name == "Wait").Cases);
        Assert.Equal(dfg.Result.CaseCount, cases.Basis.Cases);
        Assert.Equal("workgroup", handovers.Result.By);
        Assert.Equal("by", Assert.Throws<StepwiseException>(() => r.Bench.Analyses.Handovers(r.Lead, r.Id, request, "team")).Errors[0].Field);
    }

    [Fact]
    public void Map_OfTheScopedData_SvgAndBpmnWithTheReviewsBasis()
    {
        var r = new HelpdeskReview();
        var map = r.Bench.Analyses.Map(r.Tia, r.Id, new AnalysisRequest(), new MapRequest { Activities = 80, Paths = 50, Bpmn = true, Lanes = "workgroup" });
        Assert.Contains("<svg", map.Result.Svg, StringComparison.Ordinal);
        Assert.Contains("bpmn:definitions", map.Result.Bpmn!, StringComparison.Ordinal);
        Assert.Equal(map.Basis.Cases, map.Result.Map.Coverage.Cases);
        var ex = Assert.Throws<StepwiseException>(() => r.Bench.Analyses.Map(r.Tia, r.Id, new AnalysisRequest(), new MapRequest { Overlay = "heat", Paths = 150 }));
        Assert.Equal(["overlay", "paths"], ex.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Open_ScopeNamesAnActivityTheDataLacks_RuleBrokenNamingTheFile()
    {
        var r = new HelpdeskReview();
        r.Bench.Reviews.SaveScope(r.Lead, r.Id, new ScopeRequest { End = ["Archived"] });
        var ex = Assert.Throws<StepwiseException>(() => r.Bench.Analyses.Summary(r.Lead, r.Id, new AnalysisRequest()));
        Assert.Equal(ProblemKind.RuleBroken, ex.Kind);
        Assert.Contains("does not fit helpdesk.xes.gz", ex.Message);
        Assert.Contains("'Archived'", ex.Message);
    }

    [Fact]
    public void Find_DataSourceByNameOrPrefix_AndUnknownIsNotFound()
    {
        var r = new HelpdeskReview();
        Assert.Equal(r.Source.Id, r.Bench.Data.Find(r.Lead, r.Id, "helpdesk.xes.gz").Id);
        Assert.Equal(r.Source.Id, r.Bench.Data.Find(r.Lead, r.Id, r.Source.Id.ToString("D")[..13]).Id);
        Assert.Equal(ProblemKind.NotFound, Assert.Throws<StepwiseException>(() => r.Bench.Data.Find(r.Lead, r.Id, "other.csv")).Kind);
        Assert.Equal(DataSourceKind.EventLog, r.Bench.Data.List(r.Sam, r.Id).Single().Source.Kind);
    }
}
