using Stepwise.Mining.Time;

namespace Stepwise.Mining.IO;

/// <summary>How to read an event log file. Every property has a sensible default; set only what differs.</summary>
public sealed record EventLogReadOptions
{
    /// <summary>Defaults: format from the path, reject bad rows, pair lifecycle transitions, 4 GiB expansion limit.</summary>
    public static EventLogReadOptions Default { get; } = new();

    /// <summary>The format; null infers it from the file name.</summary>
    public EventLogFormat? Format { get; init; }

    /// <summary>What to do with rows or events that cannot be read.</summary>
    public BadRowPolicy BadRows { get; init; } = BadRowPolicy.Reject;

    /// <summary>How many problems to describe in full (all are counted).</summary>
    public int MaxReportedIssues { get; init; } = 100;

    /// <summary>The most bytes a compressed file (.gz, .zip, .xlsx) may expand to; larger archives are refused.</summary>
    public long MaxExpandedBytes { get; init; } = 4L << 30;

    /// <summary>
    /// The most rows (CSV, TSV, workbook: data rows, bad ones included) or events (XES) one file may hold; null for no
    /// bound beyond the largest log one import can hold. A larger file is refused as soon as the reader has passed the
    /// bound, with the file and the bound named (<see cref="EventLogFormatException.LimitExceeded"/>), and nothing is
    /// imported: a server bounds what one upload can make it read and hold.
    /// </summary>
    public long? MaxRows
    {
        get => _maxRows;
        init => _maxRows = value is null or >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The row limit is at least one row.");
    }

    /// <summary>
    /// The most times a compressed file may expand once past 16 MiB: real exports compress 5 to 50 times, a
    /// decompression bomb about 1,000 times, so a bomb is refused after a few megabytes.
    /// </summary>
    public int MaxCompressionRatio { get; init; } = 500;

    /// <summary>How events with lifecycle transitions (<c>lifecycle:transition</c>, or the lifecycle column of a
    /// CSV) become step instances.</summary>
    public LifecycleHandling Lifecycle { get; init; } = LifecycleHandling.Pair;

    /// <summary>The names of the options as the user sets them, for messages.</summary>
    public ReadOptionNames Names { get; init; } = ReadOptionNames.CommandLine;

    /// <summary>Options for delimited text.</summary>
    public CsvLogOptions Csv { get; init; } = new();

    /// <summary>Options for XES.</summary>
    public XesLogOptions Xes { get; init; } = new();

    private readonly long? _maxRows;

    /// <summary>The error for a file past <see cref="MaxRows"/>.</summary>
    internal EventLogFormatException RowsExceeded(string file, string what, long? line) => new(file, new ImportIssue(line, null, null,
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the file has more than {MaxRows:N0} {what}, the most one import may read here ({Names.MaxRows} {MaxRows}); nothing was imported. Filter or split the file, or ask for a higher limit.")), Names)
    {
        LimitExceeded = true,
    };
}

/// <summary>Text encodings of delimited files.</summary>
public enum TextEncodingChoice
{
    /// <summary>By byte-order mark; else UTF-8 when the start of the file is valid UTF-8; else Latin-1.</summary>
    Auto,

    /// <summary>UTF-8 (a byte-order mark is skipped); invalid bytes are an error.</summary>
    Utf8,

    /// <summary>UTF-16, little- or big-endian by byte-order mark (little-endian without one).</summary>
    Utf16,

    /// <summary>ISO-8859-1.</summary>
    Latin1,
}

/// <summary>
/// How to read a delimited (CSV/TSV) event log: the delimiter, which columns hold the case, activity, times and
/// resource (detected from the header when not given), how timestamps are written, and which values mean missing.
/// </summary>
public sealed record CsvLogOptions
{
    /// <summary>The field delimiter; null detects it from the header (comma, semicolon, tab or pipe).</summary>
    public char? Delimiter { get; init; }

    /// <summary>The text encoding.</summary>
    public TextEncodingChoice Encoding { get; init; } = TextEncodingChoice.Auto;

    /// <summary>The column of the case id (e.g. ticket number); null detects it.</summary>
    public string? CaseColumn { get; init; }

    /// <summary>The column of the activity (or status); null detects it.</summary>
    public string? ActivityColumn { get; init; }

    /// <summary>The column of the (completion) timestamp; null detects it.</summary>
    public string? TimestampColumn { get; init; }

    /// <summary>The column of the start timestamp; null detects it (none is fine).</summary>
    public string? StartTimestampColumn { get; init; }

    /// <summary>The column of the resource (agent, user); null detects it (none is fine).</summary>
    public string? ResourceColumn { get; init; }

    /// <summary>A column with lifecycle transitions (start/complete) to pair into instances; null detects
    /// <c>lifecycle:transition</c> or <c>lifecycle</c>.</summary>
    public string? LifecycleColumn { get; init; }

    /// <summary>Columns that hold one value per case (the first non-missing value of the case is taken; a
    /// different value later in the case is a bad row). Columns named <c>case:…</c> are case attributes too.</summary>
    public IReadOnlyList<string> CaseAttributeColumns { get; init; } = [];

    /// <summary>Columns not to import.</summary>
    public IReadOnlyList<string> IgnoredColumns { get; init; } = [];

    /// <summary>How timestamps are written.</summary>
    public TimestampFormat Timestamps { get; init; } = TimestampFormat.Auto;

    /// <summary>Values that mean "missing" (compared exactly, after trimming spaces).</summary>
    public IReadOnlyList<string> MissingValues { get; init; } = ["", "?", "NULL", "null", "NA", "N/A", "n/a", "NaN"];

    /// <summary>The largest field accepted, in bytes (16 MiB by default); a longer field makes its row a bad row,
    /// reported with its line and column (a row longer than four times this, at least 64 MiB, stops the import).</summary>
    public int MaxFieldBytes { get; init; } = 16 << 20;

    /// <summary>For a .zip holding several files, the name of the entry to read.</summary>
    public string? ZipEntry { get; init; }

    /// <summary>For an .xlsx workbook, the name of the sheet to read; null reads the first sheet.</summary>
    public string? Sheet { get; init; }

    /// <summary>Infer numbers, booleans and timestamps in attribute columns (else all attributes are text).</summary>
    public bool InferAttributeTypes { get; init; } = true;

    /// <summary>Parse in parallel chunks (same result, faster on several cores).</summary>
    public bool Parallel { get; init; } = true;
}

/// <summary>How to read an XES log.</summary>
public sealed record XesLogOptions
{
    /// <summary>
    /// What identifies an activity: null for <c>concept:name</c>, the name of a classifier the log declares
    /// (e.g. <c>Activity classifier</c>), or attribute keys separated by spaces (e.g.
    /// <c>concept:name lifecycle:transition</c>); the values are joined with <c>+</c>.
    /// </summary>
    public string? Classifier { get; init; }

    /// <summary>The zone of dates written without an offset (XES requires one; some tools omit it); null = UTC.</summary>
    public TimeZoneInfo? NaiveTimeZone { get; init; }

    /// <summary>For a .zip holding several files, the name of the entry to read.</summary>
    public string? ZipEntry { get; init; }
}
