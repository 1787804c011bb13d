using Stepwise.Statistics.Control;
using Stepwise.Statistics.Feedback;
using Stepwise.Statistics.Findings;
using Stepwise.Statistics.Plans;
using Stepwise.Statistics.Targets;
using Stepwise.Text.Privacy;
using Stepwise.Text.Themes;

namespace Stepwise.Workbench.Survey;

/// <summary>What to analyse in a feedback file, and how.</summary>
public sealed record SurveyRequest
{
    /// <summary>The parts to compute.</summary>
    public SurveySection Sections { get; init; } = SurveySection.Summary | SurveySection.Drivers | SurveySection.Themes | SurveySection.Targets;

    /// <summary>The confidence level of every interval and verdict.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>Targets to check.</summary>
    public IReadOnlyList<Target> Targets { get; init; } = [];

    /// <summary>A measurement plan whose measures are checked too.</summary>
    public MeasurementPlan? Plan { get; init; }

    /// <summary>The theme dictionary (the default customer-service themes when null).</summary>
    public ThemeDictionary? Themes { get; init; }

    /// <summary>How many themes to discover from the comments.</summary>
    public int DiscoverThemes { get; init; } = 8;

    /// <summary>The seed of the grouping of comments into discovered themes.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Words never used in discovered themes (e.g. the organisation's own name).</summary>
    public IReadOnlyList<string> ExcludeWords { get; init; } = [];

    /// <summary>Where the importance-performance grid splits performance: a score on the items' scale or a percentage
    /// of the scale; the scale midpoint when null.</summary>
    public string? PerformanceTarget { get; init; }

    /// <summary>Segments to compare (all when empty).</summary>
    public IReadOnlyList<string> Segments { get; init; } = [];

    /// <summary>The period of the trend; chosen from the span of the dates when null.</summary>
    public Period? Period { get; init; }

    /// <summary>Replaces response ids in the output with keyed pseudonyms when set.</summary>
    public Pseudonymiser? Pseudonymiser { get; init; }

    /// <summary>Owners and deadlines of recommended actions.</summary>
    public ActionPolicy Policy { get; init; } = new();

    /// <summary>The date actions are planned from.</summary>
    public DateOnly Today { get; init; }
}
