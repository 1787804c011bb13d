using Stepwise.Mining.IO;
using Stepwise.Review.Common;

namespace Stepwise.Workbench.Logs;

/// <summary>
/// How a data file was read, as stored with its data source (canonical JSON) beside the file's SHA-256: the options
/// asked for, and what the reader detected or decided (format, encoding, delimiter, timestamp form, the column
/// mapping, rows read and skipped). Reading the same bytes with <see cref="Requested"/> gives the same log, so every
/// figure computed on it can be computed again.
/// </summary>
public sealed record ImportProvenance
{
    /// <summary>The read options as asked for (empty fields were detected).</summary>
    public required LogReadRequest Requested { get; init; }

    /// <summary>What the reader detected and decided.</summary>
    public required DetectedLayout Detected { get; init; }

    /// <summary>The reader that read it, e.g. <c>stepwise 1.0.0.0</c>.</summary>
    public string Reader { get; init; } = "stepwise " + typeof(ImportProvenance).Assembly.GetName().Version;

    /// <summary>The provenance of an import.</summary>
    public static ImportProvenance Of(LogReadRequest requested, ImportReport report)
    {
        ArgumentNullException.ThrowIfNull(requested);
        ArgumentNullException.ThrowIfNull(report);
        return new ImportProvenance
        {
            Requested = requested,
            Detected = new DetectedLayout
            {
                Format = report.Format.ToString().ToLowerInvariant(),
                Encoding = report.Encoding,
                Delimiter = report.Delimiter switch
                {
                    null => null,
                    '\t' => "tab",
                    char c => c.ToString(),
                },
                TimestampForm = report.TimestampFormat,
                Mapping = report.Mapping,
                Bytes = report.Bytes,
                RowsRead = report.RowsRead,
                RowsSkipped = report.SkippedRows,
                Events = report.Events,
                Cases = report.Cases,
                PairedLifecycles = report.PairedLifecycles,
                Lifecycle = string.Join(" ", report.Lifecycle.Describe()) is { Length: > 0 } lifecycle ? lifecycle : report.Lifecycle.HasTransitions ? "every event is a step (complete events only)" : "no lifecycle transitions",
                Suspensions = report.Lifecycle.Suspensions,
                CasesReordered = report.CasesReordered,
                Warnings = report.Warnings,
                SkippedRowProblems = [.. report.Issues.Take(100).Select(i => i.ToString())],
            },
        };
    }

    /// <summary>The canonical JSON stored with the data source.</summary>
    public string ToJson() => CanonicalJson.Serialize(this);

    /// <summary>Reads stored provenance back, or null when the data source was imported before provenance was recorded this way.</summary>
    public static ImportProvenance? Parse(string json)
    {
        try
        {
            return string.IsNullOrWhiteSpace(json) || json == "{}" ? null : CanonicalJson.Deserialize<ImportProvenance>(json, "import options");
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}

/// <summary>What a reader detected or decided about a file.</summary>
public sealed record DetectedLayout
{
    /// <summary>csv or xes.</summary>
    public required string Format { get; init; }

    /// <summary>The text encoding (CSV).</summary>
    public string? Encoding { get; init; }

    /// <summary>The delimiter (CSV).</summary>
    public string? Delimiter { get; init; }

    /// <summary>The timestamp form, e.g. <c>day-first (13/02/2016 09:21)</c>.</summary>
    public string? TimestampForm { get; init; }

    /// <summary>Which column or attribute became case, activity, timestamps, resource, ...</summary>
    public IReadOnlyList<string> Mapping { get; init; } = [];

    /// <summary>Bytes read (after decompression).</summary>
    public long Bytes { get; init; }

    /// <summary>Rows (events) read.</summary>
    public long RowsRead { get; init; }

    /// <summary>Rows skipped as unreadable (only with <see cref="LogReadRequest.SkipBadRows"/>).</summary>
    public long RowsSkipped { get; init; }

    /// <summary>Events in the log.</summary>
    public int Events { get; init; }

    /// <summary>Cases in the log.</summary>
    public int Cases { get; init; }

    /// <summary>Start/complete pairs joined into one event with a start time.</summary>
    public long PairedLifecycles { get; init; }

    /// <summary>How lifecycle transitions were read into steps, in words.</summary>
    public string? Lifecycle { get; init; }

    /// <summary>Suspensions (suspend to resume) left out of service time.</summary>
    public long Suspensions { get; init; }

    /// <summary>Cases whose events were not in time order in the file.</summary>
    public int CasesReordered { get; init; }

    /// <summary>The reader's warnings.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The first 100 rows skipped, each with its line, column and reason.</summary>
    public IReadOnlyList<string> SkippedRowProblems { get; init; } = [];
}
