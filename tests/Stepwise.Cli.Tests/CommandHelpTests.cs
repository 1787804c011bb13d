using System.CommandLine;
using System.CommandLine.Help;
using Stepwise.Cli.Infrastructure;

namespace Stepwise.Cli.Tests;

/// <summary>
/// The command's own help writer against the command-line framework's: the same text, byte for byte, for every
/// command of the tree and for a tree built to exercise every rule (aliases, defaults, completions, hidden symbols,
/// optional and repeated arguments, recursive options, line breaks, long words), at several widths.
/// </summary>
public sealed class CommandHelpTests
{
    private static readonly int[] Widths = [int.MaxValue, 160, 120, 80, 50, 30];

    [Fact]
    public void EveryCommandOfTheTree_HelpReadsAsTheFrameworks()
    {
        int compared = 0;
        foreach (var path in Paths(StepwiseCli.Build(), []))
        {
            foreach (int width in Widths)
            {
                string framework = Help(StepwiseCli.Build, path, new HelpAction { MaxWidth = width });
                string ours = Help(StepwiseCli.Build, path, new CommandHelp.Action { MaxWidth = width });
                Assert.True(framework == ours, $"'{string.Join(' ', path)} --help' at width {width} differs:\n{Diff(framework, ours)}");
                compared++;
            }
        }

        Assert.True(compared > 60 * Widths.Length, $"only {compared} helps compared");
    }

    [Fact]
    public void EveryRule_HelpReadsAsTheFrameworks()
    {
        foreach (var path in Paths(Exercise(), []))
        {
            foreach (int width in Widths)
            {
                string framework = Help(Exercise, path, new HelpAction { MaxWidth = width });
                string ours = Help(Exercise, path, new CommandHelp.Action { MaxWidth = width });
                Assert.True(framework == ours, $"'{string.Join(' ', path)} --help' at width {width} differs:\n{Diff(framework, ours)}");
            }
        }
    }

    [Fact]
    public void Run_Help_UsesTheCommandsWriter()
    {
        var root = StepwiseCli.Build();
        var parse = root.Parse(["summary", "--help"]);
        Assert.IsType<CommandHelp.Action>(parse.Action);

        // Help asked for beside a parse error is still help, exit 0.
        var (code, output, error) = CliRunner.Run("summary", "--no-such-option", "--help");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.StartsWith("Description:\n  " + Commands.SummaryCommand.Description, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrap_BreaksAfterTheLastSpaceThatFits_OrAtTheWidth()
    {
        // Worked by hand, width 10: a remainder is kept whole only when shorter than the width, so "alpha beta gamma"
        // breaks after "alpha " (the last space in its first 10 characters), and the remaining "beta gamma" (exactly 10)
        // breaks again after "beta "; with "gamm" the remainder is 9 and stays whole. A 13-letter word is cut at 10; a
        // line break always breaks.
        Assert.Equal(["alpha ", "beta ", "gamma"], CommandHelp.Wrap("alpha beta gamma", 10));
        Assert.Equal(["alpha ", "beta gamm"], CommandHelp.Wrap("alpha beta gamm", 10));
        Assert.Equal(["abcdefghij", "klm"], CommandHelp.Wrap("abcdefghijklm", 10));
        Assert.Equal(["one", "two"], CommandHelp.Wrap("one\r\ntwo", 10));
        Assert.Empty(CommandHelp.Wrap("   ", 10));
    }

    /// <summary>A tree with every feature the help layout has rules for.</summary>
    private static RootCommand Exercise()
    {
        var root = new RootCommand("A root whose description is long enough to wrap at the narrower widths, with a line break\nand a very-long-unbreakable-word-that-exceeds-thirty-characters.");
        root.Options.Add(new Option<bool>("--quiet", "-q") { Description = "Say less.", Recursive = true });
        root.Options.Add(new Option<string>("--hidden-global") { Hidden = true, Recursive = true });
        root.Options.Add(new Option<int>("--level") { Description = "Not recursive.", DefaultValueFactory = _ => 3 });

        var group = new Command("group", "A group of commands.");
        group.Aliases.Add("grp");
        group.Options.Add(new Option<string>("--store", "-s", "/store", "--STORE-ALIAS")
        {
            Description = "Where things are kept.", Recursive = true, DefaultValueFactory = _ => "store.db",
        });
        root.Subcommands.Add(group);

        var leaf = new Command("leaf", "Leaf with arguments of every kind.") { TreatUnmatchedTokensAsErrors = false };
        leaf.Arguments.Add(new Argument<string>("FIRST") { Description = "Required first." });
        leaf.Arguments.Add(new Argument<string>("SECOND") { Description = "Optional, with a default.", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "two" });
        leaf.Arguments.Add(new Argument<string[]>("REST") { Description = "Any number.", Arity = ArgumentArity.ZeroOrMore, DefaultValueFactory = _ => ["a", "b"] });
        leaf.Arguments.Add(new Argument<bool>("FLAG") { Arity = ArgumentArity.ZeroOrOne, Hidden = true });
        var mode = new Option<string>("--mode") { Description = "One of three.", Required = true };
        mode.AcceptOnlyFromAmong("slow", "Fast", "auto");
        leaf.Options.Add(mode);
        leaf.Options.Add(new Option<Kind>("--kind", "-k") { Description = "An enumeration.", DefaultValueFactory = _ => Kind.Second });
        leaf.Options.Add(new Option<string>("--named") { HelpName = "NAME", Description = "With a help name." });
        leaf.Options.Add(new Option<bool?>("--maybe") { Description = "Nullable flag.", DefaultValueFactory = _ => true });
        leaf.Options.Add(new Option<string>("--secret") { Hidden = true });
        leaf.Options.Add(new Option<string[]>("--tags") { Description = "Repeatable.", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => ["x", "y"] });
        leaf.Options.Add(new Option<string>("--blank-default") { Description = "   ", DefaultValueFactory = _ => " " });
        group.Subcommands.Add(leaf);

        var pair = new Command("pair", "Two arguments with defaults.");
        pair.Arguments.Add(new Argument<int>("LEFT") { DefaultValueFactory = _ => 1 });
        pair.Arguments.Add(new Argument<int>("RIGHT") { DefaultValueFactory = _ => 2 });
        group.Subcommands.Add(pair);

        group.Subcommands.Add(new Command("secret", "Hidden.") { Hidden = true });
        group.Subcommands.Add(new Command("bare"));
        CommandHelp.Install(root);
        return root;
    }

    private enum Kind
    {
        First,
        Second,
    }

    /// <summary>The paths of every visible command under <paramref name="command"/>, the root's (empty) first.</summary>
    private static IEnumerable<string[]> Paths(Command command, string[] path)
    {
        yield return path;
        foreach (var subcommand in command.Subcommands)
        {
            if (!subcommand.Hidden)
            {
                foreach (var child in Paths(subcommand, [.. path, subcommand.Name]))
                {
                    yield return child;
                }
            }
        }
    }

    /// <summary>The help of the command at <paramref name="path"/> in a fresh tree, written by <paramref name="action"/>.</summary>
    private static string Help(Func<RootCommand> build, string[] path, System.CommandLine.Invocation.CommandLineAction action)
    {
        var root = build();
        foreach (var option in root.Options)
        {
            if (option is HelpOption help)
            {
                help.Action = action;
            }
        }

        var output = new StringWriter();
        int code = root.Parse([.. path, "--help"]).Invoke(new InvocationConfiguration { Output = output, Error = new StringWriter() });
        Assert.Equal(0, code);
        return output.ToString();
    }

    private static string Diff(string expected, string actual)
    {
        string[] a = expected.Split('\n'), b = actual.Split('\n');
        for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            string x = i < a.Length ? a[i] : "<none>", y = i < b.Length ? b[i] : "<none>";
            if (x != y)
            {
                return $"line {i + 1}:\n framework: [{x}]\n      ours: [{y}]";
            }
        }

        return "same lines";
    }
}
