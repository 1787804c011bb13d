using Stepwise.Mining.Statistics;
using Stepwise.Mining.Time;

namespace Stepwise.Mining.Discovery;

/// <summary>One edge of a directly-follows graph: how often <see cref="Source"/> is directly followed by
/// <see cref="Target"/> in a case, in how many cases, and how long the step between them takes.</summary>
/// <param name="Source">Activity id, or <see cref="DirectlyFollowsGraph.StartNode"/>.</param>
/// <param name="Target">Activity id, or <see cref="DirectlyFollowsGraph.EndNode"/>.</param>
/// <param name="Frequency">Times the pair occurs (events).</param>
/// <param name="Cases">Cases in which it occurs at least once.</param>
/// <param name="Duration">From the source's completion to the target's start (its completion where the log has no
/// start), in seconds, zero where the target started before the source completed (see <see cref="StepGap"/>); empty
/// for edges from the start or to the end.</param>
public sealed record DirectlyFollowsEdge(int Source, int Target, long Frequency, int Cases, DurationStatistics Duration)
{
    /// <summary>Times the target started before the source completed (the steps overlapped; counted as zero in
    /// <see cref="Duration"/>).</summary>
    public long Overlaps { get; init; }

    /// <summary>How long the two overlapped, in seconds, over the <see cref="Overlaps"/> occurrences.</summary>
    public DurationStatistics OverlapTime { get; init; } = DurationStatistics.Empty;

    /// <summary>The share of occurrences that overlapped (0 for edges without durations).</summary>
    public double OverlapShare => Duration.Count > 0 ? Overlaps / (double)Duration.Count : 0;
}

/// <summary>An activity as a node of the graph: its events and the cases it occurs in.</summary>
public sealed record ActivityNode(int Activity, long Events, int Cases);

/// <summary>
/// The directly-follows graph of a view: nodes are activities, edges the pairs of activities that follow each
/// other directly within a case, with frequency (events and cases) and performance (mean, median, p90 and max
/// time between the two events); a start node leads to each case's first activity and an end node follows its last.
/// </summary>
public sealed class DirectlyFollowsGraph
{
    /// <summary>The id of the start node.</summary>
    public const int StartNode = -1;

    /// <summary>The id of the end node.</summary>
    public const int EndNode = -2;

    private DirectlyFollowsGraph(NameTable activities, IReadOnlyList<ActivityNode> nodes, IReadOnlyList<DirectlyFollowsEdge> edges, int cases, long events, DurationMeasure measure)
    {
        Activities = activities;
        Nodes = nodes;
        Edges = edges;
        CaseCount = cases;
        EventCount = events;
        Measure = measure;
    }

    /// <summary>Activity names by id.</summary>
    public NameTable Activities { get; }

    /// <summary>Activities that occur in the view, by descending events.</summary>
    public IReadOnlyList<ActivityNode> Nodes { get; }

    /// <summary>Edges by descending frequency, then source and target name.</summary>
    public IReadOnlyList<DirectlyFollowsEdge> Edges { get; }

    /// <summary>Cases in the view.</summary>
    public int CaseCount { get; }

    /// <summary>Events in the view.</summary>
    public long EventCount { get; }

    /// <summary>How durations were measured.</summary>
    public DurationMeasure Measure { get; }

    /// <summary>The name of a node: an activity, <c>[start]</c> or <c>[end]</c>.</summary>
    public string NameOf(int node) => node switch
    {
        StartNode => "[start]",
        EndNode => "[end]",
        _ => Activities[node],
    };

    /// <summary>Discovers the graph of <paramref name="view"/>.</summary>
    public static DirectlyFollowsGraph Discover(LogView view, DurationMeasure? measure = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        measure ??= DurationMeasure.Elapsed;
        var log = view.Log;
        int a = log.ActivityNames.Count;
        int width = a + 2; // activities, then start (a) and end (a + 1)
        int edgeSlots = width * width;
        var ranges = CaseRanges.Split(view);
        var counts = new long[ranges.Length][];
        var caseCounts = new int[ranges.Length][];
        var nodeEvents = new long[ranges.Length][];
        var nodeCases = new int[ranges.Length][];

        // Pass 1: counts per edge and node, per part.
        Parallel.For(0, ranges.Length, p =>
        {
            var count = counts[p] = new long[edgeSlots];
            var cases = caseCounts[p] = new int[edgeSlots];
            var events = nodeEvents[p] = new long[a];
            var ncases = nodeCases[p] = new int[a];
            var lastEdgeCase = new int[edgeSlots];
            var lastNodeCase = new int[a];
            lastEdgeCase.AsSpan().Fill(-1);
            lastNodeCase.AsSpan().Fill(-1);
            var acts = log.Activities;
            var offsets = log.CaseOffsets;
            for (int i = ranges[p].From; i < ranges[p].To; i++)
            {
                int c = view.CaseAt(i);
                int from = offsets[c], to = offsets[c + 1];
                int prev = a; // start
                for (int e = from; e < to; e++)
                {
                    int act = acts[e];
                    events[act]++;
                    if (lastNodeCase[act] != c)
                    {
                        lastNodeCase[act] = c;
                        ncases[act]++;
                    }

                    int edge = (prev * width) + act;
                    count[edge]++;
                    if (lastEdgeCase[edge] != c)
                    {
                        lastEdgeCase[edge] = c;
                        cases[edge]++;
                    }

                    prev = act;
                }

                int end = (prev * width) + a + 1;
                count[end]++;
                cases[end]++;
            }
        });

        // Offsets of each edge's durations, and of each part within the edge.
        var edgeStart = new long[edgeSlots + 1];
        var partStart = new long[ranges.Length][];
        for (int p = 0; p < ranges.Length; p++)
        {
            partStart[p] = new long[edgeSlots];
        }

        for (int edge = 0; edge < edgeSlots; edge++)
        {
            bool timed = edge / width < a && edge % width < a;
            long total = 0;
            for (int p = 0; p < ranges.Length; p++)
            {
                partStart[p][edge] = edgeStart[edge] + total;
                total += timed ? counts[p][edge] : 0;
            }

            edgeStart[edge + 1] = edgeStart[edge] + total;
        }

        // Pass 2: durations of activity-to-activity edges (overlaps count as zero and are collected apart).
        var durations = GC.AllocateUninitializedArray<long>((int)edgeStart[edgeSlots]);
        bool elapsed = ReferenceEquals(measure, DurationMeasure.Elapsed);
        bool logHasStarts = !log.StartTimes.IsEmpty;
        var overlaps = new GroupedDurations[ranges.Length];
        Parallel.For(0, ranges.Length, p =>
        {
            var overlap = overlaps[p] = new GroupedDurations(logHasStarts ? 1024 : 0);
            var cursor = partStart[p];
            var acts = log.Activities;
            var times = log.Times;
            var starts = log.StartTimes;
            bool hasStarts = !starts.IsEmpty;
            var offsets = log.CaseOffsets;
            for (int i = ranges[p].From; i < ranges[p].To; i++)
            {
                int c = view.CaseAt(i);
                int from = offsets[c], to = offsets[c + 1];
                for (int e = from + 1; e < to; e++)
                {
                    int edge = (acts[e - 1] * width) + acts[e];
                    long target = hasStarts && starts[e] != Timestamp.None ? starts[e] : times[e];
                    long before = times[e - 1];
                    if (target >= before)
                    {
                        durations[cursor[edge]++] = elapsed ? target - before : measure.Between(before, target);
                    }
                    else
                    {
                        durations[cursor[edge]++] = 0;
                        overlap.Add(edge, StepGap.Overlap(before, target, times[e], measure));
                    }
                }
            }
        });

        var edges = new List<DirectlyFollowsEdge>();
        var slots = new List<int>();
        for (int edge = 0; edge < edgeSlots; edge++)
        {
            long total = 0;
            foreach (var part in counts)
            {
                total += part[edge];
            }

            if (total > 0)
            {
                slots.Add(edge);
            }
        }

        var overlapStats = logHasStarts ? GroupedDurations.MergeSparse(overlaps) : null;
        var built = new DirectlyFollowsEdge[slots.Count];
        Parallel.For(0, slots.Count, k =>
        {
            int edge = slots[k];
            long frequency = 0;
            int cases = 0;
            for (int p = 0; p < ranges.Length; p++)
            {
                frequency += counts[p][edge];
                cases += caseCounts[p][edge];
            }

            int s = edge / width, t = edge % width;
            var span = durations.AsSpan((int)edgeStart[edge], (int)(edgeStart[edge + 1] - edgeStart[edge]));
            var overlap = overlapStats is not null && overlapStats.TryGetValue(edge, out var found) ? found : DurationStatistics.Empty;
            built[k] = new DirectlyFollowsEdge(s == a ? StartNode : s, t == a + 1 ? EndNode : t, frequency, cases, DurationStatistics.FromTicks(span)) { Overlaps = overlap.Count, OverlapTime = overlap };
        });
        edges.AddRange(built);
        var names = log.ActivityNames;
        string Name(int node) => node == StartNode ? string.Empty : node == EndNode ? "\uffff" : names[node];
        edges.Sort((x, y) =>
        {
            int c = y.Frequency.CompareTo(x.Frequency);
            if (c == 0)
            {
                c = string.CompareOrdinal(Name(x.Source), Name(y.Source));
            }

            return c != 0 ? c : string.CompareOrdinal(Name(x.Target), Name(y.Target));
        });

        var nodes = new List<ActivityNode>();
        for (int act = 0; act < a; act++)
        {
            long events = 0;
            int cases = 0;
            for (int p = 0; p < ranges.Length; p++)
            {
                events += nodeEvents[p][act];
                cases += nodeCases[p][act];
            }

            if (events > 0)
            {
                nodes.Add(new ActivityNode(act, events, cases));
            }
        }

        nodes.Sort((x, y) => y.Events != x.Events ? y.Events.CompareTo(x.Events) : string.CompareOrdinal(names[x.Activity], names[y.Activity]));
        return new DirectlyFollowsGraph(names, nodes, edges, view.CaseCount, view.EventCount, measure);
    }
}
