using System.Globalization;
using Stepwise.Steps.Scorecard;
using Stepwise.Workbench.Analyses;
using Stepwise.Workbench.Logs;

namespace Stepwise.Workbench.Steps;

/// <summary>Runs the step assessment on a selection of a log with a request's inputs, the same for a file or a review's data.</summary>
public static class StepReviews
{
    /// <summary>Reads the request's files, checks the attributes it names, and assesses every step.</summary>
    /// <exception cref="Problems.StepwiseException">A field is not valid, or names an attribute the log lacks.</exception>
    public static StepRun Assess(LogSelection log, StepReviewRequest request, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(request);
        var (options, warnings) = request.Build(log.Measure);
        LogAnalyses.RequireAttribute(log, options.HandoverBy, "handover_by");
        if (options.Link.CustomerAttribute is { } customer)
        {
            LogAnalyses.RequireAttribute(log, customer, "customer_attribute");
        }

        var scorecard = StepReview.Assess(log.View, options, progress, cancellationToken);
        var all = new List<string>(warnings);
        if (scorecard.Satisfaction is { ScoredCases: 0 } unscored)
        {
            all.Add(string.Create(CultureInfo.InvariantCulture, $"none of the {unscored.Link.Outcomes.Count:N0} responses of {Path.GetFileName(request.Feedback)} linked to a scored case of the log; the feedback_link table (--show satisfaction) says why."));
        }

        return new StepRun(scorecard, options, all);
    }
}

/// <summary>A step assessment: the scorecard, the options it ran with, and warnings for the user.</summary>
/// <param name="Scorecard">The scorecard.</param>
/// <param name="Options">The options it ran with.</param>
/// <param name="Warnings">Warnings (skipped feedback rows, responses that did not link).</param>
public sealed record StepRun(StepScorecard Scorecard, StepReviewOptions Options, IReadOnlyList<string> Warnings);
