using System.CommandLine;
using Stepwise.Cli.Commands;

namespace Stepwise.Cli;

/// <summary>The <c>stepwise</c> command: builds the command tree and runs it.</summary>
internal static class StepwiseCli
{
    /// <summary>Builds the root command with every verb.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("Stepwise: review and re-engineer customer-service processes, and review the quality of customer service, with your own data.");
        foreach (var command in CommandCatalog.Commands())
        {
            root.Subcommands.Add(command);
        }

        foreach (var option in Output.OutputOptions.Create())
        {
            root.Options.Add(option);
        }

        return root;
    }

    /// <summary>Runs the command line <paramref name="args"/>, writing to the given writers; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var parse = Build().Parse(args);
        // A command line that does not parse is reported in the user's terms, not the framework's (nor with the whole
        // help after it); asking for help is not an error.
        if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
        {
            return Infrastructure.ParseErrors.Report(parse, error);
        }

        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
