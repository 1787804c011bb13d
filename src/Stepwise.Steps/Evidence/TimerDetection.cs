using Stepwise.Mining;
using Stepwise.Mining.Time;

namespace Stepwise.Steps.Evidence;

/// <summary>
/// When a step's waiting time counts as set by a timer (see <see cref="StepTimer"/>). Two tests, on the elapsed waits
/// before the step, need at least <see cref="MinWaits"/> waits:
/// <list type="bullet">
/// <item>nearly constant: mean of at least <see cref="MinSeconds"/> and coefficient of variation at most
///   <see cref="MaxVariation"/>;</item>
/// <item>dominant value: at least <see cref="MinShare"/> of the waits within ±<see cref="Tolerance"/> of one value of at
///   least <see cref="MinSeconds"/>. Waits of people's work spread out: on the real logs tested (help desk, BPI 2013,
///   ServiceNow) no step done by people has more than 6% of its waits in such a band, while the automatic closes
///   have 21% to 86%.</item>
/// </list>
/// The band is relative so that a timer kept in local time still matches across clock changes (15 days ± 1 hour is
/// within 1%), and the value must be at least an hour so that events recorded together (waits of seconds) are not
/// taken for a timer.
/// This is the one place the rule lives: the scorecard, the questions, the value classes and the costing (instances the
/// timer set carry no estimated labour) all take a step's timer from <see cref="DetectSteps"/>.
/// </summary>
public sealed record TimerDetection
{
    /// <summary>The default thresholds.</summary>
    public static TimerDetection Default { get; } = new();

    /// <summary>The fewest waits either test needs.</summary>
    public int MinWaits { get; init; } = 20;

    /// <summary>The shortest timer recognised.</summary>
    public TimeSpan MinDuration { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The largest coefficient of variation of a nearly constant wait.</summary>
    public double MaxVariation { get; init; } = 0.1;

    /// <summary>The smallest share of waits at one value.</summary>
    public double MinShare { get; init; } = 0.2;

    /// <summary>The half-width of the band around the value, as a share of it.</summary>
    public double Tolerance { get; init; } = 0.01;

    private double MinSeconds => MinDuration.TotalSeconds;

    /// <summary>
    /// The elapsed wait before event <paramref name="row"/> in seconds, as the timer tests measure it: from the previous
    /// event's completion to this event's start (its completion when it has no start), never below zero; NaN for the
    /// first event of a case.
    /// </summary>
    /// <param name="log">The log.</param>
    /// <param name="row">The event.</param>
    /// <param name="caseStart">The first row of the event's case.</param>
    public static double WaitBefore(EventLog log, int row, int caseStart)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (row <= caseStart)
        {
            return double.NaN;
        }

        var starts = log.StartTimes;
        long start = starts.IsEmpty ? Timestamp.None : starts[row];
        long begun = start != Timestamp.None ? start : log.Times[row];
        return Math.Max(0, begun - log.Times[row - 1]) / (double)TimeSpan.TicksPerSecond;
    }

    /// <summary>Tests the waits before every step of <paramref name="view"/> (see <see cref="WaitBefore"/>).</summary>
    /// <returns>The timer of each activity, by activity id (null where none was recognised or the step is not in the view).</returns>
    public StepTimer?[] DetectSteps(LogView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var log = view.Log;
        var waits = new List<double>?[log.ActivityNames.Count];
        var acts = log.Activities;
        for (int i = 0; i < view.CaseCount; i++)
        {
            int c = view.CaseAt(i);
            int from = log.CaseStart(c), to = log.CaseEnd(c);
            for (int e = from + 1; e < to; e++)
            {
                (waits[acts[e]] ??= []).Add(WaitBefore(log, e, from));
            }
        }

        var timers = new StepTimer?[waits.Length];
        for (int act = 0; act < waits.Length; act++)
        {
            if (waits[act] is { } list)
            {
                timers[act] = Detect(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
            }
        }

        return timers;
    }

    /// <summary>Tests the waits before one step.</summary>
    /// <param name="waits">The elapsed waits in seconds; sorted in place.</param>
    /// <returns>The timer, or null when neither test recognises one.</returns>
    public StepTimer? Detect(Span<double> waits)
    {
        int n = waits.Length;
        if (n < MinWaits || n == 0)
        {
            return null;
        }

        double sum = 0, squares = 0;
        foreach (double w in waits)
        {
            sum += w;
        }

        double mean = sum / n;
        foreach (double w in waits)
        {
            squares += (w - mean) * (w - mean);
        }

        double cv = mean > 0 ? Math.Sqrt(squares / n) / mean : double.NaN;
        waits.Sort();
        if (mean >= MinSeconds && cv <= MaxVariation)
        {
            return new StepTimer(Median(waits), n, n, cv, TimerTest.NearlyConstant, Tolerance, double.NaN) { LowSeconds = waits[0], HighSeconds = waits[^1] };
        }

        // The densest band [w, w(1 + 2 tolerance)]: two pointers over the sorted waits.
        int best = 0, bestFrom = 0;
        int j = 0;
        for (int i = 0; i < n; i++)
        {
            if (waits[i] < MinSeconds)
            {
                continue;
            }

            double upper = waits[i] * (1 + (2 * Tolerance));
            j = Math.Max(j, i);
            while (j < n && waits[j] <= upper)
            {
                j++;
            }

            if (j - i > best)
            {
                best = j - i;
                bestFrom = i;
            }
        }

        if (best < MinWaits || best < MinShare * n)
        {
            return null;
        }

        // The median of the others: the middle of the sorted waits with the band cut out.
        int others = n - best;
        double othersMedian = others == 0 ? double.NaN : (OtherAt(waits, bestFrom, best, (others - 1) / 2) + OtherAt(waits, bestFrom, best, others / 2)) / 2;
        return new StepTimer(Median(waits.Slice(bestFrom, best)), best, n, cv, TimerTest.DominantValue, Tolerance, othersMedian)
        {
            LowSeconds = waits[bestFrom],
            HighSeconds = waits[bestFrom + best - 1],
        };
    }

    private static double OtherAt(ReadOnlySpan<double> sorted, int bandFrom, int bandLength, int k) => k < bandFrom ? sorted[k] : sorted[k + bandLength];

    private static double Median(ReadOnlySpan<double> sorted)
    {
        int m = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
