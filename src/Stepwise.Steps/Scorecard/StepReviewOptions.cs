using Stepwise.Mining.Time;
using Stepwise.Statistics.Feedback;
using Stepwise.Steps.Compliance;
using Stepwise.Steps.Costing;
using Stepwise.Steps.Evidence;
using Stepwise.Steps.Questions;
using Stepwise.Steps.Satisfaction;

namespace Stepwise.Steps.Scorecard;

/// <summary>What a step review uses besides the log; every part but the log is optional.</summary>
public sealed record StepReviewOptions
{
    /// <summary>How durations are measured (elapsed or a working calendar, which rules can use as <c>working</c>).</summary>
    public DurationMeasure Measure { get; init; } = DurationMeasure.Elapsed;

    /// <summary>The attribute hand-overs are counted between.</summary>
    public string HandoverBy { get; init; } = "org:resource";

    /// <summary>Survey responses to link to cases, or null.</summary>
    public FeedbackTable? Feedback { get; init; }

    /// <summary>How responses are linked to cases.</summary>
    public FeedbackLinkOptions Link { get; init; } = new();

    /// <summary>How satisfaction is compared (its hand-over attribute is taken from <see cref="HandoverBy"/>).</summary>
    public SatisfactionOptions Satisfaction { get; init; } = new();

    /// <summary>Rates, standard times and fixed costs, or null for no costing.</summary>
    public CostModel? Cost { get; init; }

    /// <summary>Standard times and the estimate used for handling time when there is no cost model.</summary>
    public HandlingTimeOptions Handling { get; init; } = new();

    /// <summary>Compliance rules, or null.</summary>
    public RulePack? Rules { get; init; }

    /// <summary>Question thresholds and the value classes set by the user.</summary>
    public StepSettings Settings { get; init; } = StepSettings.Default;

    /// <summary>Answers, the user's own questions and options, or null.</summary>
    public QuestionBook? Questions { get; init; }
}
