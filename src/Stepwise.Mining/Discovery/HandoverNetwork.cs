using Stepwise.Mining.Attributes;
using Stepwise.Mining.Statistics;
using Stepwise.Mining.Time;

namespace Stepwise.Mining.Discovery;

/// <summary>Work passing from one participant (a resource, a team, any attribute value) to another between two
/// consecutive events of a case.</summary>
/// <param name="From">The participant code of the earlier event.</param>
/// <param name="To">The participant code of the later event.</param>
/// <param name="Count">Times work passed this way.</param>
/// <param name="Cases">Cases in which it did.</param>
/// <param name="Duration">Time from the earlier event's completion to the later event's start (or completion), in
/// seconds, zero where the later one started first (see <see cref="StepGap"/>).</param>
public sealed record Handover(int From, int To, long Count, int Cases, DurationStatistics Duration)
{
    /// <summary>Hand-overs where the later step started before the earlier one completed (counted as zero in <see cref="Duration"/>).</summary>
    public long Overlaps { get; init; }
}

/// <summary>An attribute that could stand in for the resource in hand-overs.</summary>
/// <param name="Attribute">Its name.</param>
/// <param name="Values">How many different values it has.</param>
/// <param name="Changes">How often it changes between consecutive events of a case.</param>
public sealed record HandoverStandIn(string Attribute, int Values, long Changes);

/// <summary>Work bouncing back: participant <see cref="First"/> hands to <see cref="Second"/>, who hands straight back.</summary>
/// <param name="First">Who handed over and got the work back.</param>
/// <param name="Second">Who handed it back.</param>
/// <param name="Count">Times it happened: A, B, A once consecutive events of the same participant are taken as one, so
/// work that stays with B for several events in a row (A, B, B, A) bounces back too; an event without a participant
/// breaks the chain. The same rule as the bounces of the step evidence,
/// which must agree with it.</param>
/// <param name="Cases">Cases in which it happened.</param>
public sealed record PingPong(int First, int Second, long Count, int Cases);

/// <summary>
/// Follows the participants of one case's consecutive events and tells when work comes straight back: the rule of
/// <see cref="PingPong"/> (runs of one participant count as one, an event without a participant breaks the chain), kept
/// in one place for the hand-over network and for anything that counts ping-pong case by case. Start a new chain (its
/// default value) for each case.
/// </summary>
public record struct PingPongChain
{
    // The participant before the current run of events by one participant, plus one (0: none, or broken by an event
    // without a participant): work handed back to it is a ping-pong.
    private int _beforePlusOne;

    /// <summary>Takes the pair of consecutive events whose participant codes are <paramref name="from"/> and
    /// <paramref name="to"/> (negative: the event has none).</summary>
    /// <returns>Whether <paramref name="to"/> hands the work straight back to the participant it came from.</returns>
    public bool Next(int from, int to)
    {
        if (from < 0 || to < 0)
        {
            _beforePlusOne = 0;
            return false;
        }

        if (from == to)
        {
            return false;
        }

        bool back = _beforePlusOne == to + 1;
        _beforePlusOne = from + 1;
        return back;
    }
}

/// <summary>
/// The hand-overs of work in a view, between resources or between the values of any attribute (team, role,
/// department). Events without a value break the chain: no hand-over is counted across them.
/// </summary>
public sealed class HandoverNetwork
{
    private HandoverNetwork(string by, NameTable participants, IReadOnlyList<Handover> handovers, IReadOnlyList<PingPong> pingPongs, long transitions, int casesWithHandover, int casesWithPingPong)
    {
        By = by;
        Participants = participants;
        Handovers = handovers;
        PingPongs = pingPongs;
        Transitions = transitions;
        CasesWithHandover = casesWithHandover;
        CasesWithPingPong = casesWithPingPong;
    }

    /// <summary>The attribute compared (<c>org:resource</c> for resources).</summary>
    public string By { get; }

    /// <summary>Participant names by code.</summary>
    public NameTable Participants { get; }

    /// <summary>Hand-overs, most frequent first.</summary>
    public IReadOnlyList<Handover> Handovers { get; }

    /// <summary>Ping-pong patterns, most frequent first.</summary>
    public IReadOnlyList<PingPong> PingPongs { get; }

    /// <summary>Consecutive pairs of events that both had a participant (hand-overs or not).</summary>
    public long Transitions { get; }

    /// <summary>Cases with at least one hand-over.</summary>
    public int CasesWithHandover { get; }

    /// <summary>Cases with at least one ping-pong.</summary>
    public int CasesWithPingPong { get; }

    /// <summary>Whether any event of <paramref name="view"/> has a value of <paramref name="by"/> (for the resource:
    /// whether the log records who did anything at all).</summary>
    public static bool HasParticipants(LogView view, string by = "org:resource")
    {
        ArgumentNullException.ThrowIfNull(view);
        var (codes, _) = AttributeCodes.ForEvents(view.Log, by);
        var log = view.Log;
        for (int i = 0; i < view.CaseCount; i++)
        {
            int c = view.CaseAt(i);
            for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
            {
                if (codes[e] >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Event attributes that could stand in for the resource when counting hand-overs: text attributes that most
    /// events have, with between 2 and a few hundred values, that change between consecutive events of a case (a
    /// team, a queue, a role). Ordered by how many changes they show, most first.
    /// </summary>
    public static IReadOnlyList<HandoverStandIn> StandIns(LogView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var log = view.Log;
        var result = new List<HandoverStandIn>();
        foreach (var column in log.EventAttributes)
        {
            if (column.Kind is not (AttributeKind.String or AttributeKind.Integer) || column.Name.StartsWith("lifecycle:", StringComparison.Ordinal) || column.Name == "concept:name")
            {
                continue;
            }

            var (codes, values) = AttributeCodes.ForEvents(log, column.Name);
            if (values.Count < 2 || values.Count > Math.Max(300, view.EventCount / 20))
            {
                continue;
            }

            long present = 0, changes = 0;
            for (int i = 0; i < view.CaseCount; i++)
            {
                int c = view.CaseAt(i);
                for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
                {
                    present += codes[e] >= 0 ? 1 : 0;
                    changes += e > log.CaseStart(c) && codes[e] >= 0 && codes[e - 1] >= 0 && codes[e] != codes[e - 1] ? 1 : 0;
                }
            }

            if (changes > 0 && present * 2 >= view.EventCount)
            {
                result.Add(new HandoverStandIn(column.Name, values.Count, changes));
            }
        }

        return [.. result.OrderByDescending(s => s.Changes).ThenBy(s => s.Attribute, StringComparer.Ordinal)];
    }

    /// <summary>Computes the hand-overs of <paramref name="view"/> between values of <paramref name="by"/>
    /// (<c>org:resource</c> by default).</summary>
    /// <exception cref="ArgumentException">The log has no such attribute.</exception>
    public static HandoverNetwork Compute(LogView view, string by = "org:resource", DurationMeasure? measure = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        measure ??= DurationMeasure.Elapsed;
        var log = view.Log;
        var (codes, participants) = AttributeCodes.ForEvents(log, by);
        int p = participants.Count;
        var counts = new Dictionary<long, (long Count, int Cases, int LastCase)>();
        var pings = new Dictionary<long, (long Count, int Cases, int LastCase)>();
        var durations = new GroupedDurations(1024);
        var overlapCounts = new Dictionary<long, long>();
        var keys = new List<long>();
        var keyIndex = new Dictionary<long, int>();
        long transitions = 0;
        int withHandover = 0, withPing = 0;
        var times = log.Times;
        var starts = log.StartTimes;
        for (int i = 0; i < view.CaseCount; i++)
        {
            int c = view.CaseAt(i);
            bool handed = false, pinged = false;
            var chain = default(PingPongChain);
            for (int e = log.CaseStart(c) + 1; e < log.CaseEnd(c); e++)
            {
                int x = codes[e - 1], y = codes[e];
                bool back = chain.Next(x, y);
                if (x < 0 || y < 0)
                {
                    continue;
                }

                transitions++;
                if (x == y)
                {
                    continue;
                }

                handed = true;
                long key = ((long)x * p) + y;
                var entry = counts.GetValueOrDefault(key, (0, 0, -1));
                counts[key] = (entry.Count + 1, entry.Cases + (entry.LastCase != c ? 1 : 0), c);
                if (!keyIndex.TryGetValue(key, out int group))
                {
                    group = keys.Count;
                    keyIndex[key] = group;
                    keys.Add(key);
                }

                long target = !starts.IsEmpty && starts[e] != Timestamp.None ? starts[e] : times[e];
                durations.Add(group, StepGap.Waiting(times[e - 1], target, measure));
                if (StepGap.Overlaps(times[e - 1], target))
                {
                    overlapCounts[key] = overlapCounts.GetValueOrDefault(key) + 1;
                }
                if (back)
                {
                    pinged = true;
                    long pingKey = ((long)y * p) + x;
                    var ping = pings.GetValueOrDefault(pingKey, (0, 0, -1));
                    pings[pingKey] = (ping.Count + 1, ping.Cases + (ping.LastCase != c ? 1 : 0), c);
                }
            }

            withHandover += handed ? 1 : 0;
            withPing += pinged ? 1 : 0;
        }

        var stats = GroupedDurations.Merge([durations], keys.Count);
        var handovers = keys.Select((key, g) => new Handover((int)(key / p), (int)(key % p), counts[key].Count, counts[key].Cases, stats[g]) { Overlaps = overlapCounts.GetValueOrDefault(key) })
            .OrderByDescending(h => h.Count).ThenBy(h => participants[h.From], StringComparer.Ordinal).ThenBy(h => participants[h.To], StringComparer.Ordinal).ToList();
        var pingPongs = pings.Select(kv => new PingPong((int)(kv.Key / p), (int)(kv.Key % p), kv.Value.Count, kv.Value.Cases))
            .OrderByDescending(x => x.Count).ThenBy(x => participants[x.First], StringComparer.Ordinal).ThenBy(x => participants[x.Second], StringComparer.Ordinal).ToList();
        return new HandoverNetwork(by, participants, handovers, pingPongs, transitions, withHandover, withPing);
    }
}
