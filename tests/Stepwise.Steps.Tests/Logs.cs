using Stepwise.Mining;
using Stepwise.Mining.IO;
using Stepwise.Testing;

namespace Stepwise.Steps.Tests;

/// <summary>The real logs the tests run on, read once per test run, and a helper for small hand-built logs.</summary>
internal static class Logs
{
    private static readonly Lazy<EventLog> HelpdeskLog = new(() => EventLogFile.Read(SharedData.PathOf("eventlogs/helpdesk.xes.gz")).Log);
    private static readonly Lazy<EventLog> BpicLog = new(() => EventLogFile.Read(SharedData.PathOf("eventlogs/bpic2013_incidents.xes.gz")).Log);
    private static readonly Lazy<EventLog> IncidentLog = new(() => EventLogFile.Read(SharedData.PathOf("eventlogs/incident_event_log.csv.zip"), IncidentOptions).Log);

    /// <summary>The help-desk log (4,580 cases).</summary>
    public static EventLog Helpdesk => HelpdeskLog.Value;

    /// <summary>The BPI Challenge 2013 incidents (7,554 cases).</summary>
    public static EventLog Bpic2013 => BpicLog.Value;

    /// <summary>The ServiceNow incident export (24,918 incidents).</summary>
    public static EventLog Incidents => IncidentLog.Value;

    /// <summary>How the incident export is read.</summary>
    public static EventLogReadOptions IncidentOptions { get; } = new()
    {
        Csv = new CsvLogOptions { CaseColumn = "number", ActivityColumn = "incident_state", TimestampColumn = "sys_updated_at", ResourceColumn = "sys_updated_by" },
    };

    /// <summary>A UTC instant on 1 March 2024 (a Friday) at the given hour and minute, plus whole days.</summary>
    public static DateTimeOffset At(double hours, int days = 0) => new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero).AddDays(days).AddHours(hours);
}
