using Stepwise.Mining.Discovery;
using Stepwise.Mining.IO;
using Stepwise.Mining.Tests.Reference;
using Stepwise.Testing;

namespace Stepwise.Mining.Tests;

/// <summary>The engine on the real public logs: published counts, and every analysis against the reference
/// computed from an independent XES parse.</summary>
public class RealLogTests
{
    private const string HelpdeskSha = "fb133a5b70711d523bdbb95279d6bd86d975661ad3d23d23129bfe5121cea453";

    public static TheoryData<string, int, int, int> PublishedCounts => new()
    {
        // Published figures: data README / 4TU descriptions (helpdesk: 4,580 cases, 21,348 events, 14 activities;
        // BPI Challenge 2013 incidents: 7,554 cases, 65,533 events; textbook running example: 6 cases, 42 events).
        { "eventlogs/helpdesk.xes.gz", 4580, 21348, 14 },
        { "eventlogs/bpic2013_incidents.xes.gz", 7554, 65533, 4 },
        { "eventlogs/running-example.xes", 6, 42, 8 },
    };

    [Theory]
    [MemberData(nameof(PublishedCounts))]
    public void Read_RealXes_MatchesPublishedCounts(string file, int cases, int events, int activities)
    {
        var log = EventLogFile.Read(SharedData.PathOf(file)).Log;
        Assert.Equal(cases, log.CaseCount);
        Assert.Equal(events, log.EventCount);
        Assert.Equal(activities, log.ActivityNames.Count);
    }

    [Fact]
    public void Read_Helpdesk_HashAndResourcesAsPublished()
    {
        string path = SharedData.PathOf("eventlogs/helpdesk.xes.gz");
        Assert.Equal(HelpdeskSha, SharedData.Sha256(path));
        var log = EventLogFile.Read(path).Log;
        Assert.Equal(22, log.ResourceNames.Count);
        foreach (var name in new[] { "seriousness", "customer", "product", "responsible_section", "service_level", "service_type", "support_section", "workgroup" })
        {
            Assert.NotNull(log.EventAttributes.Find(name));
        }
    }

    [Fact]
    public void Read_IncidentLogZip_OneCommandLineOfColumns()
    {
        var options = new EventLogReadOptions
        {
            Csv = new CsvLogOptions { CaseColumn = "number", ActivityColumn = "incident_state", TimestampColumn = "sys_updated_at", ResourceColumn = "sys_updated_by" },
        };
        var import = EventLogFile.Read(SharedData.PathOf("eventlogs/incident_event_log.csv.zip"), options);
        // UCI #498: 141,712 rows, 24,918 incidents.
        Assert.Equal(24918, import.Log.CaseCount);
        Assert.Equal(141712, import.Log.EventCount);
        Assert.Equal(0, import.Report.SkippedRows);
        Assert.Contains("day-first", import.Report.TimestampFormat, StringComparison.Ordinal);
        // '?' is missing: caused_by is entirely '?' in the export, so every value is null.
        var causedBy = import.Log.EventAttributes["caused_by"];
        Assert.All(Enumerable.Range(0, 1000), i => Assert.True(causedBy.IsNull(i)));
        Assert.Equal(Attributes.AttributeKind.Timestamp, import.Log.EventAttributes["opened_at"].Kind);
        Assert.Equal(Attributes.AttributeKind.Boolean, import.Log.EventAttributes["made_sla"].Kind);
    }

    public static TheoryData<string> XesLogs => new() { "eventlogs/helpdesk.xes.gz", "eventlogs/bpic2013_incidents.xes.gz", "eventlogs/running-example.xes" };

    [Theory]
    [MemberData(nameof(XesLogs))]
    public void Analyses_RealLog_MatchIndependentReference(string file)
    {
        string path = SharedData.PathOf(file);
        var reference = ReferenceLog.FromXes(path);
        var log = EventLogFile.Read(path).Log;
        Assert.Equal(reference.Cases.Count, log.CaseCount);

        // Same cases with the same event sequences, whatever the case order.
        var engine = ReferenceLog.FromEngine(log).Cases.ToDictionary(c => c.CaseId, c => c.Events);
        foreach (var (id, events) in reference.Cases)
        {
            Assert.Equal(events, engine[id]);
        }

        Comparisons.AssertSameAnalyses(reference, log);
    }
}
