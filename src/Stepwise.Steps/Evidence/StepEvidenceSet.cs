using Stepwise.Mining;
using Stepwise.Mining.Attributes;
using Stepwise.Mining.Discovery;
using Stepwise.Mining.Statistics;
using Stepwise.Mining.Time;

namespace Stepwise.Steps.Evidence;

/// <summary>
/// The evidence of every step of a view, most frequent first, with the totals that impacts are measured against.
/// Volume, rework and timing come from the engine's <see cref="ActivityStatistics"/>; hand-overs, bounces and the
/// timing of each resource from one further pass over the events.
/// </summary>
public sealed class StepEvidenceSet
{
    private readonly Dictionary<string, StepEvidence> _byName;

    private StepEvidenceSet(IReadOnlyList<StepEvidence> steps, int cases, long events, double throughputSeconds, string handoverBy, DurationMeasure measure, bool hasStartTimes)
    {
        Steps = steps;
        Cases = cases;
        Events = events;
        TotalThroughputSeconds = throughputSeconds;
        HandoverBy = handoverBy;
        Measure = measure;
        HasStartTimes = hasStartTimes;
        _byName = steps.ToDictionary(s => s.Name, StringComparer.Ordinal);
    }

    /// <summary>The steps, most frequent first.</summary>
    public IReadOnlyList<StepEvidence> Steps { get; }

    /// <summary>Cases in the view.</summary>
    public int Cases { get; }

    /// <summary>Events in the view.</summary>
    public long Events { get; }

    /// <summary>The sum over cases of the time from the case's first to its last event, in seconds.</summary>
    public double TotalThroughputSeconds { get; }

    /// <summary>The attribute hand-overs are counted between (<c>org:resource</c> for people).</summary>
    public string HandoverBy { get; }

    /// <summary>How durations were measured.</summary>
    public DurationMeasure Measure { get; }

    /// <summary>Whether the log has start times (so service times are measured).</summary>
    public bool HasStartTimes { get; }

    /// <summary>The evidence of the step named <paramref name="name"/>, or null.</summary>
    public StepEvidence? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Computes the evidence of every step of <paramref name="view"/>.</summary>
    /// <param name="view">The cases to assess.</param>
    /// <param name="measure">Elapsed or working time.</param>
    /// <param name="handoverBy">The attribute whose change between consecutive events is a hand-over.</param>
    /// <param name="timers">When a step's wait counts as set by a timer (default thresholds when null).</param>
    /// <exception cref="ArgumentException">The log has no attribute <paramref name="handoverBy"/>.</exception>
    public static StepEvidenceSet Compute(LogView view, DurationMeasure? measure = null, string handoverBy = "org:resource", TimerDetection? timers = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        measure ??= DurationMeasure.Elapsed;
        timers ??= TimerDetection.Default;
        var log = view.Log;
        var statistics = ActivityStatistics.Compute(view, measure);
        var (participants, _) = AttributeCodes.ForEvents(log, handoverBy);
        int a = log.ActivityNames.Count;
        var transitions = new long[a];
        var handovers = new long[a];
        var bounces = new long[a];
        var bounceCases = new int[a];
        var lastBounceCase = new int[a];
        var firstInCase = new long[a];
        var waitHanded = new double[a];
        var waitHandedCount = new long[a];
        var waitSame = new double[a];
        var waitSameCount = new long[a];
        Array.Fill(lastBounceCase, -1);

        // Timers run on the clock, whatever measure the rest uses: the timer tests take elapsed waits per step.
        var stepTimers = timers.DetectSteps(view);
        var byResource = new Dictionary<long, (List<long> Waiting, List<long> Service, long Instances)>();
        var acts = log.Activities;
        var res = log.Resources;
        var times = log.Times;
        var starts = log.StartTimes;
        bool hasStarts = !starts.IsEmpty;
        int r = Math.Max(1, log.ResourceNames.Count);
        double throughput = 0;
        for (int i = 0; i < view.CaseCount; i++)
        {
            int c = view.CaseAt(i);
            int from = log.CaseStart(c), to = log.CaseEnd(c);
            throughput += Timestamp.ToSeconds(measure.Between(log.CaseStartTime(c), log.CaseEndTime(c)));
            firstInCase[acts[from]]++;
            // The participant before the current run of events by one participant (-1: none, or broken by an event
            // without one): work coming back to it is a bounce, as in the hand-over network's ping-pong.
            int runBefore = -1;
            for (int e = from; e < to; e++)
            {
                int act = acts[e];
                long start = hasStarts ? starts[e] : Timestamp.None;
                long waiting = Timestamp.None;
                if (e > from)
                {
                    long enabled = times[e - 1], begun = start != Timestamp.None ? start : times[e];
                    waiting = measure.Between(enabled, begun);
                    int before = participants[e - 1], now = participants[e];
                    if (before < 0 || now < 0)
                    {
                        runBefore = -1;
                    }
                    else
                    {
                        transitions[act]++;
                        if (before != now)
                        {
                            handovers[act]++;
                            waitHanded[act] += Timestamp.ToSeconds(waiting);
                            waitHandedCount[act]++;
                        }
                        else
                        {
                            waitSame[act] += Timestamp.ToSeconds(waiting);
                            waitSameCount[act]++;
                        }

                        if (before != now)
                        {
                            if (runBefore == now)
                            {
                                bounces[act]++;
                                if (lastBounceCase[act] != c)
                                {
                                    lastBounceCase[act] = c;
                                    bounceCases[act]++;
                                }
                            }

                            runBefore = before;
                        }
                    }
                }

                if (res[e] >= 0)
                {
                    long key = ((long)act * r) + res[e];
                    if (!byResource.TryGetValue(key, out var entry))
                    {
                        entry = ([], [], 0);
                    }

                    if (waiting != Timestamp.None)
                    {
                        entry.Waiting.Add(waiting);
                    }

                    if (start != Timestamp.None)
                    {
                        entry.Service.Add(measure.Between(start, times[e]));
                    }

                    byResource[key] = (entry.Waiting, entry.Service, entry.Instances + 1);
                }
            }
        }

        var timings = new Dictionary<int, List<ResourceTiming>>();
        foreach (var (key, entry) in byResource)
        {
            int act = (int)(key / r), resource = (int)(key % r);
            if (!timings.TryGetValue(act, out var list))
            {
                timings[act] = list = [];
            }

            list.Add(new ResourceTiming(
                resource,
                log.ResourceNames[resource],
                entry.Instances,
                MedianSeconds(entry.Waiting),
                MedianSeconds(entry.Service)));
        }

        var steps = new List<StepEvidence>(statistics.Count);
        foreach (var s in statistics)
        {
            int act = s.Activity;
            var resources = timings.TryGetValue(act, out var found)
                ? found.OrderByDescending(t => t.Instances).ThenBy(t => t.Name, StringComparer.Ordinal).ToList()
                : [];
            steps.Add(new StepEvidence(
                act,
                s.Name,
                s.Events,
                s.Cases,
                s.Repeats,
                s.CasesWithRepeats,
                s.SelfLoops,
                s.ServiceTime,
                s.WaitingTime,
                transitions[act],
                handovers[act],
                bounces[act],
                bounceCases[act],
                waitHandedCount[act] == 0 ? double.NaN : waitHanded[act] / waitHandedCount[act],
                waitSameCount[act] == 0 ? double.NaN : waitSame[act] / waitSameCount[act],
                firstInCase[act],
                resources)
            {
                Timer = stepTimers[act],
                CasesWithReturns = s.CasesWithReturns,
            });
        }

        return new StepEvidenceSet(steps, view.CaseCount, view.EventCount, throughput, handoverBy, measure, log.HasStartTimes);
    }

    private static double MedianSeconds(List<long> ticks)
    {
        if (ticks.Count == 0)
        {
            return double.NaN;
        }

        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ticks);
        return Quantiles.Select(span, 0.5) / TimeSpan.TicksPerSecond;
    }
}
