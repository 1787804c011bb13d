using Stepwise.Statistics.Tabular;

namespace Stepwise.Statistics.Feedback;

/// <summary>How to import a feedback file: its format, its column mapping and how to read values.</summary>
public sealed record FeedbackImportOptions
{
    /// <summary>The delimiter, encoding and size bound of the file.</summary>
    public DelimitedTextOptions Text { get; init; } = new();

    /// <summary>Which column plays which role.</summary>
    public FeedbackColumnMapping Mapping { get; init; } = new();

    /// <summary>Whether roles not given in <see cref="Mapping"/> are detected from the header and the values (on by default).</summary>
    public bool AutoDetect { get; init; } = true;

    /// <summary>The scale of the overall score; detected from the values when <see langword="null"/>.</summary>
    public ScoreScale? OverallScale { get; init; }

    /// <summary>The scale of every item score; detected per item when <see langword="null"/>.</summary>
    public ScoreScale? ItemScale { get; init; }

    /// <summary>Values that mean "no answer" in any column (compared case-insensitively after trimming).</summary>
    public IReadOnlyList<string> MissingMarkers { get; init; } = ["", "NA", "N/A", "n.a.", "null", "none", "?", "-", "#N/A"];

    /// <summary>
    /// Item-score values that mean "not applicable" and are treated as missing (e.g. <c>0</c> in files where 0 is
    /// "not applicable" on a 1-5 scale). They apply to item scores only, never to the overall score.
    /// </summary>
    public IReadOnlyList<string> NotApplicableValues { get; init; } = [];

    /// <summary>Outcome values read as yes; the other value of a two-valued column is read as no.</summary>
    public IReadOnlyList<string> OutcomePositiveValues { get; init; } = ["yes", "y", "true", "1", "satisfied", "recommended", "promoter", "resolved"];

    /// <summary>Outcome values read as no.</summary>
    public IReadOnlyList<string> OutcomeNegativeValues { get; init; } = ["no", "n", "false", "0", "dissatisfied", "neutral or dissatisfied", "not recommended", "detractor", "unresolved"];

    /// <summary>How a value in neither list is read (e.g. "pending" in a status of resolved / escalated / pending).</summary>
    public UnlistedOutcome UnlistedOutcome { get; init; } = UnlistedOutcome.Reject;

    /// <summary>Date formats (.NET custom format strings) to try, in order; ordinal suffixes (1st, 2nd, 23rd) are
    /// removed first. Empty uses ISO-8601 and common day-first formats.</summary>
    public IReadOnlyList<string> DateFormats { get; init; } = [];

    /// <summary>Skip rows with bad values and report each one, instead of rejecting the whole import.</summary>
    public bool SkipBadRows { get; init; }

    /// <summary>How the user asks for <see cref="SkipBadRows"/> (the option as typed, e.g. <c>--feedback-skip-bad-rows</c>),
    /// named in the message that refuses a file with bad rows.</summary>
    public string SkipBadRowsOption { get; init; } = "--skip-bad-rows";

    /// <summary>How many distinct values a text column may have to be detected as a segment.</summary>
    public int MaxSegmentLevels { get; init; } = 30;
}
