using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;
using Stepwise.Mining;
using Stepwise.Review.Common;
using Stepwise.Steps.Scorecard;

namespace Stepwise.Cli.Commands;

/// <summary>One run of the step review from the command line: the log read (or the review's stored, scoped log), the
/// options read, the scorecard, and what was saved in the review.</summary>
internal sealed record StepsRun(LogView View, StepScorecard Scorecard, StepsReport.Inputs Inputs, ResultRecord? Recorded)
{
    /// <summary>Reads the inputs, runs the review, and saves the results when a review is named.</summary>
    public static StepsRun Execute(ParseResult parse, CliContext context, LogInput input, StepsInput steps, StepsRecorder? recorder, CancellationToken cancellation)
    {
        string path = input.PathOf(parse);
        var measure = input.Measure(parse);
        var options = steps.Options(parse, context, measure);
        string hash = ContentHash.OfFile(path).Hex;
        using var session = recorder?.Open(parse);
        LogView view;
        if (session is not null)
        {
            if (input.Filter(parse) is not null)
            {
                throw new UserError("With --review the cases are the review's agreed scope; leave out the filter options (change the scope with 'stepwise review scope').");
            }

            view = ProgressDisplay.Run(context, "Loading the review's log", _ => session.ScopedView(path, cancellation));
        }
        else
        {
            view = input.Load(parse, context, cancellation).View;
        }

        StepsInput.CheckAttributes(view.Log, options);
        var scorecard = ProgressDisplay.Run(context, "Assessing steps", progress => StepReview.Assess(view, options, progress, cancellation));
        if (scorecard.Satisfaction is { ScoredCases: 0 } unscored)
        {
            context.Warn($"none of the {unscored.Link.Outcomes.Count:N0} responses of {Path.GetFileName(steps.FeedbackPath(parse))} linked to a scored case of the log; the feedback_link table (--show satisfaction) says why.");
        }

        var inputs = new StepsReport.Inputs(path, hash, steps.FeedbackPath(parse), steps.RatesPath(parse), steps.RulesOption(parse));
        var recorded = session?.Record(scorecard, inputs, options);
        return new StepsRun(view, scorecard, inputs, recorded);
    }
}
