using Stepwise.Mining.Attributes;

namespace Stepwise.Mining.Assembly;

/// <summary>
/// Events as a reader produced them, in file order, before grouping and sorting. Case indices number cases in
/// order of first appearance. The events come in one or more segments (a reader that parsed its input a window at a
/// time hands over each window's columns as they are, so they are never copied into one array first).
/// </summary>
internal sealed class RawLog
{
    public required string[] CaseIds { get; init; }

    public required IReadOnlyList<RawSegment> Segments { get; init; }

    /// <summary>Each lifecycle transition value as written, with its count, most frequent first.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Transitions { get; init; } = [];

    public required NameTable ActivityNames { get; init; }

    public required NameTable ResourceNames { get; init; }

    /// <summary>Prebuilt event columns in file order (gathered into final order by each event's file position).</summary>
    public IReadOnlyList<AttributeColumn> EventColumns { get; init; } = [];

    public IReadOnlyList<AttributeColumn> CaseColumns { get; init; } = [];

    /// <summary>Dictionary-coded event columns moved with the events (their codes are in each segment's
    /// <see cref="RawSegment.Codes"/>) and turned into attribute columns once the events are in their final order
    /// (cheaper than building them first and gathering).</summary>
    public IReadOnlyList<RawCodeColumn> CodeColumns { get; init; } = [];

    public LogMetadata Metadata { get; init; } = LogMetadata.Empty;

    public int EventCount
    {
        get
        {
            int count = 0;
            foreach (var segment in Segments)
            {
                count += segment.Count;
            }

            return count;
        }
    }

    public bool HasStartTimes => Segments.Any(s => s.Starts is not null);

    public bool HasLifecycles => Segments.Any(s => s.Lifecycles is not null);

    /// <summary>One segment over whole arrays.</summary>
    public static RawSegment[] One(int[] caseOf, int[] activities, int[] resources, long[] times, long[]? starts = null, Lifecycle[]? lifecycles = null)
        => [new RawSegment { CaseOf = caseOf, Activities = activities, Resources = resources, Times = times, Starts = starts, Lifecycles = lifecycles, Count = activities.Length }];
}

/// <summary>A run of events in file order: the first <see cref="Count"/> entries of each array. Assembly consumes
/// it: its arrays become the log's columns or are let go.</summary>
internal sealed class RawSegment
{
    public required int[] CaseOf { get; set; }

    public required int[] Activities { get; set; }

    public required int[] Resources { get; set; }

    public required long[] Times { get; set; }

    public long[]? Starts { get; set; }

    public Lifecycle[]? Lifecycles { get; set; }

    /// <summary>Codes of each <see cref="RawLog.CodeColumns"/> entry.</summary>
    public int[][] Codes { get; init; } = [];

    public required int Count { get; init; }
}

/// <summary>
/// A dictionary-coded column of a reader, carried through assembly as codes. <see cref="Finish"/> receives the codes
/// in final event order, the final case offsets and case ids, and returns an event column or, for a case-level column, a case
/// column.
/// </summary>
internal sealed record RawCodeColumn(string Name, bool CaseLevel, Func<int[], int[], IReadOnlyList<string>, AttributeColumn> Finish);
