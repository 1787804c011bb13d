using Stepwise.Statistics.Drivers;
using Stepwise.Statistics.Estimates;
using Stepwise.Statistics.Feedback;
using Stepwise.Statistics.Segments;
using Stepwise.Statistics.Targets;
using Stepwise.Workbench.Survey;

namespace Stepwise.Web.Api.Files;

/// <summary>What the survey analysis of an uploaded file found; nothing of it is kept on the server.</summary>
/// <param name="File">The file's name as uploaded.</param>
/// <param name="Responses">Responses analysed.</param>
/// <param name="RowsRead">Rows in the file after the header.</param>
/// <param name="RowsSkipped">Rows skipped as bad (with read.skip_bad_rows).</param>
/// <param name="Encoding">The encoding the file was read in.</param>
/// <param name="Mapping">Which column played which role.</param>
/// <param name="Notes">Decisions the reader made (scales, date formats, outcome values).</param>
/// <param name="Measures">Means with t intervals, top-2-box and yes shares with Wilson intervals, NPS.</param>
/// <param name="Targets">Each target against its interval: met, missed or undecided.</param>
/// <param name="Drivers">Key drivers and the importance-performance grid (null when not asked for or not computable).</param>
/// <param name="Sentiment">Shares of positive, neutral and negative comments.</param>
/// <param name="Themes">Themes of the comments with redacted quotes.</param>
/// <param name="Segments">Differences between segments, Holm-adjusted.</param>
public sealed record SurveyView(
    string File,
    int Responses,
    int RowsRead,
    int RowsSkipped,
    string? Encoding,
    FeedbackColumnMapping Mapping,
    IReadOnlyList<string> Notes,
    IReadOnlyList<SurveyMeasure> Measures,
    IReadOnlyList<TargetView> Targets,
    DriverAnalysis? Drivers,
    SentimentView? Sentiment,
    IReadOnlyList<ThemeView> Themes,
    IReadOnlyList<SegmentDifference> Segments)
{
    /// <summary>The view of a result.</summary>
    public static SurveyView Of(SurveyResult result, string fileName)
    {
        ArgumentNullException.ThrowIfNull(result);
        var import = result.Import;
        return new SurveyView(
            fileName,
            import.Table.Count,
            import.RowsRead,
            import.BadRows.Count,
            import.Encoding,
            import.Mapping,
            import.Notes,
            result.Measures,
            [.. result.Targets.Select(t => TargetView.Of(t.Measure?.Feature.Name, t.Assessment))],
            result.Drivers,
            result.Sentiment is { } s ? new SentimentView(s.Positive, s.Neutral, s.Negative, s.Mean, s.Comments) : null,
            [.. result.Themes.Select(ThemeView.Of)],
            result.Segments);
    }
}

/// <summary>A target checked against its interval.</summary>
/// <param name="Target">The target as written, e.g. <c>csat &gt;= 0.8</c>.</param>
/// <param name="Measure">The planned measure it comes from, if any.</param>
/// <param name="Subject">What was measured (column or outcome).</param>
/// <param name="Estimate">The value with its interval and the number of answers.</param>
/// <param name="Verdict">met_with_confidence, missed_with_confidence or undecided.</param>
/// <param name="Gap">How far the value is from the target (positive when met).</param>
public sealed record TargetView(string Target, string? Measure, string Subject, Estimate Estimate, TargetVerdict Verdict, double Gap)
{
    internal static TargetView Of(string? measure, TargetAssessment assessment)
        => new(assessment.Target.ToString(), measure, assessment.Subject, assessment.Estimate, assessment.Verdict, assessment.Gap);
}

/// <summary>The sentiment of the comments.</summary>
/// <param name="Positive">Share of positive comments.</param>
/// <param name="Neutral">Share of neutral comments.</param>
/// <param name="Negative">Share of negative comments.</param>
/// <param name="Mean">Mean sentiment score (-1 to 1).</param>
/// <param name="Comments">Comments scored.</param>
public sealed record SentimentView(double Positive, double Neutral, double Negative, double Mean, int Comments);

/// <summary>A theme of the comments.</summary>
/// <param name="Name">The theme.</param>
/// <param name="Discovered">Whether it was discovered from the comments (not from the dictionary).</param>
/// <param name="Comments">Comments in it.</param>
/// <param name="Share">Their share of all comments.</param>
/// <param name="MeanSentiment">Their mean sentiment.</param>
/// <param name="NegativeShare">The share of them that are negative.</param>
/// <param name="ScoreName">What was compared (the overall score, or the outcome).</param>
/// <param name="InTheme">Mean score (or yes share) of comments in the theme.</param>
/// <param name="Rest">Mean score (or yes share) of the other comments.</param>
/// <param name="AdjustedPValue">The p-value of the difference, Holm-adjusted over the themes.</param>
/// <param name="Quotes">Quotes with personal data removed, with the response id (a keyed pseudonym when a key was given).</param>
public sealed record ThemeView(string Name, bool Discovered, int Comments, double Share, double MeanSentiment, double NegativeShare, string? ScoreName, double InTheme, double Rest, double AdjustedPValue, IReadOnlyList<QuoteView> Quotes)
{
    internal static ThemeView Of(SurveyTheme theme)
    {
        var r = theme.Result;
        return new ThemeView(r.Theme.Name, r.Theme.Discovered, r.Comments.Count, r.Share, r.MeanSentiment, r.NegativeShare, theme.ScoreName, theme.InTheme, theme.Rest, theme.AdjustedPValue,
            [.. r.Quotes.Select((q, i) => new QuoteView(q.Text, i < theme.QuoteIds.Count ? theme.QuoteIds[i] : null, q.Sentiment))]);
    }
}

/// <summary>A quote.</summary>
/// <param name="Text">The comment, personal data removed.</param>
/// <param name="ResponseId">The response it comes from.</param>
/// <param name="Sentiment">Its sentiment score.</param>
public sealed record QuoteView(string Text, string? ResponseId, double Sentiment);
