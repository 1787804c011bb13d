namespace Stepwise.Mining.IO;

/// <summary>
/// The names under which the user sets each read option, used in messages so that an error names the option as the
/// user types it (<c>--case</c>, <c>--skip-bad-rows</c>). The defaults are the command line's; a host with other
/// names (a form's field labels) sets its own.
/// </summary>
public sealed record ReadOptionNames
{
    /// <summary>The command line's names.</summary>
    public static ReadOptionNames CommandLine { get; } = new();

    /// <summary>The case id column.</summary>
    public string Case { get; init; } = "--case";

    /// <summary>The activity column.</summary>
    public string Activity { get; init; } = "--activity";

    /// <summary>The (completion) timestamp column.</summary>
    public string Timestamp { get; init; } = "--timestamp";

    /// <summary>The start timestamp column.</summary>
    public string StartTimestamp { get; init; } = "--start-timestamp";

    /// <summary>The resource column.</summary>
    public string Resource { get; init; } = "--resource";

    /// <summary>The lifecycle transition column.</summary>
    public string Lifecycle { get; init; } = "--lifecycle";

    /// <summary>How lifecycle transitions become steps.</summary>
    public string LifecycleHandling { get; init; } = "--lifecycle-mode";

    /// <summary>The case attribute columns.</summary>
    public string CaseAttributes { get; init; } = "--case-attributes";

    /// <summary>The columns not to import.</summary>
    public string IgnoredColumns { get; init; } = "--ignore-columns";

    /// <summary>How timestamps are written.</summary>
    public string TimestampFormat { get; init; } = "--timestamp-format";

    /// <summary>The time zone of naive timestamps.</summary>
    public string TimeZone { get; init; } = "--timezone";

    /// <summary>The delimiter.</summary>
    public string Delimiter { get; init; } = "--delimiter";

    /// <summary>The text encoding.</summary>
    public string Encoding { get; init; } = "--encoding";

    /// <summary>The entry of a zip archive.</summary>
    public string ZipEntry { get; init; } = "--zip-entry";

    /// <summary>The sheet of a workbook.</summary>
    public string Sheet { get; init; } = "--sheet";

    /// <summary>The XES classifier.</summary>
    public string Classifier { get; init; } = "--classifier";

    /// <summary>Skipping bad rows.</summary>
    public string SkipBadRows { get; init; } = "--skip-bad-rows";

    /// <summary>The expansion limit of compressed files.</summary>
    public string MaxExpanded { get; init; } = "--max-expanded-mb";

    /// <summary>The row (event) limit of one file.</summary>
    public string MaxRows { get; init; } = "--max-rows";
}
