using Stepwise.Mining;
using Stepwise.Mining.IO;
using Stepwise.Testing;

namespace Stepwise.Simulation.Tests;

/// <summary>The real logs the simulation tests run on, read once, and the test logs built from their cases.</summary>
internal static class RealLogs
{
    private static readonly Lazy<EventLog> HelpdeskLog = new(() => EventLogFile.Read(SharedData.PathOf("eventlogs/helpdesk.xes.gz")).Log);
    private static readonly Lazy<EventLog> BpicLog = new(() => EventLogFile.Read(SharedData.PathOf("eventlogs/bpic2013_incidents.xes.gz")).Log);
    private static readonly Lazy<EventLog> BpicSubStatusLog = new(() => EventLogFile.Read(
        SharedData.PathOf("eventlogs/bpic2013_incidents.xes.gz"),
        new EventLogReadOptions { Xes = new XesLogOptions { Classifier = "concept:name lifecycle:transition" } }).Log);

    /// <summary>The help-desk log (4,580 cases, no start times, 22 people).</summary>
    public static EventLog Helpdesk => HelpdeskLog.Value;

    /// <summary>The BPI Challenge 2013 incidents (7,554 cases), steps by status.</summary>
    public static EventLog Bpic2013 => BpicLog.Value;

    /// <summary>The same incidents with the sub-status in the step ("Accepted+Wait - User"): the waits for the user,
    /// the vendor or a third party are steps of their own.</summary>
    public static EventLog Bpic2013BySubStatus => BpicSubStatusLog.Value;

    /// <summary>
    /// A log with a bimodal throughput time made from real cases of two populations of the BPI 2013 incidents: every
    /// incident closed within an hour (1,740) and every k-th of those taking a day or more, so that 70% of the cases close
    /// within an hour, as in a permit log whose cases mostly close within the hour and the rest take weeks.
    /// </summary>
    public static LogView Bimodal()
    {
        var log = Bpic2013;
        var fast = new List<int>();
        var slow = new List<int>();
        for (int c = 0; c < log.CaseCount; c++)
        {
            long throughput = log.CaseEndTime(c) - log.CaseStartTime(c);
            if (throughput < TimeSpan.TicksPerHour)
            {
                fast.Add(c);
            }
            else if (throughput >= TimeSpan.TicksPerDay)
            {
                slow.Add(c);
            }
        }

        int step = (int)(slow.Count / (fast.Count * 3.0 / 7)) + 1;
        return new LogView(log, [.. fast.Concat(slow.Where((_, i) => i % step == 0)).Order()]);
    }

    /// <summary>The cases of the sub-status log that waited for the user (long waits for someone outside the team).</summary>
    public static LogView WithUserWaits()
    {
        var log = Bpic2013BySubStatus;
        int wait = log.ActivityNames.IdOf("Accepted+Wait - User");
        return new LogView(log, [.. Enumerable.Range(0, log.CaseCount).Where(c => log.CaseActivities(c).Contains(wait))]);
    }

    /// <summary>The throughput times of the cases of <paramref name="view"/> in seconds, sorted.</summary>
    public static double[] Throughputs(LogView view)
    {
        var log = view.Log;
        var values = new double[view.CaseCount];
        for (int i = 0; i < view.CaseCount; i++)
        {
            int c = view.CaseAt(i);
            values[i] = (log.CaseEndTime(c) - log.CaseStartTime(c)) / (double)TimeSpan.TicksPerSecond;
        }

        Array.Sort(values);
        return values;
    }

    /// <summary>The p-quantile of sorted values, interpolated between order statistics.</summary>
    public static double Quantile(double[] sorted, double p)
    {
        double position = p * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        return below + 1 >= sorted.Length ? sorted[^1] : sorted[below] + ((position - below) * (sorted[below + 1] - sorted[below]));
    }
}
