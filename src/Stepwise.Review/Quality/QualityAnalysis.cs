using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;

namespace Stepwise.Review.Quality;

/// <summary>
/// The analysis of one imported feedback file: the results of the planned metrics against their targets with
/// intervals, the key drivers of satisfaction with the importance-performance grid, and the themes of the comments
/// with redacted quotes. It names the data source and the SHA-256 of the data, so every figure can be recomputed.
/// </summary>
public sealed record QualityAnalysis : IArtefact
{
    /// <inheritdoc />
    public static ArtefactKind Kind => ArtefactKind.QualityAnalysis;

    /// <inheritdoc />
    public required Guid Id { get => field; init => field = Guard.Id(value, "Analysis id"); }

    /// <summary>A title, unique in the review, e.g. "Passenger survey, test split".</summary>
    public required string Title { get => field; init => field = Guard.Text(value, "Analysis title", 200); }

    /// <summary>The imported data source analysed.</summary>
    public required Guid DataSourceId { get => field; init => field = Guard.Id(value, "Analysed data source"); }

    /// <summary>The file's name.</summary>
    public required string File { get => field; init => field = Guard.Text(value, "Analysed file", 400); }

    /// <summary>The SHA-256 of the file.</summary>
    public required ContentHash DataHash { get => field; init => field = value.IsEmpty ? throw new ReviewRuleException("An analysis must name the hash of its data.") : value; }

    /// <summary>Responses analysed.</summary>
    public required int Responses { get => field; init => field = value < 1 ? throw new ReviewRuleException("An analysis needs at least one response.") : value; }

    /// <summary>The sample the responses answer, if any.</summary>
    public Guid? SampleId { get; init; }

    /// <summary>The confidence level of every interval and verdict.</summary>
    public required double Confidence { get => field; init => field = value is > 0 and < 1 ? value : throw new ReviewRuleException("The confidence level must lie between 0 and 1."); }

    /// <summary>When it was computed.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The planned metrics measured, against their targets.</summary>
    public IReadOnlyList<QualityResult> Results { get => field; init => field = Guard.List(value, "Results"); } = [];

    /// <summary>Planned metrics the data could not measure, with the reason.</summary>
    public IReadOnlyList<UnmeasuredMetric> Unmeasured { get => field; init => field = Guard.List(value, "Unmeasured metrics"); } = [];

    /// <summary>What the drivers explain (the overall score or outcome), if drivers were computed.</summary>
    public string? DriversOf { get => field; init => field = Guard.OptionalText(value, "What the drivers explain", 200); }

    /// <summary>Where the grid splits performance (on the items' scale).</summary>
    public double? PerformanceSplit { get; init; }

    /// <summary>Where the grid splits importance (an equal share).</summary>
    public double? ImportanceSplit { get; init; }

    /// <summary>The key drivers, most important first.</summary>
    public IReadOnlyList<DriverResult> Drivers { get => field; init => field = Guard.List(value, "Drivers"); } = [];

    /// <summary>The responses the drivers were worked out on: those that scored every modelled feature and what the
    /// drivers explain (null for analyses recorded before it was kept).</summary>
    public int? DriversModelCount { get; init; }

    /// <summary>The share of the variation of what the drivers explain that the modelled features explain together (R²).</summary>
    public double? DriversRSquared { get; init; }

    /// <summary>Features left out of the drivers' model, with their scores and why.</summary>
    public IReadOnlyList<LeftOutDriver> DriversLeftOut { get => field; init => field = Guard.List(value, "Features left out of the drivers"); } = [];

    /// <summary>The themes of the comments, most frequent first.</summary>
    public IReadOnlyList<CommentTheme> Themes { get => field; init => field = Guard.List(value, "Themes"); } = [];

    /// <summary>The planned metrics measured on each value of each segment column (team, channel...), so each team
    /// sees its own results; empty when the file has no segment column.</summary>
    public IReadOnlyList<SegmentTargetResults> SegmentTargets { get => field; init => field = Guard.List(value, "Segment targets"); } = [];

    /// <summary>Comments analysed for themes and sentiment.</summary>
    public int Comments { get; init; }

    /// <summary>What the themes' scores are (the overall score's or the outcome's name), when they were compared.</summary>
    public string? ThemeScoreOf { get => field; init => field = Guard.OptionalText(value, "What the theme scores are", 200); }

    /// <summary>Whether the themes' scores are shares answering yes (0..1) rather than mean overall scores.</summary>
    public bool ThemeScoreIsShare { get; init; }

    /// <summary>How many comparisons of a group with the rest the segments' p-values were adjusted over together (Holm):
    /// every measure compared, a segment of two groups counted once (null for analyses recorded before it was kept).</summary>
    public int? SegmentComparisons { get; init; }

    /// <summary>The measures the groups were compared on (the outcome, the overall score).</summary>
    public IReadOnlyList<string> SegmentComparedOn { get => field; init => field = Guard.List(value, "Measures the segments were compared on"); } = [];

    /// <summary>Each group of each segment of the responses on the outcome share or the overall score, with its interval.</summary>
    public IReadOnlyList<SegmentResult> Segments { get => field; init => field = Guard.List(value, "Segments"); } = [];

    /// <summary>Of each segment column, all the responses with a value in it and those without, on the segments'
    /// measure, so the base of the groups is said and the responses left out are shown (empty for analyses recorded
    /// before it was kept).</summary>
    public IReadOnlyList<SegmentBase> SegmentBases { get => field; init => field = Guard.List(value, "Segment bases"); } = [];

    /// <summary>What the trend charts (e.g. "Recommended share per quarter"), when the responses have dates.</summary>
    public string? TrendOf { get => field; init => field = Guard.OptionalText(value, "What the trend charts", 200); }

    /// <summary>Whether <see cref="Trend"/> holds shares (a p-chart) rather than means (an XmR chart).</summary>
    public bool TrendIsShare { get; init; }

    /// <summary>The trend by period, oldest first (empty when the responses have no dates).</summary>
    public IReadOnlyList<TrendPoint> Trend { get => field; init => field = Guard.List(value, "Trend"); } = [];

    /// <summary>The column the responses are dated by (as read with the file), when they have dates.</summary>
    public string? DateColumn { get => field; init => field = Guard.OptionalText(value, "Date column", 400); }

    /// <summary>The period of <see cref="Periods"/>: month, quarter or year, chosen so that periods hold enough responses.</summary>
    public string? PeriodGrain { get => field; init => field = Guard.OptionalText(value, "Period grain", 40); }

    /// <summary>The outcome's name in <see cref="Periods"/> (e.g. Recommended), when the feedback has one.</summary>
    public string? PeriodOutcome { get => field; init => field = Guard.OptionalText(value, "Outcome by period", 200); }

    /// <summary>The overall score's name in <see cref="Periods"/>, when the feedback has one.</summary>
    public string? PeriodOverall { get => field; init => field = Guard.OptionalText(value, "Overall score by period", 200); }

    /// <summary>The responses by the period of their own date, oldest first (empty when the responses have no dates or
    /// for analyses recorded before it was kept).</summary>
    public IReadOnlyList<ResponsePeriod> Periods { get => field; init => field = Guard.List(value, "Periods"); } = [];

    /// <summary>Responses without a date (left out of <see cref="Periods"/>).</summary>
    public int UndatedResponses { get; init; }

    /// <summary>The latest periods against the earlier ones, a line for each measure of <see cref="Periods"/>.</summary>
    public IReadOnlyList<PeriodChange> PeriodChanges { get => field; init => field = Guard.List(value, "Changes over the periods"); } = [];
}
