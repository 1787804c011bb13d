using System.Text.Json;
using Stepwise.Mining.IO;
using Stepwise.Steps.Synthetic;
using Stepwise.Testing;

namespace Stepwise.Cli.Tests;

/// <summary>
/// The synthetic feedback shipped in <c>samples/helpdesk-feedback.csv</c> (used by demo.sh, the README and the step
/// assessment docs): it is exactly what the generator writes with the options given in samples/README.md, and each of
/// its comments reads, through <c>stepwise survey</c>, in the tone it was written in.
/// </summary>
public sealed class FeedbackSampleTests : IDisposable
{
    // The tone each template was written in, stated here by hand, not taken from the generator.
    private static readonly Dictionary<string, string> Intended = new(StringComparer.Ordinal)
    {
        ["Very slow and frustrating, I had to chase them twice."] = "negative",
        ["Poor service, the ticket was bounced around and nobody owned it."] = "negative",
        ["Disappointed: it took far too long and the answer was unhelpful."] = "negative",
        ["Bad experience, long delays and no updates."] = "negative",
        ["The case was handled as expected."] = "neutral",
        ["The ticket was handled within a few days."] = "neutral",
        ["They answered my question about the licence."] = "neutral",
        ["Support replied and the case was closed."] = "neutral",
        ["Great support, quick and helpful."] = "positive",
        ["Excellent service, the problem was fixed quickly."] = "positive",
        ["Friendly and professional team, thank you."] = "positive",
        ["Very helpful and efficient, happy with the answer."] = "positive",
    };

    private readonly string _folder = Directory.CreateTempSubdirectory("stepwise-cli-feedback-sample-").FullName;

    private static string Sample => Path.Combine(SharedData.RepositoryRoot, "samples", "helpdesk-feedback.csv");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Sample_IsWhatTheGeneratorWritesWithTheDocumentedOptions()
    {
        // The options of the command in samples/README.md.
        var log = EventLogFile.Read(SharedData.PathOf("eventlogs/helpdesk.xes.gz")).Log;
        var options = new PlantedFeedbackOptions
        {
            Seed = 7,
            CustomerAttribute = "customer",
            CustomerOnlyShare = 0.2,
            Effects = [PlantedEffect.Repeat("Take in charge ticket", -1.5), PlantedEffect.Handover("Value 1", "Value 2", -1.0)],
        };
        string path = Path.Combine(_folder, "regenerated.csv");
        PlantedFeedbackGenerator.Generate(log, options).WriteCsv(path);

        Assert.Equal(File.ReadAllText(Sample), File.ReadAllText(path));
    }

    [Fact]
    public void Sample_EveryCommentReadsInTheToneItWasWrittenIn()
    {
        var (code, output, error) = CliRunner.Run("survey", Sample, "--show", "responses", "--format", "json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        // One section alone is printed as its table: an array of rows.
        var part = json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement : json.RootElement.GetProperty("responses");
        var rows = (part.ValueKind == JsonValueKind.Array ? part : part.GetProperty("rows")).EnumerateArray().ToList();
        Assert.Equal(2803, rows.Count);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            string comment = row.GetProperty("comment").GetString()!;
            Assert.True(Intended.TryGetValue(comment, out var tone), $"comment not among the templates: {comment}");
            Assert.True(tone == row.GetProperty("label").GetString(), $"'{comment}' was written {tone}, read {row.GetProperty("label").GetString()}");
            seen.Add(comment);
        }

        Assert.Equal(Intended.Count, seen.Count);
    }

    [Fact]
    public void Sample_CommentToneFollowsTheScoreItCameWith()
    {
        // The generator's rule, restated: 0-4 negative, 5-6 neutral, 7-10 positive; counted on the file itself.
        var lines = File.ReadAllLines(Sample).Skip(1).ToList();
        int checkedRows = 0;
        foreach (var line in lines)
        {
            var fields = line.Split(',', 8);
            int score = int.Parse(fields[4], System.Globalization.CultureInfo.InvariantCulture);
            string comment = fields[7].Trim('"');
            string expected = score <= 4 ? "negative" : score <= 6 ? "neutral" : "positive";
            Assert.Equal(expected, Intended[comment]);
            checkedRows++;
        }

        Assert.Equal(2803, checkedRows);
    }
}
