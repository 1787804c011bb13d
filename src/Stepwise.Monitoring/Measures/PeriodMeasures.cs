using System.Globalization;
using Stepwise.Mining;
using Stepwise.Mining.Attributes;
using Stepwise.Mining.Compliance;
using Stepwise.Mining.Discovery;
using Stepwise.Mining.Time;
using Stepwise.Monitoring.Kpis;
using Stepwise.Steps.Compliance;
using Stepwise.Steps.Costing;
using Stepwise.Steps.Satisfaction;

namespace Stepwise.Monitoring.Measures;

/// <summary>
/// Everything measured on the cases of one period, one value per case (by the case's position in the period's view)
/// or per step instance: the raw material every KPI, stratum and trend is drawn from. Built in one parallel pass over
/// the events, plus the rule check, costing and feedback linking where the request asks for them.
/// </summary>
internal sealed class PeriodMeasures
{
    private readonly int[] _waitOffsets;
    private readonly double[] _waitValues;
    private readonly int[] _waitPositions;

    private PeriodMeasures(LogView view, long[] time, int[] waitOffsets, double[] waitValues, int[] waitPositions)
    {
        View = view;
        Time = time;
        _waitOffsets = waitOffsets;
        _waitValues = waitValues;
        _waitPositions = waitPositions;
        int n = view.CaseCount;
        Throughput = new double[n];
        Handovers = new double[n];
        PingPong = new double[n];
        Rework = new double[n];
        Events = new double[n];
    }

    /// <summary>The period's cases.</summary>
    public LogView View { get; }

    /// <summary>The time that places each case in time (its start, or its end when cases are assigned by end), in ticks.</summary>
    public long[] Time { get; }

    /// <summary>Throughput time of each case in seconds.</summary>
    public double[] Throughput { get; }

    /// <summary>Hand-overs in each case (NaN when no event has a participant).</summary>
    public double[] Handovers { get; }

    /// <summary>1 where work in the case comes straight back to a participant it was handed from (ping-pong, by the rule
    /// of <see cref="PingPongChain"/>), 0 where not, NaN when no event has a participant.</summary>
    public double[] PingPong { get; }

    /// <summary>1 where the case repeats a step, else 0.</summary>
    public double[] Rework { get; }

    /// <summary>Events of each case.</summary>
    public double[] Events { get; }

    /// <summary>1 where resolved at the first contact, 0 where not, NaN where it cannot be told; null when not measured.</summary>
    public double[]? FirstContact { get; private set; }

    /// <summary>1 where the case breaks a rule of the pack, else 0; null without rules.</summary>
    public double[]? Breach { get; private set; }

    /// <summary>The same per evaluated rule, by rule id.</summary>
    public Dictionary<string, double[]> BreachByRule { get; } = new(StringComparer.Ordinal);

    /// <summary>Cost of each case; null without rates.</summary>
    public double[]? Cost { get; private set; }

    /// <summary>Linked feedback score of each case (NaN where none); null without feedback.</summary>
    public double[]? Satisfaction { get; private set; }

    /// <summary>The stratum id of each case; null without a mix attribute.</summary>
    public int[]? Strata { get; private set; }

    /// <summary>The waiting times before <paramref name="step"/>, in seconds, with their cases' positions.</summary>
    public Sample Waiting(string step)
    {
        int act = View.Log.ActivityNames.IdOf(step);
        if (act < 0)
        {
            return new Sample([], []);
        }

        int from = _waitOffsets[act], to = _waitOffsets[act + 1];
        return new Sample(_waitValues[from..to], _waitPositions[from..to]);
    }

    /// <summary>How many waiting times before <paramref name="step"/> the period has.</summary>
    public int WaitingCount(string step)
    {
        int act = View.Log.ActivityNames.IdOf(step);
        return act < 0 ? 0 : _waitOffsets[act + 1] - _waitOffsets[act];
    }

    /// <summary>Instances of each step, most frequent first.</summary>
    public IEnumerable<(string Step, long Instances)> StepVolumes()
    {
        var log = View.Log;
        var counts = new long[log.ActivityNames.Count];
        for (int i = 0; i < View.CaseCount; i++)
        {
            foreach (int a in log.CaseActivities(View.CaseAt(i)))
            {
                counts[a]++;
            }
        }

        return Enumerable.Range(0, counts.Length).Where(a => counts[a] > 0)
            .OrderByDescending(a => counts[a]).ThenBy(a => log.ActivityNames[a], StringComparer.Ordinal)
            .Select(a => (log.ActivityNames[a], counts[a]));
    }

    /// <summary>1 where the case contains <paramref name="step"/>, else 0.</summary>
    public double[] StepPresence(string step)
    {
        var log = View.Log;
        int act = log.ActivityNames.IdOf(step);
        var result = new double[View.CaseCount];
        if (act >= 0)
        {
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = log.CaseActivities(View.CaseAt(i)).Contains(act) ? 1 : 0;
            }
        }

        return result;
    }

    /// <summary>The numeric value of a case attribute (its first value for an event attribute); NaN where missing or not a number.</summary>
    public double[] AttributeNumbers(string attribute)
    {
        var (codes, values) = AttributeCodes.ForCases(View.Log, attribute);
        var numbers = values.Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : double.NaN).ToArray();
        var result = new double[View.CaseCount];
        for (int i = 0; i < result.Length; i++)
        {
            int code = codes[View.CaseAt(i)];
            result[i] = code < 0 ? double.NaN : numbers[code];
        }

        return result;
    }

    /// <summary>1 where the case attribute has one of <paramref name="wanted"/>, 0 where it has another value, NaN where missing.</summary>
    public double[] AttributeShare(string attribute, IReadOnlyList<string> wanted)
    {
        var (codes, values) = AttributeCodes.ForCases(View.Log, attribute);
        var set = new HashSet<string>(wanted, StringComparer.OrdinalIgnoreCase);
        var hit = values.Select(set.Contains).ToArray();
        var result = new double[View.CaseCount];
        for (int i = 0; i < result.Length; i++)
        {
            int code = codes[View.CaseAt(i)];
            result[i] = code < 0 ? double.NaN : (hit[code] ? 1 : 0);
        }

        return result;
    }

    /// <summary>Measures the cases of <paramref name="view"/>.</summary>
    /// <param name="view">The period's cases.</param>
    /// <param name="time">The reference time of a case (log case index to ticks).</param>
    /// <param name="request">What to measure.</param>
    /// <param name="firstContact">First-contact resolution by log case index, computed for the whole log; null when not
    /// measured or measured by the one-handler proxy.</param>
    /// <param name="proxy">Whether first-contact resolution is the one-handler-no-rework proxy.</param>
    /// <param name="strata">The shared table of mix values; null without a mix attribute.</param>
    /// <param name="notes">Receives what the reader must know (methods, rules that could not be checked).</param>
    /// <param name="period">The period's name in notes (<c>before</c> or <c>after</c>).</param>
    /// <param name="cancellation">Stops between parts.</param>
    public static PeriodMeasures Compute(LogView view, Func<int, long> time, MonitorRequest request, double[]? firstContact, bool proxy, StrataTable? strata, ICollection<string> notes, string period, CancellationToken cancellation)
    {
        var log = view.Log;
        var options = request.Options;
        int n = view.CaseCount;
        var times = new long[n];
        var eventStart = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            int c = view.CaseAt(i);
            times[i] = time(c);
            eventStart[i + 1] = eventStart[i] + log.CaseLength(c) - 1;
        }

        int waits = eventStart[n];
        var waitAct = new int[waits];
        var waitValue = new double[waits];
        var (participants, _) = AttributeCodes.ForEvents(log, options.HandoverBy);
        var measure = options.Measure;
        var waitOffsets = new int[log.ActivityNames.Count + 1];
        var measures = new PeriodMeasures(view, times, waitOffsets, new double[waits], new int[waits]);
        const int chunk = 8192;
        Parallel.For(0, (n + chunk - 1) / chunk, new ParallelOptions { CancellationToken = cancellation }, part =>
        {
            var seen = new int[log.ActivityNames.Count];
            seen.AsSpan().Fill(-1);
            var acts = log.Activities;
            var stamps = log.Times;
            var starts = log.StartTimes;
            bool hasStarts = !starts.IsEmpty;
            int to = Math.Min(n, (part + 1) * chunk);
            for (int i = part * chunk; i < to; i++)
            {
                int c = view.CaseAt(i);
                int first = log.CaseStart(c), end = log.CaseEnd(c);
                measures.Throughput[i] = Timestamp.ToSeconds(measure.Between(log.CaseStartTime(c), log.CaseEndTime(c)));
                measures.Events[i] = end - first;
                bool repeated = false, known = participants[first] >= 0, pinged = false;
                var chain = default(PingPongChain);
                int handovers = 0, k = eventStart[i];
                seen[acts[first]] = i;
                for (int e = first + 1; e < end; e++, k++)
                {
                    int act = acts[e];
                    repeated |= seen[act] == i;
                    seen[act] = i;
                    long at = hasStarts && starts[e] != Timestamp.None ? starts[e] : stamps[e];
                    waitAct[k] = act;
                    waitValue[k] = Timestamp.ToSeconds(measure.Between(stamps[e - 1], at));
                    int before = participants[e - 1], now = participants[e];
                    known |= now >= 0;
                    pinged |= chain.Next(before, now);
                    if (before >= 0 && now >= 0 && before != now)
                    {
                        handovers++;
                    }
                }

                measures.Rework[i] = repeated ? 1 : 0;
                measures.Handovers[i] = known ? handovers : double.NaN;
                measures.PingPong[i] = known ? (pinged ? 1 : 0) : double.NaN;
            }
        });

        // Group the waiting times by step (a counting sort, stable in case order).
        var positionOfWait = new int[waits];
        for (int i = 0; i < n; i++)
        {
            positionOfWait.AsSpan(eventStart[i], eventStart[i + 1] - eventStart[i]).Fill(i);
        }

        foreach (int act in waitAct)
        {
            waitOffsets[act + 1]++;
        }

        for (int a = 0; a < log.ActivityNames.Count; a++)
        {
            waitOffsets[a + 1] += waitOffsets[a];
        }

        var cursor = waitOffsets[..^1];
        for (int k = 0; k < waits; k++)
        {
            int slot = cursor[waitAct[k]]++;
            measures._waitValues[slot] = waitValue[k];
            measures._waitPositions[slot] = positionOfWait[k];
        }

        cancellation.ThrowIfCancellationRequested();
        var positionOf = new Dictionary<int, int>(n);
        for (int i = 0; i < n; i++)
        {
            positionOf[view.CaseAt(i)] = i;
        }

        if (firstContact is not null)
        {
            measures.FirstContact = new double[n];
            for (int i = 0; i < n; i++)
            {
                measures.FirstContact[i] = firstContact[view.CaseAt(i)];
            }
        }
        else if (proxy)
        {
            measures.FirstContact = new double[n];
            for (int i = 0; i < n; i++)
            {
                double h = measures.Handovers[i];
                measures.FirstContact[i] = double.IsNaN(h) ? double.NaN : (h == 0 && measures.Rework[i] == 0 ? 1 : 0);
            }
        }

        if (request.Rules is { } rules)
        {
            var report = ComplianceAssessment.Check(view, rules, measure);
            var any = new double[n];
            foreach (var result in report.Results)
            {
                if (result.Status != RuleStatus.Evaluated)
                {
                    AddNote(notes, $"Rule '{result.Rule.Id}' could not be checked {period} the change: {result.Reason}.");
                    continue;
                }

                var broken = new double[n];
                foreach (var violation in result.Violations)
                {
                    int i = positionOf[violation.Case];
                    broken[i] = 1;
                    any[i] = 1;
                }

                measures.BreachByRule[result.Rule.Id] = broken;
            }

            measures.Breach = any;
        }

        cancellation.ThrowIfCancellationRequested();
        if (request.Cost is { } model)
        {
            var report = ActivityCosting.Compute(view, model, measure, topCases: n);
            measures.Cost = new double[n];
            foreach (var cost in report.CostliestCases)
            {
                measures.Cost[positionOf[cost.Case]] = cost.TotalCost;
            }

            AddNote(notes, $"Cost per case {period} the change: {report.HandlingMethod}");
        }

        if (request.Feedback is { } feedback)
        {
            var linked = FeedbackLinker.Link(view, feedback, request.Link);
            measures.Satisfaction = new double[n];
            for (int i = 0; i < n; i++)
            {
                measures.Satisfaction[i] = linked.CaseScores[view.CaseAt(i)];
            }
        }

        if (strata is not null && options.MixBy is { } mixBy)
        {
            var (codes, values) = AttributeCodes.ForCases(log, mixBy);
            measures.Strata = new int[n];
            for (int i = 0; i < n; i++)
            {
                int code = codes[view.CaseAt(i)];
                measures.Strata[i] = strata.IdOf(code < 0 ? null : values[code]);
            }
        }

        return measures;
    }

    private static void AddNote(ICollection<string> notes, string note)
    {
        if (!notes.Contains(note))
        {
            notes.Add(note);
        }
    }
}
