using Stepwise.Mining.IO;
using Stepwise.Mining.Time;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Logs;

/// <summary>
/// How to read an event log file: every option of the readers (column mapping, timestamp form and time zone, encoding,
/// delimiter, zip entry, XES classifier, bad rows, missing values, case attributes, expansion bound). Every field left
/// empty is detected from the file. The same request serves every log verb of the command line, an import into a
/// review and any other host, and it is stored with an imported data source (see <see cref="ImportProvenance"/>), so
/// the file can be read again exactly as it was. Field names match the command line's options
/// (<c>timestamp_format</c> is <c>--timestamp-format</c>).
/// </summary>
public sealed record LogReadRequest
{
    /// <summary>The default bound on how far a compressed file may expand, in MB.</summary>
    public const long DefaultMaxExpandedMb = 4096;

    /// <summary>CSV: the case id column.</summary>
    public string? Case { get; init; }

    /// <summary>CSV: the activity (or status) column.</summary>
    public string? Activity { get; init; }

    /// <summary>CSV: the (completion) timestamp column.</summary>
    public string? Timestamp { get; init; }

    /// <summary>CSV: the start timestamp column.</summary>
    public string? StartTimestamp { get; init; }

    /// <summary>CSV: the resource (agent, user) column.</summary>
    public string? Resource { get; init; }

    /// <summary>CSV: the lifecycle (start/complete) column.</summary>
    public string? Lifecycle { get; init; }

    /// <summary>CSV: columns holding one value per case.</summary>
    public IReadOnlyList<string> CaseAttributes { get; init; } = [];

    /// <summary>CSV: columns not to import.</summary>
    public IReadOnlyList<string> IgnoreColumns { get; init; } = [];

    /// <summary>auto, iso, dmy, mdy, epoch-s, epoch-ms, or a pattern such as <c>dd/MM/yyyy HH:mm</c>.</summary>
    public string? TimestampFormat { get; init; }

    /// <summary>The time zone of timestamps written without an offset (IANA id); UTC when empty.</summary>
    public string? Timezone { get; init; }

    /// <summary>CSV: the delimiter (one character, or tab, comma, semicolon, pipe); detected when empty.</summary>
    public string? Delimiter { get; init; }

    /// <summary>CSV: auto, utf-8, utf-16 or latin1.</summary>
    public string? Encoding { get; init; }

    /// <summary>CSV: values meaning missing (default: empty, ?, NULL, NA, N/A, NaN).</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];

    /// <summary>The file to read inside a .zip archive.</summary>
    public string? ZipEntry { get; init; }

    /// <summary>How lifecycle transitions become steps: pair (default, the XES standard lifecycle model), events or classifier.</summary>
    public string? LifecycleMode { get; init; }

    /// <summary>The sheet to read in an .xlsx workbook (default: the first).</summary>
    public string? Sheet { get; init; }

    /// <summary>XES: a classifier the log declares, or attribute keys (e.g. <c>concept:name lifecycle:transition</c>).</summary>
    public string? Classifier { get; init; }

    /// <summary>Import the readable rows and report the others, instead of refusing the file.</summary>
    public bool SkipBadRows { get; init; }

    /// <summary>How the host names these options in its messages (the command line's <c>--case</c> by default; a form
    /// names its own fields). Not part of the request as stored.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ReadOptionNames? Names { get; init; }

    /// <summary>The most a compressed file may expand to, in MB; <see cref="DefaultMaxExpandedMb"/> when null.</summary>
    public long? MaxExpandedMb { get; init; }

    /// <summary>
    /// The most rows (events, for XES) the file may hold; no bound when null. A larger file is refused as too large,
    /// naming the file and the bound, and nothing is imported.
    /// </summary>
    public long? MaxRows { get; init; }

    /// <summary>Checks every field.</summary>
    public Validation Validate()
    {
        var v = new Validation();
        foreach (var (field, value) in new[] { ("case", Case), ("activity", Activity), ("timestamp", Timestamp), ("start_timestamp", StartTimestamp), ("resource", Resource), ("lifecycle", Lifecycle), ("zip_entry", ZipEntry), ("sheet", Sheet), ("classifier", Classifier), ("timestamp_format", TimestampFormat) })
        {
            v.Text(field, value, 400, required: false);
        }

        v.Texts("case_attributes", CaseAttributes).Texts("ignore_columns", IgnoreColumns);
        v.NoControl("missing", string.Concat(Missing));
        v.TimeZone("timezone", Timezone);
        if (Delimiter is not null && ParseDelimiter(Delimiter) is null && !IsAuto(Delimiter))
        {
            v.Add("delimiter", $"'{Delimiter}' is not a delimiter; use one character, or tab, comma, semicolon or pipe.");
        }

        if (ParseEncoding(Encoding) is null)
        {
            v.Add("encoding", $"'{Encoding}' must be auto, utf-8, utf-16 or latin1.");
        }

        if (ParseLifecycle(LifecycleMode) is null)
        {
            v.Add("lifecycle_mode", $"'{LifecycleMode}' must be pair, events or classifier.");
        }

        v.Between("max_expanded_mb", MaxExpandedMb, 1, 1L << 20);
        v.Between("max_rows", MaxRows, 1, Array.MaxLength);
        return v;
    }

    /// <summary>The readers' options for this request.</summary>
    /// <exception cref="StepwiseException">A field is not valid (invalid value, naming every bad field).</exception>
    public EventLogReadOptions ToReadOptions()
    {
        Validate().ThrowIfAny();
        var zone = new Validation().TimeZone("timezone", Timezone);
        var timestamps = string.IsNullOrWhiteSpace(TimestampFormat) ? Mining.Time.TimestampFormat.Auto with { NaiveTimeZone = zone } : Mining.Time.TimestampFormat.Parse(TimestampFormat, zone);
        var csv = new CsvLogOptions
        {
            CaseColumn = Blank(Case),
            ActivityColumn = Blank(Activity),
            TimestampColumn = Blank(Timestamp),
            StartTimestampColumn = Blank(StartTimestamp),
            ResourceColumn = Blank(Resource),
            LifecycleColumn = Blank(Lifecycle),
            CaseAttributeColumns = CaseAttributes,
            IgnoredColumns = IgnoreColumns,
            Timestamps = timestamps,
            Delimiter = ParseDelimiter(Delimiter),
            Encoding = ParseEncoding(Encoding)!.Value,
            ZipEntry = Blank(ZipEntry),
            Sheet = Blank(Sheet),
        };
        if (Missing.Count > 0)
        {
            csv = csv with { MissingValues = Missing };
        }

        return new EventLogReadOptions
        {
            BadRows = SkipBadRows ? BadRowPolicy.Skip : BadRowPolicy.Reject,
            Names = Names ?? ReadOptionNames.CommandLine,
            Lifecycle = ParseLifecycle(LifecycleMode)!.Value,
            MaxExpandedBytes = (MaxExpandedMb ?? DefaultMaxExpandedMb) * 1024 * 1024,
            MaxRows = MaxRows,
            Csv = csv,
            Xes = new XesLogOptions { Classifier = Blank(Classifier), NaiveTimeZone = zone, ZipEntry = Blank(ZipEntry) },
        };
    }

    /// <summary>A delimiter as users type it: one character, or tab, comma, semicolon, pipe; null for detect.</summary>
    public static char? ParseDelimiter(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => null,
        "tab" or "\\t" => '\t',
        "comma" => ',',
        "semicolon" => ';',
        "pipe" => '|',
        _ when text == "\t" => '\t',
        { Length: 1 } one => one[0],
        _ => null,
    };

    private static LifecycleHandling? ParseLifecycle(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "pair" => LifecycleHandling.Pair,
        "events" or "event" => LifecycleHandling.Events,
        "classifier" => LifecycleHandling.Classifier,
        _ => null,
    };

    private static bool IsAuto(string text) => text.Trim().Length == 0 || string.Equals(text.Trim(), "auto", StringComparison.OrdinalIgnoreCase);

    private static TextEncodingChoice? ParseEncoding(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => TextEncodingChoice.Auto,
        "utf-8" or "utf8" => TextEncodingChoice.Utf8,
        "utf-16" or "utf16" or "unicode" => TextEncodingChoice.Utf16,
        "latin1" or "latin-1" or "iso-8859-1" => TextEncodingChoice.Latin1,
        _ => null,
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
