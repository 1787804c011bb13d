using System.Globalization;
using Stepwise.Mining;
using Stepwise.Mining.Statistics;
using Stepwise.Mining.Time;

namespace Stepwise.Steps.Evidence;

/// <summary>
/// The handling time of every activity instance of a view: measured where the instance has a start time, otherwise
/// the user's standard time for the activity, otherwise an estimate whose method is stated (never presented as
/// measured), otherwise unknown.
/// </summary>
/// <remarks>
/// The estimate: for each completion by a resource, the time since the same resource's previous completion (in any
/// case) is the longest the resource can have spent on it; where that gap is short (at most
/// <see cref="HandlingTimeOptions.EstimateMaxGap"/>) the resource was plausibly working without a break, so the gap
/// approximates the handling time. The estimate of an activity is the median of its short gaps. It overstates the
/// handling time of resources that also do work the log does not record, and cannot see work done in parallel.
/// Gaps of zero (several completions recorded at once) are not counted. Instances that a timer set (the wait before
/// them is the step's timer, <see cref="TimerDetection"/>) are done by the system: where their time would be estimated
/// they get none (no labour cost), and the gaps ending at them are not counted.
/// </remarks>
public sealed class HandlingTimes
{
    private readonly double[] _seconds;

    private HandlingTimes(double[] seconds, IReadOnlyList<StepHandling> steps, string method, TimeSpan estimateMaxGap)
    {
        _seconds = seconds;
        Steps = steps;
        Method = method;
        EstimateMaxGap = estimateMaxGap;
    }

    /// <summary>The handling time of each step, by the order of the log's activity ids (null for activities not in the view).</summary>
    public IReadOnlyList<StepHandling> Steps { get; }

    /// <summary>How the handling times were found, in one sentence for reports (names every standard and estimated step).</summary>
    public string Method { get; }

    /// <summary>The longest gap the estimate counts.</summary>
    public TimeSpan EstimateMaxGap { get; }

    /// <summary>Whether any step's time is not measured.</summary>
    public bool AnyNotMeasured => Steps.Any(s => s.Basis != HandlingTimeBasis.Measured);

    /// <summary>The handling time of event <paramref name="row"/> in seconds (NaN when unknown or not in the view).</summary>
    public double SecondsOf(int row) => _seconds[row];

    /// <summary>The handling time of the step named <paramref name="name"/>, or null.</summary>
    public StepHandling? Find(string name) => Steps.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));

    /// <summary>The sentence describing the estimate method for a maximum gap.</summary>
    public static string EstimateMethod(TimeSpan maxGap)
        => string.Create(CultureInfo.InvariantCulture, $"estimated, not measured: the median time from the same resource's previous completion to this one, counting only gaps of at most {maxGap.TotalMinutes:0.#} minutes");

    /// <summary>Finds the handling time of every instance of <paramref name="view"/>.</summary>
    public static HandlingTimes Resolve(LogView view, HandlingTimeOptions? options = null, DurationMeasure? measure = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        options ??= new HandlingTimeOptions();
        measure ??= DurationMeasure.Elapsed;
        var log = view.Log;
        int a = log.ActivityNames.Count;
        var instances = new long[a];
        var measured = new long[a];
        var seconds = new double[log.EventCount];
        Array.Fill(seconds, double.NaN);
        var starts = log.StartTimes;
        var times = log.Times;
        var acts = log.Activities;
        for (int i = 0; i < view.CaseCount; i++)
        {
            int c = view.CaseAt(i);
            for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
            {
                instances[acts[e]]++;
                if (!starts.IsEmpty && starts[e] != Timestamp.None)
                {
                    measured[acts[e]]++;
                    seconds[e] = Timestamp.ToSeconds(measure.Between(starts[e], times[e]));
                }
            }
        }

        var perInstance = new double[a];
        var basis = new HandlingTimeBasis[a];
        var samples = new int[a];
        bool[] needEstimate = new bool[a];
        for (int act = 0; act < a; act++)
        {
            perInstance[act] = double.NaN;
            if (instances[act] == 0 || measured[act] == instances[act])
            {
                basis[act] = HandlingTimeBasis.Measured;
                continue;
            }

            if (options.StandardTimes.TryGetValue(log.ActivityNames[act], out var standard))
            {
                perInstance[act] = standard.TotalSeconds;
                basis[act] = HandlingTimeBasis.Standard;
            }
            else if (options.Estimate)
            {
                needEstimate[act] = true;
                basis[act] = HandlingTimeBasis.Estimated;
            }
            else
            {
                basis[act] = HandlingTimeBasis.Unknown;
            }
        }

        // Instances a timer set are the system's, not people's work: no estimated handling time, no gap sample.
        var timers = new StepTimer?[a];
        var timerInstances = new long[a];
        bool[]? onTimer = null;
        if (options.Timers is { } detection && needEstimate.Any(x => x))
        {
            var detected = detection.DetectSteps(view);
            for (int act = 0; act < a; act++)
            {
                timers[act] = needEstimate[act] ? detected[act] : null;
            }

            if (timers.Any(t => t is not null))
            {
                onTimer = TimerRows(view, timers, timerInstances);
            }
        }

        if (needEstimate.Any(x => x))
        {
            var gaps = ResourceGaps(log, needEstimate, options.EstimateMaxGap, onTimer);
            for (int act = 0; act < a; act++)
            {
                if (!needEstimate[act])
                {
                    continue;
                }

                samples[act] = gaps[act].Count;
                if (gaps[act].Count >= options.EstimateMinSamples)
                {
                    var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(gaps[act]);
                    perInstance[act] = Quantiles.Select(span, 0.5) / TimeSpan.TicksPerSecond;
                }
                else if (timerInstances[act] < instances[act] - measured[act])
                {
                    basis[act] = HandlingTimeBasis.Unknown;
                }
            }
        }

        for (int i = 0; i < view.CaseCount; i++)
        {
            int c = view.CaseAt(i);
            for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
            {
                if (double.IsNaN(seconds[e]))
                {
                    seconds[e] = onTimer is not null && onTimer[e] ? 0 : perInstance[acts[e]];
                }
            }
        }

        var steps = new List<StepHandling>(a);
        var perStep = new List<double>[a];
        for (int act = 0; act < a; act++)
        {
            perStep[act] = [];
        }

        for (int i = 0; i < view.CaseCount; i++)
        {
            int c = view.CaseAt(i);
            for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
            {
                if (!double.IsNaN(seconds[e]))
                {
                    perStep[acts[e]].Add(seconds[e]);
                }
            }
        }

        for (int act = 0; act < a; act++)
        {
            var b = basis[act];
            if (measured[act] > 0 && measured[act] < instances[act] && b != HandlingTimeBasis.Unknown)
            {
                b = HandlingTimeBasis.Mixed;
            }

            var values = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(perStep[act]);
            double total = 0;
            foreach (double v in values)
            {
                total += v;
            }

            steps.Add(new StepHandling(act, log.ActivityNames[act], b, instances[act], measured[act], perInstance[act], samples[act], Quantiles.Select(values, 0.5), total)
            {
                TimerInstances = timerInstances[act],
                Timer = timerInstances[act] > 0 ? timers[act] : null,
            });
        }

        return new HandlingTimes(seconds, steps, Describe(steps, options), options.EstimateMaxGap);
    }

    /// <summary>
    /// Marks the events the timers set, in every case of the log (the estimate's gaps run over the whole log), and
    /// counts those of <paramref name="view"/> per activity. Events with a start time of their own are measured, not
    /// marked.
    /// </summary>
    private static bool[] TimerRows(LogView view, StepTimer?[] timers, long[] counts)
    {
        var log = view.Log;
        var marked = new bool[log.EventCount];
        var acts = log.Activities;
        var starts = log.StartTimes;
        for (int c = 0; c < log.CaseCount; c++)
        {
            int from = log.CaseStart(c), to = log.CaseEnd(c);
            for (int e = from + 1; e < to; e++)
            {
                if (timers[acts[e]] is { } timer && (starts.IsEmpty || starts[e] == Timestamp.None) && timer.Sets(TimerDetection.WaitBefore(log, e, from)))
                {
                    marked[e] = true;
                }
            }
        }

        for (int i = 0; i < view.CaseCount; i++)
        {
            int c = view.CaseAt(i);
            for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
            {
                if (marked[e])
                {
                    counts[acts[e]]++;
                }
            }
        }

        return marked;
    }

    private static string Describe(IReadOnlyList<StepHandling> steps, HandlingTimeOptions options)
    {
        var used = steps.Where(s => s.Instances > 0).ToList();
        var parts = new List<string>();
        var measured = used.Where(s => s.Basis is HandlingTimeBasis.Measured or HandlingTimeBasis.Mixed).Select(s => s.Name).ToList();
        var standard = used.Where(s => s.Basis == HandlingTimeBasis.Standard).Select(s => s.Name).ToList();
        var estimated = used.Where(s => s.Basis == HandlingTimeBasis.Estimated).Select(s => s.Name).ToList();
        var unknown = used.Where(s => s.Basis == HandlingTimeBasis.Unknown).Select(s => s.Name).ToList();
        if (measured.Count > 0)
        {
            parts.Add(measured.Count == used.Count ? "measured from start and completion times" : "measured from start and completion times for " + Names(measured));
        }

        if (standard.Count > 0)
        {
            parts.Add("standard times given by the user for " + Names(standard));
        }

        if (estimated.Count > 0)
        {
            parts.Add(EstimateMethod(options.EstimateMaxGap) + ", for " + Names(estimated));
        }

        if (unknown.Count > 0)
        {
            parts.Add("unknown (no start times, no standard time, too few gaps to estimate) for " + Names(unknown));
        }

        foreach (var timed in used.Where(s => s.TimerInstances > 0 && s.Timer is not null))
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"none, so no labour cost, for the {Questions.Wording.Count(timed.TimerInstances)} of {Questions.Wording.Count(timed.Instances)} '{timed.Name}' instances that come {Questions.Wording.Duration(timed.Timer!.Seconds)} after the step before: a timer sets them, the system does them"));
        }

        return "Handling time: " + string.Join("; ", parts) + ".";
    }

    private static string Names(List<string> names)
        => names.Count <= 6 ? string.Join(", ", names.Select(n => "'" + n + "'")) : string.Join(", ", names.Take(6).Select(n => "'" + n + "'")) + $" and {names.Count - 6} more";

    /// <summary>For each activity that needs an estimate, the short gaps since the same resource's previous completion
    /// (not those ending at an instance a timer set).</summary>
    private static List<long>[] ResourceGaps(EventLog log, bool[] needEstimate, TimeSpan maxGap, bool[]? onTimer)
    {
        var gaps = new List<long>[needEstimate.Length];
        for (int i = 0; i < gaps.Length; i++)
        {
            gaps[i] = [];
        }

        // Counting sort of the events by resource, then by time within each resource.
        int r = log.ResourceNames.Count;
        var resources = log.Resources;
        var counts = new int[r + 1];
        for (int e = 0; e < resources.Length; e++)
        {
            if (resources[e] >= 0)
            {
                counts[resources[e] + 1]++;
            }
        }

        for (int i = 1; i <= r; i++)
        {
            counts[i] += counts[i - 1];
        }

        int n = counts[r];
        var rows = new int[n];
        var keys = new long[n];
        var next = (int[])counts.Clone();
        var times = log.Times;
        for (int e = 0; e < resources.Length; e++)
        {
            int res = resources[e];
            if (res >= 0)
            {
                int at = next[res]++;
                rows[at] = e;
                keys[at] = times[e];
            }
        }

        var acts = log.Activities;
        long cap = maxGap.Ticks;
        for (int res = 0; res < r; res++)
        {
            int from = counts[res], to = counts[res + 1];
            Array.Sort(keys, rows, from, to - from);

            // Completions at the same instant are taken in file order, so the result does not depend on the sort.
            for (int i = from; i < to;)
            {
                int j = i + 1;
                while (j < to && keys[j] == keys[i])
                {
                    j++;
                }

                if (j - i > 1)
                {
                    Array.Sort(rows, i, j - i);
                }

                i = j;
            }
            for (int i = from + 1; i < to; i++)
            {
                long gap = keys[i] - keys[i - 1];
                int act = acts[rows[i]];
                if (gap > 0 && gap <= cap && needEstimate[act] && (onTimer is null || !onTimer[rows[i]]))
                {
                    gaps[act].Add(gap);
                }
            }
        }

        return gaps;
    }
}
