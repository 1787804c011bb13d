using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;

namespace Stepwise.Cli.Commands;

/// <summary>
/// <c>stepwise questions LOG</c>: the questions that challenge each step (eliminate, combine, re-sequence, simplify,
/// automate, move to self-service, ask why), each with the numbers that raised it, ranked by impact; with answers, the
/// user's own questions and options from a question book.
/// </summary>
internal static class QuestionsCommand
{
    /// <summary>The verb's name.</summary>
    public const string Name = "questions";

    /// <summary>What the verb does, as help lists it.</summary>
    public const string Description = "List the questions that challenge each step, with the evidence that raised them, ranked by impact.";

    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var command = new Command(Name, Description);
        var input = new LogInput().AddTo(command);
        var steps = new StepsInput().AddTo(command);
        var step = new Option<string?>("--step") { Description = "Only the questions about this step." };
        var top = NumberOption.Rows("--top", "How many questions to list.", 50);
        var format = CommonOptions.Format();
        command.Options.Add(step);
        command.Options.Add(top);
        command.Options.Add(format);
        command.SetRun((parse, context, cancellation) =>
        {
            var run = StepsRun.Execute(parse, context, input, steps, save: false, cancellation);
            var table = StepsReport.Questions(run.Scorecard, parse.GetValue(step), Math.Max(1, parse.GetValue(top)));
            return CommonOptions.Print(context, new Report().Add(table), parse.GetValue(format));
        });
        return command;
    }
}
