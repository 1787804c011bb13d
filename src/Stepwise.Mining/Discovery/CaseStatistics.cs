using Stepwise.Mining.Statistics;
using Stepwise.Mining.Time;

namespace Stepwise.Mining.Discovery;

/// <summary>
/// Per case of a view: throughput time (from the case's first event to its last completion), number of events,
/// and whether any activity was repeated (rework); with summaries over all cases.
/// </summary>
public sealed class CaseStatistics
{
    private CaseStatistics(int[] cases, double[] throughput, int[] events, bool[] rework, DurationMeasure measure)
    {
        Cases = cases;
        ThroughputSeconds = throughput;
        Events = events;
        Rework = rework;
        Measure = measure;
        var t = (double[])throughput.Clone();
        Throughput = DistributionSummary.Of(t);
        var ev = new double[events.Length];
        for (int i = 0; i < ev.Length; i++)
        {
            ev[i] = events[i];
        }

        EventsPerCase = DistributionSummary.Of(ev);
        int reworkCases = 0;
        foreach (bool repeated in rework)
        {
            reworkCases += repeated ? 1 : 0;
        }

        ReworkCases = reworkCases;
    }

    /// <summary>The log's index of each case of the view.</summary>
    public IReadOnlyList<int> Cases { get; }

    /// <summary>Throughput time of each case, in seconds.</summary>
    public IReadOnlyList<double> ThroughputSeconds { get; }

    /// <summary>Events of each case.</summary>
    public IReadOnlyList<int> Events { get; }

    /// <summary>Whether each case repeats an activity.</summary>
    public IReadOnlyList<bool> Rework { get; }

    /// <summary>How durations were measured.</summary>
    public DurationMeasure Measure { get; }

    /// <summary>The distribution of throughput times, in seconds.</summary>
    public DistributionSummary Throughput { get; }

    /// <summary>The distribution of events per case.</summary>
    public DistributionSummary EventsPerCase { get; }

    /// <summary>Cases with rework.</summary>
    public int ReworkCases { get; }

    /// <summary>Computes the statistics of every case of <paramref name="view"/>.</summary>
    public static CaseStatistics Compute(LogView view, DurationMeasure? measure = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        measure ??= DurationMeasure.Elapsed;
        var log = view.Log;
        int n = view.CaseCount;
        var cases = new int[n];
        var throughput = new double[n];
        var events = new int[n];
        var rework = new bool[n];
        var ranges = CaseRanges.Split(view);
        Parallel.For(0, ranges.Length, p =>
        {
            var seen = new int[log.ActivityNames.Count];
            seen.AsSpan().Fill(-1);
            var acts = log.Activities;
            for (int i = ranges[p].From; i < ranges[p].To; i++)
            {
                int c = view.CaseAt(i);
                cases[i] = c;
                events[i] = log.CaseLength(c);
                throughput[i] = Timestamp.ToSeconds(measure.Between(log.CaseStartTime(c), log.CaseEndTime(c)));
                bool repeated = false;
                for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
                {
                    if (seen[acts[e]] == c)
                    {
                        repeated = true;
                        break;
                    }

                    seen[acts[e]] = c;
                }

                rework[i] = repeated;
            }
        });

        return new CaseStatistics(cases, throughput, events, rework, measure);
    }
}
