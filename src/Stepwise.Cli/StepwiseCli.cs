using System.CommandLine;
using Stepwise.Cli.Commands;

namespace Stepwise.Cli;

/// <summary>The <c>stepwise</c> command: builds the command tree and runs it.</summary>
internal static class StepwiseCli
{
    private const string Summary = "Stepwise: review and re-engineer customer-service processes, and review the quality of customer service, with your own data.";

    /// <summary>Builds the root command with every verb whole.</summary>
    public static RootCommand Build() => Build(_ => true);

    /// <summary>Builds the root command with the verbs <paramref name="whole"/> picks built whole, the others as outlines.</summary>
    internal static RootCommand Build(Func<CommandCatalog.Verb, bool> whole)
    {
        var root = new RootCommand(Summary);
        foreach (var verb in CommandCatalog.Verbs)
        {
            root.Subcommands.Add(whole(verb) ? verb.Create() : verb.Outline());
        }

        foreach (var option in Output.OutputOptions.Create())
        {
            root.Options.Add(option);
        }

        Infrastructure.CommandHelp.Install(root);
        return root;
    }

    /// <summary>
    /// Parses <paramref name="args"/> building only the verb they name; where that cannot answer (no verb named, a
    /// command line that does not parse, a response file, a verb hidden behind an option's value), parses again with
    /// every verb whole, so the result is always the whole tree's.
    /// </summary>
    internal static ParseResult Parse(string[] args)
    {
        if (!TryFindVerb(args, out string? named))
        {
            return Build().Parse(args);
        }

        var parse = Build(verb => verb.Name == named).Parse(args);
        return Answers(parse, named) ? parse : Build().Parse(args);
    }

    /// <summary>Runs the command line <paramref name="args"/>, writing to the given writers; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var parse = Parse(args);
        // A command line that does not parse is reported in the user's terms, not the framework's (nor with the whole
        // help after it); asking for help is not an error.
        if (parse.Errors.Count > 0 && parse.Action is not Infrastructure.CommandHelp.Action)
        {
            return Infrastructure.ParseErrors.Report(parse, error);
        }

        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>The first argument that names a verb (null when none does); false when a response file may name it.</summary>
    private static bool TryFindVerb(string[] args, out string? verb)
    {
        verb = null;
        foreach (string arg in args)
        {
            if (arg == "--")
            {
                return true;
            }

            if (arg.StartsWith('@'))
            {
                return false;
            }

            foreach (var candidate in CommandCatalog.Verbs)
            {
                if (arg == candidate.Name)
                {
                    verb = arg;
                    return true;
                }
            }
        }

        return true;
    }

    /// <summary>Whether a parse on the tree with only <paramref name="named"/> whole is what the whole tree gives.</summary>
    private static bool Answers(ParseResult parse, string? named)
    {
        if (parse.Errors.Count > 0)
        {
            return false;
        }

        var result = parse.CommandResult;
        while (result.Parent is System.CommandLine.Parsing.CommandResult parent && parent.Command is not RootCommand)
        {
            result = parent;
        }

        // The root itself (help, version) lists outlines as the whole tree would; a verb must be the one built whole.
        return result.Command is RootCommand || result.Command.Name == named;
    }
}
