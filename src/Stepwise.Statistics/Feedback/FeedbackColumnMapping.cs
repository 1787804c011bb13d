namespace Stepwise.Statistics.Feedback;

/// <summary>
/// Which source column plays which role. A role left <see langword="null"/> (or an empty list) is detected from the
/// header and the values when <see cref="FeedbackImportOptions.AutoDetect"/> is on, and absent otherwise.
/// </summary>
public sealed record FeedbackColumnMapping
{
    /// <summary>The response (respondent, review, scorecard) id column.</summary>
    public string? ResponseId { get; init; }

    /// <summary>The case (ticket, contact) id column.</summary>
    public string? CaseId { get; init; }

    /// <summary>The customer id column.</summary>
    public string? CustomerId { get; init; }

    /// <summary>The response date column.</summary>
    public string? Date { get; init; }

    /// <summary>The overall score column.</summary>
    public string? Overall { get; init; }

    /// <summary>The item score columns.</summary>
    public IReadOnlyList<string> Items { get; init; } = [];

    /// <summary>The comment columns, joined in this order (e.g. a review's title and its body).</summary>
    public IReadOnlyList<string> Comments { get; init; } = [];

    /// <summary>The respondent name column (kept only to redact names from comments).</summary>
    public string? RespondentName { get; init; }

    /// <summary>The segment (grouping) columns.</summary>
    public IReadOnlyList<string> Segments { get; init; } = [];

    /// <summary>Numeric columns that are not ratings (delays, handling times).</summary>
    public IReadOnlyList<string> Measures { get; init; } = [];

    /// <summary>The yes/no outcome column (recommended, satisfied, resolved).</summary>
    public string? Outcome { get; init; }

    /// <summary>Columns never to use for any role (detected or not).</summary>
    public IReadOnlyList<string> Ignore { get; init; } = [];
}
