using Stepwise.Mining;
using Stepwise.Mining.IO;
using Stepwise.Testing;

namespace Stepwise.Monitoring.Tests;

/// <summary>The real logs the tests run on, read once per test run.</summary>
internal static class Logs
{
    private static readonly Lazy<EventLog> HelpdeskLog = new(() => EventLogFile.Read(SharedData.PathOf("eventlogs/helpdesk.xes.gz")).Log);
    private static readonly Lazy<EventLog> BpicLog = new(() => EventLogFile.Read(SharedData.PathOf("eventlogs/bpic2013_incidents.xes.gz")).Log);

    /// <summary>The help-desk log: 4,580 cases, 21,348 events.</summary>
    public static EventLog Helpdesk => HelpdeskLog.Value;

    /// <summary>The BPI Challenge 2013 incidents: 7,554 cases, 65,533 events.</summary>
    public static EventLog Bpic => BpicLog.Value;
}
