using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;

namespace Stepwise.Cli.Commands;

/// <summary>
/// <c>stepwise steps LOG</c>: the step scorecard: for every step its volume, time, rework, hand-overs, cost,
/// satisfaction gap, rule breaches, value class and questions; with <c>--workspace</c> and <c>--review</c> the results
/// are computed on the review's stored data inside its agreed scope and saved in it as steps, step assessments and
/// challenge questions, with the hash of the data.
/// </summary>
internal static class StepsCommand
{
    /// <summary>The verb's name.</summary>
    public const string Name = "steps";

    /// <summary>What the verb does, as help lists it.</summary>
    public const string Description = "Assess every step for satisfaction, cost and compliance, with its value class and the questions that challenge it.";

    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var command = new Command(Name, Description);
        var input = new LogInput().AddTo(command);
        var steps = new StepsInput().AddTo(command);
        var show = new Option<string>("--show") { Description = "Parts: scorecard, values, satisfaction, cost, compliance, questions, or all (comma-separated).", DefaultValueFactory = _ => "scorecard" };
        var top = NumberOption.Rows("--top", "Rows of the lists (variants, cases, violations per rule, questions).", 20);
        var format = CommonOptions.Format();
        command.Options.Add(show);
        command.Options.Add(top);
        command.Options.Add(format);
        command.SetRun((parse, context, cancellation) =>
        {
            var sections = CommonOptions.ParseSections(parse.GetValue(show)!, StepsSection.Scorecard);
            int rows = Math.Max(1, parse.GetValue(top));
            var run = StepsRun.Execute(parse, context, input, steps, save: true, cancellation);
            var report = StepsReport.Build(run.Scorecard, run.View.Log, run.Inputs, sections, rows);
            if (run.Recorded is { } recorded)
            {
                report.Parts.Insert(1, recorded);
            }

            return CommonOptions.Print(context, report, parse.GetValue(format));
        });
        return command;
    }
}
