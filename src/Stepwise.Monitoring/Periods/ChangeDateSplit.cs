using Stepwise.Mining;
using Stepwise.Mining.Time;

namespace Stepwise.Monitoring.Periods;

/// <summary>
/// One log split at the date of the change: cases before it form the before period, cases from the end of the
/// settling-in period on form the after period, and cases in between are left out (a new way of working takes time
/// to settle). <see cref="Assignment"/> says which time of a case decides.
/// </summary>
public sealed record ChangeDateSplit : ChangePeriods
{
    /// <summary>The cases (already filtered to the process monitored).</summary>
    public required LogView Log { get => field; init => field = value ?? throw new ArgumentNullException(nameof(Log)); }

    /// <summary>When the change took effect.</summary>
    public required DateTimeOffset ChangeDate { get; init; }

    /// <summary>How long after the change cases are left out while the new way of working settles (none by default).</summary>
    public TimeSpan SettlingIn
    {
        get => field;
        init => field = value >= TimeSpan.Zero ? value : throw new MonitorOptionException(nameof(SettlingIn), "The settling-in period cannot be negative.");
    }

    /// <summary>Which time of a case decides its period.</summary>
    public CaseAssignment Assignment
    {
        get => field;
        init => field = Enum.IsDefined(value) ? value : throw new MonitorOptionException(nameof(Assignment), "Cases are assigned by start, by end or contained.");
    } = CaseAssignment.ByStart;

    internal override ResolvedPeriods Resolve()
    {
        var log = Log.Log;
        long change = Timestamp.FromDateTimeOffset(ChangeDate);
        long settled = change + SettlingIn.Ticks;
        var before = new List<int>();
        var after = new List<int>();
        int settling = 0, across = 0;
        for (int i = 0; i < Log.CaseCount; i++)
        {
            int c = Log.CaseAt(i);
            long start = log.CaseStartTime(c), end = log.CaseEndTime(c);
            long at = Assignment == CaseAssignment.ByEnd ? end : start;
            if (Assignment == CaseAssignment.Contained)
            {
                if (end < change)
                {
                    before.Add(c);
                }
                else if (start >= settled)
                {
                    after.Add(c);
                }
                else if (start >= change)
                {
                    settling++;
                }
                else
                {
                    across++;
                }
            }
            else if (at < change)
            {
                before.Add(c);
            }
            else if (at >= settled)
            {
                after.Add(c);
            }
            else
            {
                settling++;
            }
        }

        if (before.Count == 0 || after.Count == 0)
        {
            string first = Log.CaseCount == 0 ? "none" : Timestamp.Format(Enumerable.Range(0, Log.CaseCount).Min(i => log.CaseStartTime(Log.CaseAt(i))));
            string last = Log.CaseCount == 0 ? "none" : Timestamp.Format(Enumerable.Range(0, Log.CaseCount).Max(i => log.CaseEndTime(Log.CaseAt(i))));
            throw new MonitorOptionException(nameof(ChangeDate), $"The change date {ChangeDate:yyyy-MM-dd HH:mm} leaves {before.Count:N0} cases before it and {after.Count:N0} after the settling-in period; the log's cases run from {first} to {last}.");
        }

        before.Sort();
        after.Sort();
        var beforeView = new LogView(log, [.. before]);
        var afterView = new LogView(log, [.. after]);
        Func<int, long> reference = Assignment == CaseAssignment.ByEnd ? log.CaseEndTime : log.CaseStartTime;
        long beforeFrom = before.Min(reference);
        long afterTo = after.Max(reference);
        return new ResolvedPeriods(beforeView, afterView, reference, reference, beforeFrom, change, settled, afterTo, change, settling, across);
    }
}
