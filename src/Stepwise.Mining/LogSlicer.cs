namespace Stepwise.Mining;

/// <summary>Materialises a view as a log of its own (for writing a filtered log to a file, or storing it).</summary>
public static class LogSlicer
{
    /// <summary>A log holding exactly the cases of <paramref name="view"/>, with their events and attributes.
    /// Name tables are shared with the source log.</summary>
    public static EventLog Slice(LogView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var log = view.Log;
        if (view.IsAll)
        {
            return log;
        }

        int cases = view.CaseCount;
        var caseIndices = view.CaseIndices();
        var offsets = new int[cases + 1];
        var events = new int[view.EventCount];
        int k = 0;
        for (int i = 0; i < cases; i++)
        {
            int c = caseIndices[i];
            offsets[i] = k;
            for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
            {
                events[k++] = e;
            }
        }

        offsets[cases] = k;
        var activities = new int[k];
        var resources = new int[k];
        var times = new long[k];
        long[]? starts = log.HasStartTimes ? new long[k] : null;
        for (int i = 0; i < k; i++)
        {
            int e = events[i];
            activities[i] = log.Activities[e];
            resources[i] = log.Resources[e];
            times[i] = log.Times[e];
            if (starts is not null)
            {
                starts[i] = log.StartTimes[e];
            }
        }

        var caseIds = caseIndices.Select(c => log.CaseIds[c]).ToArray();
        return EventLog.CreateTrusted(caseIds, offsets, activities, resources, times, starts, log.ActivityNames, log.ResourceNames, log.CaseAttributes.Gather(caseIndices), log.EventAttributes.Gather(events), log.Metadata);
    }
}
