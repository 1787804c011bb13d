using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Stepwise.Mining.Discovery;
using Stepwise.Mining.IO;
using Stepwise.Testing;
using Xunit.Abstractions;

namespace Stepwise.Mining.Tests;

/// <summary>
/// The XES standard lifecycle model: a hand-made log that uses every transition, with every count and duration worked
/// out by hand, read from XES and from CSV; and a schedule/start/complete log built from the real BPI Challenge 2013
/// incidents, whose instances, rework and service times are known from its construction.
/// </summary>
public class LifecycleTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    // (case, activity, transition, time on 2020-01-01, resource)
    private static readonly (string Case, string Activity, string Transition, string Time, string? Resource)[] Hand =
    [
        // Case 1. A: schedule, assign, start, suspend 30 min, resume, complete: one instance, 09:00-11:00, 1h30 of service.
        ("1", "A", "schedule", "08:00", null), ("1", "A", "assign", "08:10", "Ann"), ("1", "B", "schedule", "08:30", null),
        ("1", "B", "withdraw", "08:45", null), // B withdrawn before it started: left out with its schedule
        ("1", "A", "start", "09:00", "Ann"), ("1", "A", "suspend", "09:30", "Ann"), ("1", "A", "resume", "10:00", "Ann"), ("1", "A", "complete", "11:00", "Ann"),
        ("1", "C", "start", "11:30", "Bob"), ("1", "C", "complete", "12:00", "Bob"), ("1", "C", "start", "12:10", "Bob"), ("1", "C", "complete", "12:40", "Bob"), // C twice: rework
        ("1", "D", "autoskip", "13:00", null), // skipped, never scheduled: left out
        ("1", "E", "schedule", "13:00", null), ("1", "E", "manualskip", "13:05", "Ann"), // skipped: left out with its schedule
        ("1", "F", "start", "13:10", "Cy"), ("1", "F", "ate_abort", "13:40", "Cy"), // aborted after 30 min: kept, ending at the abort
        ("1", "G", "complete", "14:00", "Ann"), // a complete event alone is an instance
        ("1", "H", "schedule", "14:10", null), // never started: left out at the end of the case

        // Case 2.
        ("2", "A", "start", "09:00", "Ann"), ("2", "A", "resume", "09:05", "Ann"), // a resume without a suspension: a step of its own
        ("2", "A", "complete", "10:00", "Ann"),
        ("2", "B", "start", "10:30", "Bob"), ("2", "X", "in progress", "10:40", "Bob"), // outside the model: a step of its own
        ("2", "C", "schedule", "10:45", null),
        ("2", "B", "pi_abort", "11:00", "Bob"), // the case is aborted: B ends here (kept), C never started (left out)
        ("2", "D", "start", "11:10", "Dee"), // started, never completed: kept as an event at its start

        // Case 3: every event belongs to an instance that is left out, so the case goes.
        ("3", "H", "schedule", "08:00", null), ("3", "H", "withdraw", "08:05", null),
    ];

    private static DateTime At(string time) => DateTime.ParseExact("2020-01-01 " + time, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private string HandXes()
    {
        var text = new StringBuilder("<log>\n");
        foreach (var group in Hand.GroupBy(e => e.Case))
        {
            text.Append(CultureInfo.InvariantCulture, $"<trace><string key=\"concept:name\" value=\"{group.Key}\"/>\n");
            foreach (var e in group)
            {
                text.Append(CultureInfo.InvariantCulture, $"<event><string key=\"concept:name\" value=\"{e.Activity}\"/><string key=\"lifecycle:transition\" value=\"{e.Transition}\"/><date key=\"time:timestamp\" value=\"{At(e.Time):yyyy-MM-dd'T'HH:mm:ss'Z'}\"/>");
                if (e.Resource is not null)
                {
                    text.Append(CultureInfo.InvariantCulture, $"<string key=\"org:resource\" value=\"{e.Resource}\"/>");
                }

                text.Append("</event>\n");
            }

            text.Append("</trace>\n");
        }

        return _files.Write("hand.xes", text.Append("</log>\n").ToString());
    }

    private string HandCsv()
    {
        var text = new StringBuilder("case,activity,lifecycle:transition,timestamp,resource\n");
        foreach (var e in Hand)
        {
            text.Append(CultureInfo.InvariantCulture, $"{e.Case},{e.Activity},{e.Transition},{At(e.Time):yyyy-MM-dd'T'HH:mm:ss'Z'},{e.Resource}\n");
        }

        return _files.Write("hand.csv", text.ToString());
    }

    public static TheoryData<string> Formats => ["xes", "csv"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Pair_EveryTransition_AsWorkedOutByHand(string format)
    {
        var import = EventLogFile.Read(format == "xes" ? HandXes() : HandCsv());
        var log = import.Log;
        var report = import.Report.Lifecycle;

        // 29 events: 10 joined an instance opened earlier, 9 belong to instances left out, 10 step instances remain.
        Assert.Equal(29, report.EventsRead);
        Assert.Equal(10, report.MergedEvents);
        Assert.Equal(9, report.DroppedEvents);
        Assert.Equal(10, report.Instances);
        Assert.Equal(10, log.EventCount);
        Assert.Equal(1, report.NeverStarted);
        Assert.Equal(3, report.Withdrawn);
        Assert.Equal(2, report.Skipped);
        Assert.Equal(2, report.Aborted);
        Assert.Equal(1, report.Unfinished);
        Assert.Equal(1, report.Suspensions);
        Assert.Equal(1, report.Unmatched);
        Assert.Equal(1, report.NonStandard);
        Assert.Equal(1, report.CasesLeftOut);
        Assert.Equal(["1", "2"], log.CaseIds);
        Assert.Contains(import.Report.Warnings, w => w.Contains("29 events became 10 step instances", StringComparison.Ordinal));

        Assert.Equal(["A", "C", "C", "F", "G"], Sequence(log, "1"));
        Assert.Equal(["A", "A", "B", "X", "D"], Sequence(log, "2"));

        // Start and completion of each instance, in case order.
        Assert.Equal(
            [("09:00", "11:00"), ("11:30", "12:00"), ("12:10", "12:40"), ("13:10", "13:40"), (null, "14:00"), ("09:00", "10:00"), (null, "09:05"), ("10:30", "11:00"), (null, "10:40"), (null, "11:10")],
            Enumerable.Range(0, log.EventCount).Select(e => (log.StartTime(e) == Time.Timestamp.None ? null : new DateTime(log.StartTime(e), DateTimeKind.Utc).ToString("HH:mm", CultureInfo.InvariantCulture), new DateTime(log.Times[e], DateTimeKind.Utc).ToString("HH:mm", CultureInfo.InvariantCulture))).ToArray());

        // The instance is represented by its completing event: its resource.
        Assert.Equal("Ann", log.ResourceNames[log.Resources[0]]);

        // Service time leaves out the suspension: A in case 1 is 2h - 30 min; A in case 2 is 1h: median 1h15.
        var a = ActivityStatistics.Compute(log).Single(s => s.Name == "A");
        Assert.Equal(2, a.ServiceTime.Count);
        Assert.Equal(5400, a.ServiceTime.Max);
        Assert.Equal(3600, a.ServiceTime.Min);
        Assert.Equal(4500, a.ServiceTime.Median);

        // Waiting times (case 1: C 30 and 10 min, F 30 min, G 20 min); case 2 overlaps twice (A at 09:05 inside A
        // 09:00-10:00, X at 10:40 inside B 10:30-11:00): zero wait, never negative.
        var c = ActivityStatistics.Compute(log).Single(s => s.Name == "C");
        Assert.Equal([600.0, 1800.0], new[] { c.WaitingTime.Min, c.WaitingTime.Max });
        var all = ActivityStatistics.Compute(log);
        Assert.Equal(2, all.Sum(s => s.WaitingOverlaps));
        Assert.All(all, s => Assert.True(s.WaitingTime.Count == 0 || s.WaitingTime.Min >= 0));

        // Rework: both cases repeat a step (C in case 1, A in case 2).
        Assert.Equal(2, CaseStatistics.Compute(log).ReworkCases);
    }

    [Theory]
    [InlineData("back.xes")]
    [InlineData("back.csv")]
    public void Suspensions_WrittenAndReadBack_KeepServiceTime(string name)
    {
        var log = EventLogFile.Read(HandXes()).Log;
        string path = _files.Path(name);
        EventLogFile.Write(log, path);
        var back = EventLogFile.Read(path).Log;
        Assert.Equal(log.EventCount, back.EventCount);
        var before = ActivityStatistics.Compute(log).Single(s => s.Name == "A").ServiceTime;
        var after = ActivityStatistics.Compute(back).Single(s => s.Name == "A").ServiceTime;
        Assert.Equal(before, after);
        Assert.Equal(1, Suspensions.Of(back)!.Count);
    }

    [Fact]
    public void Events_EveryTransitionAStepOfItsOwn_Classifier_NamedByTransition()
    {
        string path = HandXes();
        var events = EventLogFile.Read(path, new EventLogReadOptions { Lifecycle = LifecycleHandling.Events });
        Assert.Equal(29, events.Log.EventCount);
        Assert.Equal(3, events.Log.CaseCount);
        Assert.False(events.Log.HasStartTimes);
        Assert.Equal(["A", "A", "B", "B", "A", "A", "A", "A", "C", "C", "C", "C", "D", "E", "E", "F", "F", "G", "H"], Sequence(events.Log, "1"));

        var classifier = EventLogFile.Read(path, new EventLogReadOptions { Lifecycle = LifecycleHandling.Classifier });
        Assert.Equal(29, classifier.Log.EventCount);
        Assert.Equal(["A+start", "A+resume", "A+complete", "B+start", "X+in progress", "C+schedule", "B+pi_abort", "D+start"], Sequence(classifier.Log, "2"));

        var csv = EventLogFile.Read(HandCsv(), new EventLogReadOptions { Lifecycle = LifecycleHandling.Classifier });
        Assert.Equal(Sequence(classifier.Log, "1"), Sequence(csv.Log, "1"));
    }

    [Fact]
    public void Pair_Bpic2013AsScheduleStartComplete_InstancesAndReworkAsConstructed()
    {
        // Each run of consecutive events of one support group (org:group) in a BPI Challenge 2013 incident becomes one
        // work item of that group: scheduled at its first event, started at its first 'In Progress', completed at its
        // last event. The construction says how many instances there are and which cases repeat a group; the
        // engine must find exactly that from the schedule/start/complete events.
        var (path, expected) = Bpic2013AsWorkItems();
        var import = EventLogFile.Read(path);
        var log = import.Log;
        Assert.Equal(expected.Cases, log.CaseCount);
        Assert.Equal(expected.EventsWritten, import.Report.Lifecycle.EventsRead);
        Assert.Equal(expected.Runs, log.EventCount);
        Assert.Equal(expected.EventsWritten - expected.Runs, import.Report.Lifecycle.MergedEvents);
        Assert.Equal(0, import.Report.Lifecycle.DroppedEvents);
        var cases = CaseStatistics.Compute(log);
        Assert.Equal(expected.CasesWithRework, cases.ReworkCases);

        // Service time (start to completion) of every started work item, as a multiset.
        var service = new List<double>();
        for (int e = 0; e < log.EventCount; e++)
        {
            if (log.StartTime(e) != Time.Timestamp.None)
            {
                service.Add((log.Times[e] - log.StartTime(e)) / (double)TimeSpan.TicksPerSecond);
            }
        }

        Assert.Equal(expected.ServiceSeconds.Order(), service.Order());

        // Every event as its own step (what the engine did before): far more steps, and rework in nearly every case.
        var events = EventLogFile.Read(path, new EventLogReadOptions { Lifecycle = LifecycleHandling.Events });
        Assert.Equal(expected.EventsWritten, events.Log.EventCount);
        int eventsRework = CaseStatistics.Compute(events.Log).ReworkCases;
        Assert.True(eventsRework > expected.CasesWithRework);
        output.WriteLine($"{expected.Cases} cases, {expected.EventsWritten} events, {expected.Runs} work items; rework {expected.CasesWithRework / (double)expected.Cases:P1} paired, {eventsRework / (double)expected.Cases:P1} with every event a step");
    }

    private sealed record WorkItems(int Cases, int Runs, int EventsWritten, int CasesWithRework, List<double> ServiceSeconds);

    /// <summary>Writes the BPIC 2013 work-item log (XES, gzipped) from an independent parse of the real file.</summary>
    private (string Path, WorkItems Expected) Bpic2013AsWorkItems()
    {
        using var file = File.OpenRead(SharedData.PathOf("eventlogs/bpic2013_incidents.xes.gz"));
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var reader = XmlReader.Create(gz, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var doc = XDocument.Load(reader);
        XNamespace ns = doc.Root!.Name.Namespace;
        string path = _files.Path("bpic2013-work-items.xes.gz");
        int cases = 0, runs = 0, written = 0, rework = 0;
        var service = new List<double>();
        using (var output = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        using (var w = new StreamWriter(output, new UTF8Encoding(false)))
        {
            w.Write("<log>\n");
            foreach (var trace in doc.Root.Elements(ns + "trace"))
            {
                string id = Value(trace, "concept:name")!;
                var events = trace.Elements(ns + "event")
                    .Select((e, i) => (Time: DateTimeOffset.Parse(Value(e, "time:timestamp")!, CultureInfo.InvariantCulture).UtcDateTime, Group: Value(e, "org:group") ?? "(none)", Resource: Value(e, "org:resource"), Status: Value(e, "lifecycle:transition"), Order: i))
                    .OrderBy(e => e.Time).ThenBy(e => e.Order).ToList();
                cases++;
                w.Write($"<trace><string key=\"concept:name\" value=\"{SecurityElement(id)}\"/>\n");
                var groupsSeen = new HashSet<string>();
                bool repeated = false;
                for (int i = 0; i < events.Count;)
                {
                    int j = i;
                    while (j + 1 < events.Count && events[j + 1].Group == events[i].Group)
                    {
                        j++;
                    }

                    var run = events.GetRange(i, j - i + 1);
                    repeated |= !groupsSeen.Add(events[i].Group);
                    runs++;
                    Write(w, events[i].Group, "schedule", run[0].Time, run[0].Resource);
                    written++;
                    int started = run.FindIndex(e => e.Status == "In Progress");
                    if (started >= 0)
                    {
                        Write(w, events[i].Group, "start", run[started].Time, run[started].Resource);
                        written++;
                        if (run[^1].Time > run[started].Time)
                        {
                            service.Add((run[^1].Time - run[started].Time).TotalSeconds);
                        }
                    }

                    Write(w, events[i].Group, "complete", run[^1].Time, run[^1].Resource);
                    written++;
                    i = j + 1;
                }

                rework += repeated ? 1 : 0;
                w.Write("</trace>\n");
            }

            w.Write("</log>\n");
        }

        return (path, new WorkItems(cases, runs, written, rework, service));
    }

    private static void Write(StreamWriter w, string activity, string transition, DateTime time, string? resource)
    {
        w.Write($"<event><string key=\"concept:name\" value=\"{SecurityElement(activity)}\"/><string key=\"lifecycle:transition\" value=\"{transition}\"/><date key=\"time:timestamp\" value=\"{time:yyyy-MM-dd'T'HH:mm:ss'Z'}\"/>");
        if (resource is not null)
        {
            w.Write($"<string key=\"org:resource\" value=\"{SecurityElement(resource)}\"/>");
        }

        w.Write("</event>\n");
    }

    private static string SecurityElement(string text) => System.Security.SecurityElement.Escape(text);

    private static string? Value(XElement element, string key)
        => element.Elements().FirstOrDefault(e => (string?)e.Attribute("key") == key)?.Attribute("value")?.Value;

    private static string[] Sequence(EventLog log, string caseId)
    {
        int c = log.IndexOfCase(caseId);
        return [.. log.CaseActivities(c).ToArray().Select(a => log.ActivityNames[a])];
    }
}
