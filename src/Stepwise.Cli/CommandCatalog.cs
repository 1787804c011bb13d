using System.CommandLine;
using Stepwise.Cli.Commands;

namespace Stepwise.Cli;

/// <summary>
/// Every verb of the <c>stepwise</c> command, in the order help lists them: what help says of each, and how to build it
/// whole. A command line builds only the verb it runs; the others are outlines (name, description and arguments),
/// which is all the root help shows. Building every verb's options costs about a third of the command's start-up.
/// </summary>
internal static class CommandCatalog
{
    /// <summary>The verbs, one line each: name, description, builder, and the arguments the root help lists.</summary>
    public static IReadOnlyList<Verb> Verbs { get; } =
    [
        new(SummaryCommand.Name, SummaryCommand.Description, SummaryCommand.Create, "LOG"),
        new(MapCommand.Name, MapCommand.Description, MapCommand.Create, "LOG"),
        new(DfgCommand.Name, DfgCommand.Description, DfgCommand.Create, "LOG"),
        new(VariantsCommand.Name, VariantsCommand.Description, VariantsCommand.Create, "LOG"),
        new(ActivitiesCommand.Name, ActivitiesCommand.Description, ActivitiesCommand.Create, "LOG"),
        new(CasesCommand.Name, CasesCommand.Description, CasesCommand.Create, "LOG"),
        new(HandoversCommand.Name, HandoversCommand.Description, HandoversCommand.Create, "LOG"),
        new(ConvertCommand.Name, ConvertCommand.Description, ConvertCommand.Create, "LOG", "OUT"),
        new(SurveyCommand.Name, SurveyCommand.Description, SurveyCommand.Create, "file"),
        new(SampleCommand.Name, SampleCommand.Description, SampleCommand.Create),
        new(ReviewCommand.Name, ReviewCommand.Description, ReviewCommand.Create),
        new(ReportCommand.Name, ReportCommand.Description, ReportCommand.Create, "review"),
        new(QualityCommand.Name, QualityCommand.Description, QualityCommand.Create),
        new(UserCommand.Name, UserCommand.Description, UserCommand.Create),
        new(TokenCommand.Name, TokenCommand.Description, TokenCommand.Create),
        new(SimulateCommand.Name, SimulateCommand.Description, SimulateCommand.Create, "LOG"),
        new(StepsCommand.Name, StepsCommand.Description, StepsCommand.Create, "LOG"),
        new(QuestionsCommand.Name, QuestionsCommand.Description, QuestionsCommand.Create, "LOG"),
        new(ServeCommand.Name, ServeCommand.Description, ServeCommand.Create),
        new(MonitorCommand.Name, MonitorCommand.Description, MonitorCommand.Create, "LOG", "AFTER"),
    ];

    /// <summary>A verb of the command.</summary>
    /// <param name="Name">The verb as typed.</param>
    /// <param name="Description">What it does, as help lists it.</param>
    /// <param name="Create">Builds the verb whole: options, subcommands and action.</param>
    /// <param name="Arguments">The names of its arguments, as the root help lists them after the verb.</param>
    internal sealed record Verb(string Name, string Description, Func<Command> Create, params string[] Arguments)
    {
        /// <summary>The verb's outline: name, description and arguments, no options and nothing to run.</summary>
        public Command Outline()
        {
            var command = new Command(Name, Description);
            foreach (string argument in Arguments)
            {
                command.Arguments.Add(new Argument<string?>(argument) { Arity = ArgumentArity.ZeroOrOne });
            }

            return command;
        }
    }
}
