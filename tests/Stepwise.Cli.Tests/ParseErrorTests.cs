using Stepwise.Testing;

namespace Stepwise.Cli.Tests;

/// <summary>
/// Command lines that do not parse, on the real files: the message names the option as typed and what it expects,
/// never the framework's type names, exits with the code of an invalid value, and does not bury it under the help.
/// </summary>
public sealed class ParseErrorTests
{
    private static readonly string Helpdesk = SharedData.PathOf("eventlogs/helpdesk.xes.gz");
    private static readonly string Ba = SharedData.PathOf("surveys/BA_AirlineReviews.csv");

    [Theory]
    [InlineData("--replications: 'abc' is not a whole number.", "simulate", "LOG", "--replications", "abc")]
    [InlineData("--seed: 'x1' is not a whole number.", "simulate", "LOG", "--seed", "x1")]
    [InlineData("--cost-per-hour: 'cheap' is not a number.", "simulate", "LOG", "--cost-per-hour", "cheap")]
    [InlineData("--threads: 'many' is not a whole number.", "simulate", "LOG", "--threads", "many")]
    [InlineData("--top: 'ten' is not a whole number of at least 1.", "variants", "LOG", "--top", "ten")]
    [InlineData("--top: '5.5' is not a whole number of at least 1.", "cases", "LOG", "--top", "5.5")]
    [InlineData("--activities: 'most' is not a number.", "map", "LOG", "-o", "/dev/null", "--activities", "most")]
    [InlineData("--top: 'all' is not a whole number of at least 1.", "questions", "LOG", "--top", "all")]
    public void BadNumber_NamesTheOptionAndWhatItExpects(string expected, params string[] args)
    {
        var (code, output, error) = CliRunner.Run([.. args.Select(a => a == "LOG" ? Helpdesk : a)]);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("stepwise: error: " + expected, error, StringComparison.Ordinal);
        Assert.Contains("--help' for its options.", error, StringComparison.Ordinal);
        NoFrameworkWording(error);
        Assert.True(error.Split('\n').Length < 6, error); // not followed by the whole help
    }

    [Fact]
    public void UnknownOption_SaysSoWithoutTheHelp()
    {
        var (code, _, error) = CliRunner.Run("survey", Ba, "--discoverr", "5");
        Assert.Equal(2, code);
        Assert.Contains("'--discoverr'", error, StringComparison.Ordinal);
        Assert.Contains("Run 'stepwise survey --help' for its options.", error, StringComparison.Ordinal);
        NoFrameworkWording(error);
    }

    [Fact]
    public void Help_IsNotAnError()
    {
        var (code, output, _) = CliRunner.Run("simulate", "--help");
        Assert.Equal(0, code);
        Assert.Contains("--replications", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Cannot parse argument 'abc' for option '--replications' as expected type 'System.Int32'.", "--replications: 'abc' is not a whole number.")]
    [InlineData("Cannot parse argument '2x' for option '--target' as expected type 'System.Nullable`1[System.Double]'.", "--target: '2x' is not a number.")]
    [InlineData("Cannot parse argument 'soon' for option '--due' as expected type 'System.DateOnly'.", "--due: 'soon' is not a date (ISO-8601, e.g. 2024-03-01).")]
    [InlineData("Cannot parse argument 'many' for option '--threads' as expected type 'System.Nullable`1[[System.Int32, System.Private.CoreLib, Version=10.0.0.0, Culture=neutral, PublicKeyToken=7cec85d7bea7798e]]'.", "--threads: 'many' is not a whole number.")]
    public void Translate_FrameworkMessages_InTheUsersTerms(string message, string expected)
        => Assert.Equal(expected, Infrastructure.ParseErrors.Translate(message));

    private static void NoFrameworkWording(string text)
    {
        foreach (string word in new[] { "System.", "Int32", "Int64", "Double", "Nullable", "expected type", "(Parameter" })
        {
            Assert.DoesNotContain(word, text, StringComparison.Ordinal);
        }
    }
}
