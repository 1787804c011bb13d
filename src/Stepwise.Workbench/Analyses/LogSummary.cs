using Stepwise.Mining;
using Stepwise.Mining.Discovery;
using Stepwise.Mining.Time;

namespace Stepwise.Workbench.Analyses;

/// <summary>What a selection of a log holds: cases, events, steps, resources, time span, variants, throughput and rework.</summary>
public sealed record LogSummary
{
    /// <summary>Cases kept.</summary>
    public required int Cases { get; init; }

    /// <summary>Cases in the whole log.</summary>
    public required int CasesInLog { get; init; }

    /// <summary>Events of the cases kept.</summary>
    public required long Events { get; init; }

    /// <summary>Distinct activities (steps) in the cases kept.</summary>
    public required int Activities { get; init; }

    /// <summary>Distinct resources in the cases kept.</summary>
    public required int Resources { get; init; }

    /// <summary>The first event's time, or null without cases.</summary>
    public DateTime? Start { get; init; }

    /// <summary>The last event's time, or null without cases.</summary>
    public DateTime? End { get; init; }

    /// <summary>Distinct variants (paths).</summary>
    public required int Variants { get; init; }

    /// <summary>The share of cases taking the most common path, or null without cases.</summary>
    public double? TopVariantShare { get; init; }

    /// <summary>Case statistics: events per case, throughput time, rework.</summary>
    public required CaseStatistics CaseStatistics { get; init; }

    /// <summary>The share of cases with a repeated activity, or null without cases.</summary>
    public double? ReworkShare { get; init; }

    /// <summary>The share of cases that go back to an activity after another one, or null without cases: rework
    /// without the repeats of a step straight after itself (such as a second update in the same state).</summary>
    public double? ReturnShare { get; init; }

    /// <summary>Whether the log records start times.</summary>
    public required bool HasStartTimes { get; init; }

    /// <summary>The case attributes.</summary>
    public IReadOnlyList<string> CaseAttributes { get; init; } = [];

    /// <summary>The event attributes with their kinds.</summary>
    public IReadOnlyList<string> EventAttributes { get; init; } = [];

    /// <summary>Summarises <paramref name="view"/>, measuring durations with <paramref name="measure"/>.</summary>
    public static LogSummary Compute(LogView view, DurationMeasure? measure = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var log = view.Log;
        var cases = CaseStatistics.Compute(view, measure ?? DurationMeasure.Elapsed);
        var variants = VariantSet.Discover(view);
        // Which activities and resources occur, flagged by their codes (codes index the log's name tables).
        var activitySeen = new bool[log.ActivityNames.Count];
        var resourceSeen = new bool[log.ResourceNames.Count];
        var activityCodes = log.Activities;
        var resourceCodes = log.Resources;
        long first = long.MaxValue, last = long.MinValue;
        for (int i = 0; i < view.CaseCount; i++)
        {
            int c = view.CaseAt(i);
            first = Math.Min(first, log.CaseStartTime(c));
            last = Math.Max(last, log.CaseEndTime(c));
            for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
            {
                activitySeen[activityCodes[e]] = true;
                if (resourceCodes[e] >= 0)
                {
                    resourceSeen[resourceCodes[e]] = true;
                }
            }
        }

        return new LogSummary
        {
            Cases = view.CaseCount,
            CasesInLog = log.CaseCount,
            Events = view.EventCount,
            Activities = CountSet(activitySeen),
            Resources = CountSet(resourceSeen),
            Start = view.CaseCount > 0 ? Timestamp.ToDateTime(first) : null,
            End = view.CaseCount > 0 ? Timestamp.ToDateTime(last) : null,
            Variants = variants.Count,
            TopVariantShare = variants.Count > 0 ? variants[0].Share : null,
            CaseStatistics = cases,
            ReworkShare = view.CaseCount > 0 ? cases.ReworkCases / (double)view.CaseCount : null,
            ReturnShare = view.CaseCount > 0 ? cases.ReturnCases / (double)view.CaseCount : null,
            HasStartTimes = log.HasStartTimes,
            CaseAttributes = [.. log.CaseAttributes.Select(c => c.Name)],
            EventAttributes = [.. log.EventAttributes.Select(c => $"{c.Name} ({c.Kind.ToString().ToLowerInvariant()})")],
        };
    }

    private static int CountSet(bool[] flags)
    {
        int count = 0;
        foreach (bool flag in flags)
        {
            count += flag ? 1 : 0;
        }

        return count;
    }
}
