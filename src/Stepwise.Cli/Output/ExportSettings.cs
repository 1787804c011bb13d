namespace Stepwise.Cli.Output;

/// <summary>How results are printed beyond their format: the terminal width tables fit, and how CSV is written and
/// where a result of several tables goes.</summary>
public sealed record ExportSettings
{
    /// <summary>The defaults: tables fit 120 columns, standard CSV to standard output.</summary>
    public static ExportSettings Default { get; } = new();

    /// <summary>The widest a text table may be, in characters; null for no limit (<c>--wide</c>).</summary>
    public int? Width { get; init; } = 120;

    /// <summary>The CSV dialect.</summary>
    public CsvDialect Csv { get; init; } = CsvDialect.Standard;

    /// <summary>Where CSV goes when it is not standard output: a folder (one file per table) or a <c>.zip</c> file.</summary>
    public string? CsvTarget { get; init; }

    /// <summary>Whether durations are working time, so text shows them in working hours (<c>76h 00m</c>) and never
    /// in days, which a reader takes for calendar days.</summary>
    public bool WorkingTime { get; init; }
}
