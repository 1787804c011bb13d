using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;
using Stepwise.Mining;
using Stepwise.Review.Common;
using Stepwise.Steps.Scorecard;
using Stepwise.Workbench.Logs;
using Stepwise.Workbench.Steps;

namespace Stepwise.Cli.Commands;

/// <summary>One run of the step review from the command line: the log read (or the review's stored, scoped log), the
/// scorecard, and, when <c>save</c> and a review is named, what was saved in it.</summary>
internal sealed record StepsRun(LogView View, StepScorecard Scorecard, StepsReport.Inputs Inputs, ResultRecord? Recorded)
{
    /// <summary>Reads the inputs, runs the review through the use-case layer, and saves the results when asked.</summary>
    public static StepsRun Execute(ParseResult parse, CliContext context, LogInput input, StepsInput steps, bool save, CancellationToken cancellation)
    {
        var request = steps.Request(parse);
        request.Validate().ThrowIfAny();
        if (input.ReviewOf(parse) is { } reviewText)
        {
            using var session = input.OpenSession(parse);
            Guid reviewId = session.ResolveReview(reviewText);
            var data = input.AnalysisRequest(parse, session, reviewId, withFilters: !save);
            if (save && !input.FilterRequest(parse).IsEmpty)
            {
                throw new UserError("With --review the assessment is made on the review's agreed scope; leave out the filter options (change the scope with 'stepwise review scope').");
            }

            if (save)
            {
                var outcome = ProgressDisplay.Run(context, "Assessing and saving the steps", progress => session.Bench.Steps.Assess(session.Actor, reviewId, data, request, progress, cancellation));
                Warn(context, outcome.Warnings);
                var basis = outcome.Scorecard.Basis;
                var inputs = new StepsReport.Inputs(basis.DataFile, basis.DataSha256, request.Feedback, request.Rates, request.Rules);
                return new StepsRun(session.Bench.Analyses.Open(session.Actor, reviewId, data, cancellation).Selection.View, outcome.Scorecard.Result, inputs, SavedRecord(reviewId, basis, outcome.Saved));
            }

            var log = session.Bench.Analyses.Open(session.Actor, reviewId, data, cancellation);
            var review = ProgressDisplay.Run(context, "Assessing steps", progress => StepReviews.Assess(log.Selection, request, progress, cancellation));
            Warn(context, review.Warnings);
            return new StepsRun(log.Selection.View, review.Scorecard, new StepsReport.Inputs(log.Basis.DataFile, log.Basis.DataSha256, request.Feedback, request.Rates, request.Rules), null);
        }

        var loaded = input.Load(parse, context, cancellation);
        var run = ProgressDisplay.Run(context, "Assessing steps", progress => StepReviews.Assess(loaded.Selection, request, progress, cancellation));
        Warn(context, run.Warnings);
        string path = input.RequiredPath(parse);
        return new StepsRun(loaded.View, run.Scorecard, new StepsReport.Inputs(path, ContentHash.OfFile(path).Hex, request.Feedback, request.Rates, request.Rules), null);
    }

    private static void Warn(CliContext context, IReadOnlyList<string> warnings)
    {
        foreach (var warning in warnings)
        {
            context.Warn(warning);
        }
    }

    private static ResultRecord SavedRecord(Guid reviewId, Workbench.Analyses.AnalysisBasis basis, SavedAssessment saved)
    {
        var record = new ResultRecord("recorded", $"Saved in review {reviewId.ToString("D")[..8]}")
            .Add("review", reviewId.ToString("D"))
            .Add("data_source", basis.DataSourceId.ToString("D"))
            .Add("data_sha256", basis.DataSha256)
            .Add("scope_version", basis.ScopeVersion, CellKind.Integer)
            .Add("steps_created", (long)saved.StepsCreated, CellKind.Integer)
            .Add("steps_classified", (long)saved.StepsClassified, CellKind.Integer)
            .Add("assessments_saved", (long)saved.Assessments, CellKind.Integer)
            .Add("questions_saved", (long)saved.Questions, CellKind.Integer)
            .Add("answers_saved", (long)saved.Answers, CellKind.Integer)
            .Add("options_saved", (long)saved.Options, CellKind.Integer);
        if (saved.Warnings.Count > 0)
        {
            record.Add("warnings", string.Join(" | ", saved.Warnings));
        }

        return record;
    }
}
