using System.CommandLine;
using Stepwise.Cli.Commands;

namespace Stepwise.Cli;

/// <summary>Every verb of the <c>stepwise</c> command, in the order help lists them. One line per verb.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Commands()
    {
        yield return ReviewCommand.Create();
    }
}
