namespace Stepwise.Statistics.Feedback;

/// <summary>
/// Survey responses, QA scorecards or reviews in typed columns, one row per response. Optional roles are
/// <see langword="null"/> when the source has no such column.
/// </summary>
/// <remarks>
/// <see cref="RespondentNames"/> and <see cref="Comments"/> are personal data: names are kept only so that they can be
/// redacted from comments, and comments must be redacted before they are shown or stored in results.
/// </remarks>
public sealed class FeedbackTable
{
    /// <summary>Creates a table; every column must have <paramref name="responseIds"/>.Length rows.</summary>
    /// <exception cref="ArgumentException">A column's length differs.</exception>
    public FeedbackTable(
        string source,
        string[] responseIds,
        int[] sourceLines,
        string?[]? caseIds = null,
        string?[]? customerIds = null,
        DateTime?[]? responseDates = null,
        ScoreColumn? overall = null,
        IReadOnlyList<ScoreColumn>? items = null,
        string?[]? comments = null,
        string?[]? respondentNames = null,
        IReadOnlyList<SegmentColumn>? segments = null,
        IReadOnlyList<MeasureColumn>? measures = null,
        bool?[]? outcome = null,
        string? outcomeName = null)
    {
        ArgumentNullException.ThrowIfNull(responseIds);
        ArgumentNullException.ThrowIfNull(sourceLines);
        int n = responseIds.Length;
        Check(sourceLines.Length, n, "source lines");
        Check(caseIds?.Length, n, "case ids");
        Check(customerIds?.Length, n, "customer ids");
        Check(responseDates?.Length, n, "response dates");
        Check(overall?.Values.Count, n, "overall scores");
        Check(comments?.Length, n, "comments");
        Check(respondentNames?.Length, n, "respondent names");
        Check(outcome?.Length, n, "outcome");
        foreach (var item in items ?? [])
        {
            Check(item.Values.Count, n, item.Name);
        }

        foreach (var segment in segments ?? [])
        {
            Check(segment.Codes.Count, n, segment.Name);
        }

        foreach (var measure in measures ?? [])
        {
            Check(measure.Values.Count, n, measure.Name);
        }

        Source = source;
        ResponseIds = responseIds;
        SourceLines = sourceLines;
        CaseIds = caseIds;
        CustomerIds = customerIds;
        ResponseDates = responseDates;
        Overall = overall;
        Items = items ?? [];
        Comments = comments;
        RespondentNames = respondentNames;
        Segments = segments ?? [];
        Measures = measures ?? [];
        Outcome = outcome;
        OutcomeName = outcome is null ? null : outcomeName ?? "outcome";
    }

    /// <summary>The file the responses came from.</summary>
    public string Source { get; }

    /// <summary>The number of responses.</summary>
    public int Count => ResponseIds.Count;

    /// <summary>The response (respondent, review, scorecard) id of each row; the row number when the source has none.</summary>
    public IReadOnlyList<string> ResponseIds { get; }

    /// <summary>The line of the source file on which each response starts.</summary>
    public IReadOnlyList<int> SourceLines { get; }

    /// <summary>The case (ticket, contact) each response is about, to link it to an event log.</summary>
    public IReadOnlyList<string?>? CaseIds { get; }

    /// <summary>The customer who responded, to link by customer and time window.</summary>
    public IReadOnlyList<string?>? CustomerIds { get; }

    /// <summary>When each response was given (as written in the file, no time-zone conversion).</summary>
    public IReadOnlyList<DateTime?>? ResponseDates { get; }

    /// <summary>The overall score (satisfaction, rating, likelihood to recommend), if any.</summary>
    public ScoreColumn? Overall { get; }

    /// <summary>The item scores (one per service feature asked about).</summary>
    public IReadOnlyList<ScoreColumn> Items { get; }

    /// <summary>The free-text comment of each response (several source columns joined), unredacted.</summary>
    public IReadOnlyList<string?>? Comments { get; }

    /// <summary>The respondent's name where the source has one; used only to redact it from comments.</summary>
    public IReadOnlyList<string?>? RespondentNames { get; }

    /// <summary>Grouping attributes.</summary>
    public IReadOnlyList<SegmentColumn> Segments { get; }

    /// <summary>Numeric attributes that are not ratings.</summary>
    public IReadOnlyList<MeasureColumn> Measures { get; }

    /// <summary>A yes/no outcome (would recommend, satisfied, resolved at first contact); null where missing.</summary>
    public IReadOnlyList<bool?>? Outcome { get; }

    /// <summary>The name of the outcome column.</summary>
    public string? OutcomeName { get; }

    /// <summary>The item named <paramref name="name"/> (case-insensitive), or the overall score by its name.</summary>
    public ScoreColumn? FindScore(string name)
    {
        if (Overall is not null && string.Equals(Overall.Name, name, StringComparison.OrdinalIgnoreCase))
        {
            return Overall;
        }

        foreach (var item in Items)
        {
            if (string.Equals(item.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return item;
            }
        }

        return null;
    }

    /// <summary>The segment named <paramref name="name"/> (case-insensitive), or <see langword="null"/>.</summary>
    public SegmentColumn? FindSegment(string name)
    {
        foreach (var segment in Segments)
        {
            if (string.Equals(segment.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return segment;
            }
        }

        return null;
    }

    private static void Check(int? length, int expected, string what)
    {
        if (length is int l && l != expected)
        {
            throw new ArgumentException($"The {what} column has {l} rows; {expected} were expected.");
        }
    }
}
