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
        Assert.InRange(Math.Abs(report.Find("throughput", "p90")!.RelativeError), 0, 0.15);

        // Weeks counted from the first arrival in Python apart from the product: 110 weeks, the busiest 11 hold 98.3% of
        // the 7,554 cases, the busiest 3,290 against 68.7 on average; the help desk's busiest tenth holds 21%.
        Assert.Contains(report.Warnings, w => w.StartsWith("Arrivals are far from steady: the busiest 11 of the 110 weeks hold 98% of the cases (the busiest week 3,290, against 68.7 a week on average)", StringComparison.Ordinal));

        // Staff are the people seen working: no team has more people on shift than it has people at all.
        var (resources, _) = Stepwise.Mining.Attributes.AttributeCodes.ForEvents(log, "org:resource");
        var people = Enumerable.Range(0, log.EventCount).Where(e => codes[e] >= 0 && resources[e] >= 0).GroupBy(e => values[codes[e]]).ToDictionary(g => g.Key, g => g.Select(e => resources[e]).Distinct().Count());
        Assert.All(model.Pools.Where(p => p.CapacityBasis == Model.CapacityBasis.ResourcesSeen), p => Assert.InRange(p.Capacity.Max, 0, people[p.Name]));
    }

    [Fact]
    public void ModelOfOneLog_ValidatedAgainstAnother_IsWarnedAbout()
    {
        var helpdesk = EventLogFile.Read(SharedData.PathOf("eventlogs/helpdesk.xes.gz")).Log;
        var bpic = EventLogFile.Read(SharedData.PathOf("eventlogs/bpic2013_incidents.xes.gz")).Log;
        var model = ModelDiscovery.Discover(helpdesk, new DiscoveryOptions { CalibrationReplications = 0 });

        var report = ModelValidation.Validate(bpic, model, replications: 2);

        Assert.Contains(report.Warnings, w => w.StartsWith("The model does not fit this log: 4 of the log's 4 steps (100% of its events) are not in the model", StringComparison.Ordinal));
        Assert.Contains(report.Warnings, w => w.StartsWith("The model's arrivals", StringComparison.Ordinal));
        Assert.False(report.AllWithinTolerance);
        Assert.DoesNotContain(report.Summary, s => s.Contains("reproduces the data", StringComparison.Ordinal));
    }

    [Fact]
    public void IncidentCsv_StepFrequenciesReproduced()
    {
        var options = new EventLogReadOptions { Csv = new CsvLogOptions { CaseColumn = "number", ActivityColumn = "incident_state", TimestampColumn = "sys_updated_at", ResourceColumn = "sys_updated_by" } };
        var log = EventLogFile.Read(SharedData.PathOf("eventlogs/incident_event_log.csv.zip"), options).Log;
        var report = ModelValidation.Validate(log, ModelDiscovery.Discover(log), replications: 8);
        Assert.All(report.Metrics.Where(m => m.Tolerance is not null && m.Group == "step frequency"), m => Assert.InRange(Math.Abs(m.RelativeError), 0, 0.05));

        // Before the steps' times were kept by case age and next step, this median was 16% off.
        Assert.InRange(Math.Abs(report.Find("throughput", "median")!.RelativeError), 0, 0.15);
        Assert.InRange(Math.Abs(report.Find("throughput", "p90")!.RelativeError), 0, 0.15);

        // The throughput time is carried by the 5-day closing timer; the time until the last step is due (resolution,
        // for most cases) is not reproduced, and the check says so. Observed median counted apart with the standard
        // library (bench/engine/independent_check.py): 0.666 days.
        var before = report.Find(ModelValidation.BeforeLastStep, "median")!;
        Assert.Equal(0.666, before.Observed / 86400, 3);
        Assert.Equal(false, before.WithinTolerance);
        Assert.False(report.AllWithinTolerance);
        Assert.Contains(report.Summary, s => s.StartsWith("Time before the last step (from a case's first event until its last step is due) is off: the median by ", StringComparison.Ordinal));
    }
}
