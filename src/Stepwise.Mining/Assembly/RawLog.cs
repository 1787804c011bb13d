using Stepwise.Mining.Attributes;

namespace Stepwise.Mining.Assembly;

/// <summary>
/// Events as a reader produced them, in file order, before grouping and sorting. Case indices number cases in
/// order of first appearance.
/// </summary>
internal sealed class RawLog
{
    public required string[] CaseIds { get; init; }

    public required int[] CaseOf { get; init; }

    public required int[] Activities { get; init; }

    public required int[] Resources { get; init; }

    public required long[] Times { get; init; }

    public long[]? StartTimes { get; init; }

    public Lifecycle[]? Lifecycles { get; init; }

    /// <summary>Each lifecycle transition value as written, with its count, most frequent first.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Transitions { get; init; } = [];

    public required NameTable ActivityNames { get; init; }

    public required NameTable ResourceNames { get; init; }

    public IReadOnlyList<AttributeColumn> EventColumns { get; init; } = [];

    public IReadOnlyList<AttributeColumn> CaseColumns { get; init; } = [];

    /// <summary>Dictionary-coded event columns moved with the events and turned into attribute columns once the
    /// events are in their final order (cheaper than building them first and gathering).</summary>
    public IReadOnlyList<RawCodeColumn> CodeColumns { get; init; } = [];

    public LogMetadata Metadata { get; init; } = LogMetadata.Empty;

    /// <summary>Number of events; the event arrays may be longer (readers allocate an upper bound).</summary>
    public int? Count { get; init; }

    public int EventCount => Count ?? Activities.Length;
}

/// <summary>
/// A dictionary-coded column of a reader, carried through assembly as codes. <see cref="Finish"/> receives the codes
/// in final event order, the final case offsets and case ids, and returns an event column or, for a case-level column, a case
/// column.
/// </summary>
internal sealed record RawCodeColumn(string Name, int[] Codes, bool CaseLevel, Func<int[], int[], IReadOnlyList<string>, AttributeColumn> Finish);
