using Stepwise.Mining;
using Stepwise.Mining.Time;
using Stepwise.Workbench.Logs;

namespace Stepwise.Web.Components.Uploads;

/// <summary>What a dry read of an upload found: how it was read, its first events as they would be stored, and its columns.</summary>
/// <param name="Provenance">The options asked for and what the reader detected.</param>
/// <param name="FirstEvents">The first events in stored order.</param>
/// <param name="Columns">The columns (or XES attributes) the log holds: those used for roles, then its attributes.</param>
public sealed record ImportCheck(ImportProvenance Provenance, IReadOnlyList<PreviewEvent> FirstEvents, IReadOnlyList<string> Columns)
{
    /// <summary>The events shown.</summary>
    public const int MaxEvents = 8;

    /// <summary>The check of a read.</summary>
    public static ImportCheck Of(LogFileRead read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var log = read.Import.Log;
        var events = new List<PreviewEvent>();
        for (int row = 0; row < Math.Min(MaxEvents, log.EventCount); row++)
        {
            int caseIndex = CaseOf(log, row);
            long start = log.StartTime(row);
            events.Add(new PreviewEvent(
                log.CaseIds[caseIndex],
                log.ActivityNames[log.Activities[row]],
                start == Timestamp.None ? string.Empty : Timestamp.Format(start),
                Timestamp.Format(log.Times[row]),
                log.Resources[row] >= 0 ? log.ResourceNames[log.Resources[row]] : string.Empty));
        }

        var columns = read.Provenance.Detected.Mapping.Select(MappingLine.Parse).Where(m => m is not null).Select(m => m!.Column)
            .Concat(log.CaseAttributes.Select(c => c.Name)).Concat(log.EventAttributes.Select(c => c.Name))
            .Distinct(StringComparer.Ordinal).ToList();
        return new ImportCheck(read.Provenance, events, columns);
    }

    private static int CaseOf(EventLog log, int row)
    {
        int c = 0;
        while (log.CaseEnd(c) <= row)
        {
            c++;
        }

        return c;
    }
}

/// <summary>One event as it would be stored.</summary>
/// <param name="Case">The case id.</param>
/// <param name="Activity">The activity.</param>
/// <param name="Start">The start time (ISO 8601 UTC), empty when unknown.</param>
/// <param name="End">The completion time.</param>
/// <param name="Resource">The resource, empty when none.</param>
public sealed record PreviewEvent(string Case, string Activity, string Start, string End, string Resource);
