using Stepwise.Mining.IO;
using Stepwise.Simulation.Discovery;
using Stepwise.Simulation.Validation;
using Stepwise.Testing;

namespace Stepwise.Simulation.Tests;

/// <summary>Discovery and validation on the other real logs: BPI Challenge 2013 (pools by support team) and the
/// ServiceNow incident export (CSV).</summary>
public class OtherLogsSimulationTests
{
    [Fact]
    public void Bpic2013_PoolsByGroup_FrequenciesAndMedianReproduced()
    {
        var log = EventLogFile.Read(SharedData.PathOf("eventlogs/bpic2013_incidents.xes.gz")).Log;
        var model = ModelDiscovery.Discover(log);
        var groups = new HashSet<string>(StringComparer.Ordinal);
        var (codes, values) = Stepwise.Mining.Attributes.AttributeCodes.ForEvents(log, "org:group");
        foreach (int code in codes)
        {
            groups.Add(code < 0 ? "(none)" : values[code]);
        }

        Assert.Equal(groups.Count, model.Pools.Count);
        var report = ModelValidation.Validate(log, model, replications: 4);
        var targeted = report.Metrics.Where(m => m.Group == "step frequency" && m.Tolerance is not null).ToList();
        Assert.Equal(3, targeted.Count); // Accepted, Queued, Completed; "Unmatched" is too rare for a 5% test
        Assert.All(targeted, m => Assert.InRange(Math.Abs(m.RelativeError), 0, 0.05));
        Assert.InRange(Math.Abs(report.Find("throughput", "median")!.RelativeError), 0, 0.15);
    }

    [Fact]
    public void IncidentCsv_StepFrequenciesReproduced()
    {
        var options = new EventLogReadOptions { Csv = new CsvLogOptions { CaseColumn = "number", ActivityColumn = "incident_state", TimestampColumn = "sys_updated_at", ResourceColumn = "sys_updated_by" } };
        var log = EventLogFile.Read(SharedData.PathOf("eventlogs/incident_event_log.csv.zip"), options).Log;
        var report = ModelValidation.Validate(log, ModelDiscovery.Discover(log), replications: 8);
        Assert.All(report.Metrics.Where(m => m.Tolerance is not null && m.Group == "step frequency"), m => Assert.InRange(Math.Abs(m.RelativeError), 0, 0.05));

        // The median throughput is reported, not held to the help-desk target: here the model overestimates it by
        // about 16% (see docs/simulation.md); it must at least be of the right size.
        Assert.InRange(Math.Abs(report.Find("throughput", "median")!.RelativeError), 0, 0.3);
    }
}
