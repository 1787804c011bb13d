using Stepwise.Mining;
using Stepwise.Mining.IO;

namespace Stepwise.Workbench.Tests.Reports;

/// <summary>Figures of the help-desk review computed here from the file and the formulas, not by the layer.</summary>
internal static class Reference
{
    private static readonly Lazy<EventLog> Log = new(() => EventLogFile.Read(HelpdeskReview.Log).Log);

    /// <summary>Cases in the scope (those that end with Closed) and the median of their throughput, in days.</summary>
    public static (int Cases, double MedianDays) Scope()
    {
        var log = Log.Value;
        var days = new List<double>();
        for (int c = 0; c < log.CaseCount; c++)
        {
            if (log.ActivityNames[log.Activities[log.CaseEnd(c) - 1]] == "Closed")
            {
                days.Add((log.CaseEndTime(c) - log.CaseStartTime(c)) / (double)TimeSpan.TicksPerDay);
            }
        }

        days.Sort();
        int n = days.Count;
        return (n, n % 2 == 1 ? days[n / 2] : (days[(n / 2) - 1] + days[n / 2]) / 2);
    }

    /// <summary>Cases in the scope (ending with Closed) that start before <paramref name="change"/>, and those that start
    /// once <paramref name="settling"/> has passed after it: the before and after periods of a change-date split.</summary>
    public static (int Before, int After) Split(DateTimeOffset change, TimeSpan settling)
    {
        var log = Log.Value;
        long at = change.UtcTicks, settled = (change + settling).UtcTicks;
        int before = 0, after = 0;
        for (int c = 0; c < log.CaseCount; c++)
        {
            if (log.ActivityNames[log.Activities[log.CaseEnd(c) - 1]] != "Closed")
            {
                continue;
            }

            long start = log.CaseStartTime(c);
            before += start < at ? 1 : 0;
            after += start >= settled ? 1 : 0;
        }

        return (before, after);
    }

    /// <summary>The net present value: the one-off cost, then each year's saving discounted.</summary>
    public static double Npv(double oneOff, double yearly, int years, double rate)
        => -oneOff + Enumerable.Range(1, years).Sum(t => yearly / Math.Pow(1 + rate, t));

    /// <summary>Hand-overs between the values of an event attribute in the scoped cases: consecutive events of a case that
    /// both have a value and whose values differ, counted per ordered pair.</summary>
    public static Dictionary<(string From, string To), int> Handovers(string attribute) => Handovers(Log.Value, attribute, onlyClosed: true);

    /// <summary>Hand-overs between the values of an event attribute in a log (all cases, or those ending with Closed).</summary>
    public static Dictionary<(string From, string To), int> Handovers(EventLog log, string attribute, bool onlyClosed)
    {
        var column = log.EventAttributes[attribute];
        var counts = new Dictionary<(string, string), int>();
        for (int c = 0; c < log.CaseCount; c++)
        {
            if (onlyClosed && log.ActivityNames[log.Activities[log.CaseEnd(c) - 1]] != "Closed")
            {
                continue;
            }

            string? previous = null;
            for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
            {
                // A hand-over is between two consecutive events that both name a value: an event without one breaks the chain.
                string? value = column.IsNull(e) ? null : column.Format(e);
                if (previous is not null && value is not null && previous != value)
                {
                    counts[(previous, value)] = counts.GetValueOrDefault((previous, value)) + 1;
                }

                previous = value;
            }
        }

        return counts;
    }
}
