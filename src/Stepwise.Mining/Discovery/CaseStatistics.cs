using Stepwise.Mining.Statistics;
using Stepwise.Mining.Time;

namespace Stepwise.Mining.Discovery;

/// <summary>
/// Per case of a view: throughput time (from the case's first event to its last completion), number of events,
/// whether any activity was repeated (rework), and whether the case went back to an activity after another one (a
/// return: a repeat straight after itself, such as a second update in the same state, is rework but not a return);
/// with summaries over all cases.
/// </summary>
public sealed class CaseStatistics
{
    private CaseStatistics(int[] cases, double[] throughput, int[] events, bool[] rework, bool[] returns, DurationMeasure measure)
    {
        Cases = cases;
        ThroughputSeconds = throughput;
        Events = events;
        Rework = rework;
        Returns = returns;
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
        int returnCases = 0;
        foreach (bool back in returns)
        {
            returnCases += back ? 1 : 0;
        }

        ReturnCases = returnCases;
    }

    /// <summary>The log's index of each case of the view.</summary>
    public IReadOnlyList<int> Cases { get; }

    /// <summary>Throughput time of each case, in seconds.</summary>
    public IReadOnlyList<double> ThroughputSeconds { get; }

    /// <summary>Events of each case.</summary>
    public IReadOnlyList<int> Events { get; }

    /// <summary>Whether each case repeats an activity.</summary>
    public IReadOnlyList<bool> Rework { get; }

    /// <summary>Whether each case goes back to an activity after another activity (A, B, A; not A, A).</summary>
    public IReadOnlyList<bool> Returns { get; }

    /// <summary>How durations were measured.</summary>
    public DurationMeasure Measure { get; }

    /// <summary>The distribution of throughput times, in seconds.</summary>
    public DistributionSummary Throughput { get; }

    /// <summary>The distribution of events per case.</summary>
    public DistributionSummary EventsPerCase { get; }

    /// <summary>Cases with rework.</summary>
    public int ReworkCases { get; }

    /// <summary>Cases that go back to an activity after another one (a subset of the cases with rework).</summary>
    public int ReturnCases { get; }

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
        var returns = new bool[n];
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
                // A repeat straight after itself is rework; one after another activity is also a return. The scan
                // stops at the first return, which implies rework.
                bool repeated = false, back = false;
                int previous = -1;
                for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
                {
                    int a = acts[e];
                    if (seen[a] == c)
                    {
                        repeated = true;
                        if (a != previous)
                        {
                            back = true;
                            break;
                        }
                    }

                    seen[a] = c;
                    previous = a;
                }

                rework[i] = repeated;
                returns[i] = back;
            }
        });

        return new CaseStatistics(cases, throughput, events, rework, returns, measure);
    }
}
