using Stepwise.Mining.Time;

namespace Stepwise.Mining.IO;

/// <summary>
/// Notices a timestamp that is the case's, not the event's (an opening date read as the time of every change):
/// when most cases of two or more events have all their events at one instant, every such case lasts no time.
/// </summary>
internal static class SameTimeCheck
{
    /// <summary>The warning for <paramref name="log"/>, whose event times were read from
    /// <paramref name="column"/>, or null when fewer than half its cases of two or more events have all their events
    /// at one instant. Looks at two times a case (they are in time order), and at every start time where there are
    /// any.</summary>
    public static string? Warning(EventLog log, string column)
    {
        var times = log.Times;
        var starts = log.StartTimes;
        int multi = 0, same = 0;
        for (int c = 0; c < log.CaseCount; c++)
        {
            int first = log.CaseStart(c), end = log.CaseEnd(c);
            if (end - first < 2)
            {
                continue;
            }

            multi++;
            long at = times[first];
            bool one = times[end - 1] == at;
            for (int e = first; one && !starts.IsEmpty && e < end; e++)
            {
                one = starts[e] == Timestamp.None || starts[e] == at;
            }

            same += one ? 1 : 0;
        }

        if (same * 2 <= multi)
        {
            return null;
        }

        if (same == multi)
        {
            return multi == 1
                ? $"every event of the one case with two or more events has the same time, so it takes no time: is '{column}' the time of each event, or of the case?"
                : FormattableString.Invariant($"in every case of two or more events ({multi:N0}) all events have the same time, so no case takes any time: is '{column}' the time of each event, or of the case?");
        }

        // Rounded down, so that 100% means every one of them.
        long percent = same * 100L / multi;
        return FormattableString.Invariant($"in {percent}% of cases of two or more events ({same:N0} of {multi:N0}) all events have the same time, so those cases take no time: is '{column}' the time of each event, or of the case?");
    }
}
