using System.Text.Json;
using System.Text.RegularExpressions;
using Stepwise.Testing;

namespace Stepwise.Cli.Tests;

/// <summary>Every case of the bad-input corpus (tests/bad-input) through the command line: the exit code and the
/// message the manifest expects, and for accepted files the events the summary reports.</summary>
public class BadInputCorpusCliTests
{
    public static TheoryData<string> Cases => [.. BadInputCorpus.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Verb_CorpusFile_ExitCodeAndMessageAsTheManifestSays(string name)
    {
        var c = BadInputCorpus.Named(name);
        string[] args = [c.Verb, BadInputCorpus.PathOf(c), .. c.Args, "--format", "json"];
        var (code, output, error) = CliRunner.Run(args);
        Assert.True(c.Exit == code, $"{name}: exit {code}, expected {c.Exit}; {error}");
        if (c.Exit != 0)
        {
            Assert.StartsWith("stepwise: error: ", error, StringComparison.Ordinal);
            Assert.Matches(new Regex(c.Message, RegexOptions.Singleline), error);
            Assert.DoesNotContain("(Parameter", error, StringComparison.Ordinal);
            Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
            return;
        }

        if (c.Message.Length > 0)
        {
            Assert.Matches(new Regex(c.Message, RegexOptions.Singleline), error);
        }

        if (c.Events is { } events && c.Verb == "summary")
        {
            Assert.Equal(events, JsonDocument.Parse(output).RootElement.GetProperty("events").GetInt32());
        }
    }
}
