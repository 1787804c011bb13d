using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;
using Stepwise.Mining;
using Stepwise.Review.Common;
using Stepwise.Steps.Scorecard;

namespace Stepwise.Cli.Commands;

/// <summary>
/// <c>stepwise steps LOG</c>: the step scorecard: for every step its volume, time, rework, hand-overs, cost,
/// satisfaction gap, rule breaches, value class and questions; with <c>--workspace</c> and <c>--review</c> the results
/// are saved in the review as step assessments and challenge questions, with the hash of the data.
/// </summary>
public static class StepsCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var command = new Command("steps", "Assess every step for satisfaction, cost and compliance, with its value class and the questions that challenge it.");
        var input = new LogInput().AddTo(command);
        var steps = new StepsInput().AddTo(command);
        var show = new Option<string>("--show") { Description = "Parts: scorecard, values, satisfaction, cost, compliance, questions, or all (comma-separated).", DefaultValueFactory = _ => "scorecard" };
        var top = new Option<int>("--top") { Description = "Rows of the lists (variants, cases, violations per rule, questions).", DefaultValueFactory = _ => 20 };
        var recorder = new StepsRecorder();
        var format = CommonOptions.Format();
        command.Options.Add(show);
        command.Options.Add(top);
        recorder.AddTo(command);
        command.Options.Add(format);
        command.SetRun((parse, context, cancellation) =>
        {
            var sections = ParseSections(parse.GetValue(show)!);
            int rows = Math.Max(1, parse.GetValue(top));
            var run = StepsRun.Execute(parse, context, input, steps, recorder, cancellation);
            var report = StepsReport.Build(run.Scorecard, run.View.Log, run.Inputs, sections, rows);
            if (run.Recorded is { } recorded)
            {
                report.Parts.Insert(1, recorded);
            }

            return CommonOptions.Print(context, report, parse.GetValue(format));
        });
        return command;
    }

    private static StepsSection ParseSections(string text)
    {
        var result = StepsSection.None;
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<StepsSection>(part, ignoreCase: true, out var section) || section == StepsSection.None || int.TryParse(part, out _))
            {
                throw new UserError($"--show: '{part}' is not a part; use scorecard, values, satisfaction, cost, compliance, questions or all.");
            }

            result |= section;
        }

        return result == StepsSection.None ? StepsSection.Scorecard : result;
    }
}

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
        var inputs = new StepsReport.Inputs(path, hash, steps.FeedbackPath(parse), steps.RatesPath(parse), steps.RulesOption(parse));
        var recorded = session?.Record(scorecard, inputs, options);
        return new StepsRun(view, scorecard, inputs, recorded);
    }
}
