using Stepwise.Mining;
using Stepwise.Mining.Attributes;

namespace Stepwise.Storage.Logs;

/// <summary>Describes a stored log: its sizes, its attribute columns, its metadata and the byte length of every column.</summary>
public sealed record LogManifest
{
    /// <summary>The layout version; a reader refuses layouts it does not know.</summary>
    public int Layout { get; init; } = 1;

    /// <summary>Number of cases.</summary>
    public int CaseCount { get; init; }

    /// <summary>Number of events.</summary>
    public int EventCount { get; init; }

    /// <summary>Whether the log has a start-time column.</summary>
    public bool HasStartTimes { get; init; }

    /// <summary>Case attribute columns, in order.</summary>
    public IReadOnlyList<AttributeDescriptor> CaseAttributes { get; init; } = [];

    /// <summary>Event attribute columns, in order.</summary>
    public IReadOnlyList<AttributeDescriptor> EventAttributes { get; init; } = [];

    /// <summary>The log's metadata.</summary>
    public LogMetadata Metadata { get; init; } = LogMetadata.Empty;

    /// <summary>The byte length of every column, by key.</summary>
    public IReadOnlyDictionary<string, long> Columns { get; init; } = new Dictionary<string, long>();
}

/// <summary>An attribute column's name, type and whether it has a null mask.</summary>
public sealed record AttributeDescriptor(string Name, AttributeKind Kind, bool HasNulls);
