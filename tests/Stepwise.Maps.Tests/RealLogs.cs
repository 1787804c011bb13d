using Stepwise.Mining;
using Stepwise.Mining.IO;
using Stepwise.Testing;

namespace Stepwise.Maps.Tests;

/// <summary>The real public logs the map tests run on, read once per test run.</summary>
internal static class RealLogs
{
    private static readonly Lazy<EventLog> HelpdeskLog = new(() => EventLogFile.Read(SharedData.PathOf("eventlogs/helpdesk.xes.gz")).Log);
    private static readonly Lazy<EventLog> Bpic2013Log = new(() => EventLogFile.Read(SharedData.PathOf("eventlogs/bpic2013_incidents.xes.gz")).Log);
    private static readonly Lazy<EventLog> Bpic2013StatusLog = new(() => EventLogFile.Read(
        SharedData.PathOf("eventlogs/bpic2013_incidents.xes.gz"),
        new EventLogReadOptions { Xes = new XesLogOptions { Classifier = "concept:name lifecycle:transition" } }).Log);

    private static readonly Lazy<EventLog> IncidentLog = new(() => EventLogFile.Read(
        SharedData.PathOf("eventlogs/incident_event_log.csv.zip"),
        new EventLogReadOptions { Csv = new CsvLogOptions { CaseColumn = "number", ActivityColumn = "incident_state", TimestampColumn = "sys_updated_at", ResourceColumn = "sys_updated_by" } }).Log);

    private static readonly Lazy<EventLog> RunningLog = new(() => EventLogFile.Read(SharedData.PathOf("eventlogs/running-example.xes")).Log);
    private static readonly Lazy<EventLog> SamplesHelpdeskLog = new(() => EventLogFile.Read(Path.Combine(SharedData.RepositoryRoot, "samples", "helpdesk.xes.gz")).Log);
    private static readonly Lazy<EventLog> SamplesRunningLog = new(() => EventLogFile.Read(Path.Combine(SharedData.RepositoryRoot, "samples", "running-example.xes")).Log);

    public static EventLog Helpdesk => HelpdeskLog.Value;

    public static EventLog Bpic2013 => Bpic2013Log.Value;

    /// <summary>BPIC 2013 with activity and sub-status as the step (13 steps instead of 4).</summary>
    public static EventLog Bpic2013WithStatus => Bpic2013StatusLog.Value;

    public static EventLog Incidents => IncidentLog.Value;

    public static EventLog Named(string name) => name switch
    {
        "helpdesk" => Helpdesk,
        "bpic2013" => Bpic2013,
        "bpic2013-status" => Bpic2013WithStatus,
        "incidents" => Incidents,
        "running" => RunningLog.Value,
        "samples-helpdesk" => SamplesHelpdeskLog.Value,
        "samples-running" => SamplesRunningLog.Value,
        _ => throw new ArgumentException(name),
    };
}
