using Stepwise.Mining;
using Stepwise.Mining.Discovery;
using Stepwise.Steps.Compliance;
using Stepwise.Steps.Costing;
using Stepwise.Steps.Evidence;
using Stepwise.Steps.Questions;
using Stepwise.Steps.Satisfaction;
using Stepwise.Steps.Value;

namespace Stepwise.Steps.Scorecard;

/// <summary>
/// Assesses every step of a view for satisfaction, cost and compliance, classes it by lean value and raises the
/// questions that challenge it: the entry point the command line and the review domain call.
/// </summary>
public static class StepReview
{
    /// <summary>Runs the review of <paramref name="view"/>.</summary>
    /// <param name="view">The cases in scope.</param>
    /// <param name="options">Feedback, cost model, rules and settings; all optional.</param>
    /// <param name="progress">Receives the fraction done.</param>
    /// <param name="cancellation">Stops the review between parts.</param>
    /// <exception cref="ArgumentException">An attribute named in the options (hand-overs, rates, customer) is not in the log,
    /// or the feedback cannot be linked.</exception>
    public static StepScorecard Assess(LogView view, StepReviewOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        options ??= new StepReviewOptions();
        var evidence = StepEvidenceSet.Compute(view, options.Measure, options.HandoverBy, options.Settings.Questions.Timers);
        progress?.Report(0.2);
        cancellation.ThrowIfCancellationRequested();
        var variants = VariantSet.Discover(view);
        var flow = DirectlyFollowsGraph.Discover(view, options.Measure);
        // The costing leaves out the instances a timer set, with the same thresholds as the scorecard and the questions.
        var timers = options.Settings.Questions.Timers;
        HandlingTimeOptions SameTimers(HandlingTimeOptions handlingOptions) => handlingOptions.Timers is null ? handlingOptions : handlingOptions with { Timers = timers };
        CostReport? cost = options.Cost is null ? null : ActivityCosting.Compute(view, options.Cost with { Handling = SameTimers(options.Cost.Handling) }, options.Measure, variants);
        var handling = cost?.Handling ?? HandlingTimes.Resolve(view, SameTimers(options.Handling), options.Measure);
        progress?.Report(0.4);
        cancellation.ThrowIfCancellationRequested();
        SatisfactionReport? satisfaction = null;
        if (options.Feedback is not null)
        {
            var linked = FeedbackLinker.Link(view, options.Feedback, options.Link);
            satisfaction = SatisfactionAnalysis.Compute(view, linked, options.Satisfaction with { HandoverBy = options.HandoverBy }, variants);
        }

        progress?.Report(0.7);
        cancellation.ThrowIfCancellationRequested();
        var compliance = options.Rules is null ? null : ComplianceAssessment.Check(view, options.Rules, options.Measure);
        var values = ValueClassifier.Suggest(evidence, options.Settings.ValueClasses, compliance);
        var valueAdded = ValueAddedShare.Compute(view, handling, values, evidence.TotalThroughputSeconds);
        var questions = QuestionGenerator.Generate(new QuestionEvidence(evidence, handling, values, flow, cost, satisfaction, compliance), options.Settings.Questions, options.Questions);
        progress?.Report(0.9);
        var steps = new List<StepAssessment>(evidence.Steps.Count);
        foreach (var step in evidence.Steps)
        {
            steps.Add(new StepAssessment(
                step,
                handling.Steps[step.Activity],
                cost?.Find(step.Name),
                satisfaction?.StepGap(step.Name),
                satisfaction?.ReworkGap(step.Name),
                compliance?.Find(step.Name),
                values.First(v => string.Equals(v.Step, step.Name, StringComparison.Ordinal)),
                questions.Count(q => string.Equals(q.Step, step.Name, StringComparison.Ordinal))));
        }

        progress?.Report(1.0);
        return new StepScorecard(steps, evidence, handling, cost, satisfaction, compliance, values, valueAdded, questions);
    }
}
