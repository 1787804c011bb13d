namespace Stepwise.Mining.IO;

/// <summary>What an import read, how it understood the file, and every row it left out.</summary>
public sealed record ImportReport
{
    /// <summary>The file name.</summary>
    public required string File { get; init; }

    /// <summary>The format read.</summary>
    public required EventLogFormat Format { get; init; }

    /// <summary>Bytes read (after decompression).</summary>
    public long Bytes { get; init; }

    /// <summary>Data rows (CSV) or events (XES) read, good and bad.</summary>
    public long RowsRead { get; init; }

    /// <summary>Step instances in the imported log (the events of one lifecycle instance count once).</summary>
    public int Events { get; init; }

    /// <summary>Cases in the imported log.</summary>
    public int Cases { get; init; }

    /// <summary>Rows or events left out because they could not be read (only with <see cref="BadRowPolicy.Skip"/>).</summary>
    public long SkippedRows { get; init; }

    /// <summary>The first problems, in full.</summary>
    public IReadOnlyList<ImportIssue> Issues { get; init; } = [];

    /// <summary>Things the user should know that did not stop the import.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>How the columns were mapped (CSV) or the activity classifier (XES), as "role: column" lines.</summary>
    public IReadOnlyList<string> Mapping { get; init; } = [];

    /// <summary>The encoding read (CSV).</summary>
    public string? Encoding { get; init; }

    /// <summary>The delimiter read (CSV).</summary>
    public char? Delimiter { get; init; }

    /// <summary>How timestamps were read.</summary>
    public string? TimestampFormat { get; init; }

    /// <summary>Cases whose rows were not in time order in the file (sorted on import).</summary>
    public int CasesReordered { get; init; }

    /// <summary>Events that joined the instance they belong to (lifecycle pairing), so they are not steps of their own.</summary>
    public long PairedLifecycles { get; init; }

    /// <summary>How lifecycle transitions became step instances: what was paired, what was left out and why.</summary>
    public LifecycleReport Lifecycle { get; init; } = new();

    /// <summary>Wall-clock seconds spent in each phase of the import, for performance work.</summary>
    public IReadOnlyList<ImportPhase> Phases { get; init; } = [];
}

/// <summary>The time one phase of an import took.</summary>
/// <param name="Name">The phase.</param>
/// <param name="Seconds">Wall-clock seconds.</param>
public sealed record ImportPhase(string Name, double Seconds);

/// <summary>An imported log with the report of its import.</summary>
/// <param name="Log">The log.</param>
/// <param name="Report">What the import did.</param>
public sealed record EventLogImport(EventLog Log, ImportReport Report);
