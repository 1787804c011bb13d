using System.CommandLine;
using Stepwise.Cli.Commands;

namespace Stepwise.Cli;

/// <summary>Every verb of the <c>stepwise</c> command, in the order help lists them. One line per verb.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Commands()
    {
        yield return SummaryCommand.Create();
        yield return MapCommand.Create();
        yield return DfgCommand.Create();
        yield return VariantsCommand.Create();
        yield return ActivitiesCommand.Create();
        yield return CasesCommand.Create();
        yield return HandoversCommand.Create();
        yield return ConvertCommand.Create();
        yield return SurveyCommand.Create();
        yield return SampleCommand.Create();
        yield return ReviewCommand.Create();
        yield return ReportCommand.Create();
        yield return QualityCommand.Create();
        yield return UserCommand.Create();
        yield return TokenCommand.Create();
        yield return SimulateCommand.Create();
        yield return StepsCommand.Create();
        yield return QuestionsCommand.Create();
        yield return ServeCommand.Create();
        yield return MonitorCommand.Create();
    }
}
