using System.CommandLine;

namespace Stepwise.Cli.Tests;

/// <summary>
/// A command line builds only the verb it names, the others as outlines: the root help, every verb's outline and
/// every parse must read exactly as with the whole tree.
/// </summary>
public sealed class CommandTreeTests
{
    [Fact]
    public void RootHelp_WithOutlines_ReadsAsTheWholeTree()
    {
        string whole = Help(StepwiseCli.Build(), "--help");
        string outlines = Help(StepwiseCli.Build(_ => false), "--help");
        Assert.Contains("monitor <LOG> <AFTER>", whole, StringComparison.Ordinal);
        Assert.Equal(whole, outlines);
        Assert.Equal(whole, CliRunner.Run("--help").Output);
    }

    [Fact]
    public void EveryVerb_OutlineHasTheWholeVerbsNameDescriptionAndArguments()
    {
        foreach (var verb in CommandCatalog.Verbs)
        {
            Command whole = verb.Create(), outline = verb.Outline();
            Assert.Equal(whole.Name, outline.Name);
            Assert.Equal(whole.Description, outline.Description);
            Assert.Equal(whole.Aliases.Order(), outline.Aliases.Order());
            Assert.Equal(whole.Hidden, outline.Hidden);
            Assert.Equal(whole.Arguments.Select(a => a.Name), outline.Arguments.Select(a => a.Name));
            Assert.Empty(outline.Options);
            Assert.Null(outline.Action);
        }

        Assert.Equal(CommandCatalog.Verbs.Count, CommandCatalog.Verbs.Select(v => v.Name).Distinct().Count());
    }

    [Theory]
    [InlineData("summary", "log.csv")]
    [InlineData("review", "show", "r1", "--workspace", "w.db")]
    [InlineData("monitor", "before.csv", "after.csv", "--format", "json")]
    public void Parse_NamedVerb_BuiltWholeAndOthersOutlined(params string[] args)
    {
        var parse = StepwiseCli.Parse(args);
        Assert.Empty(parse.Errors);
        var root = (RootCommand)parse.RootCommandResult.Command;
        foreach (var verb in root.Subcommands)
        {
            bool named = verb.Name == args[0];
            Assert.Equal(named, verb.Options.Count > 0 || verb.Subcommands.Count > 0);
        }

        AssertSameAsWhole(args, parse);
    }

    [Theory]
    [InlineData("--csv-dir", "review", "summary", "log.csv")] // a verb's name as an option's value
    [InlineData("summry", "log.csv")] // no such verb
    [InlineData("summary")] // its argument missing
    [InlineData("summary", "log.csv", "--no-such-option")]
    [InlineData()] // nothing at all
    public void Parse_OutlineCannotAnswer_ParsedWithTheWholeTree(params string[] args)
    {
        AssertSameAsWhole(args, StepwiseCli.Parse(args));
    }

    [Fact]
    public void Run_VerbBehindAnOptionValue_RunsTheVerbTyped()
    {
        var (code, output, error) = CliRunner.Run("--csv-dir", "review", "summary", "--help");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.StartsWith("Description:\n  " + Commands.SummaryCommand.Description, output, StringComparison.Ordinal);
        Assert.Contains("--timestamp <timestamp>", output, StringComparison.Ordinal);
    }

    private static void AssertSameAsWhole(string[] args, ParseResult parse)
    {
        var whole = StepwiseCli.Build().Parse(args);
        Assert.Equal(Path(whole.CommandResult.Command), Path(parse.CommandResult.Command));
        Assert.Equal(whole.Errors.Select(e => e.Message), parse.Errors.Select(e => e.Message));
        Assert.Equal(whole.Action?.GetType(), parse.Action?.GetType());
        Assert.Equal(whole.UnmatchedTokens, parse.UnmatchedTokens);
    }

    private static string Path(Command command) =>
        string.Join(' ', command.Parents.OfType<Command>().Reverse().Select(c => c.Name).Append(command.Name));

    private static string Help(RootCommand root, params string[] args)
    {
        var output = new StringWriter();
        Assert.Equal(0, root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = new StringWriter() }));
        return output.ToString();
    }
}
