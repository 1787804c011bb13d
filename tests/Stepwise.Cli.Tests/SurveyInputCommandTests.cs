using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Stepwise.Testing;

namespace Stepwise.Cli.Tests;

/// <summary>The survey and sample verbs on compressed, mis-encoded, unusual and hostile input.</summary>
public sealed class SurveyInputCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stepwise-cli-survey-").FullName;

    private static string Airline => SharedData.PathOf("surveys/airline_passenger_satisfaction_kaggle_test.csv");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Survey_YelpZip_EveryCommentWithSentimentAndThemeMostNegativeFirst()
    {
        var (code, output, error) = CliRunner.Run("survey", SharedData.PathOf("text/yelp_reviews_10k.csv.zip"), "--show", "responses", "--discover", "6", "--format", "json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var rows = Rows(json.RootElement).EnumerateArray().ToList();
        Assert.Equal(10_000, rows.Count);
        var scores = rows.Select(r => r.GetProperty("sentiment").GetDouble()).ToList();
        Assert.Equal(scores.Order(), scores);
        Assert.All(rows, r => Assert.Contains(r.GetProperty("label").GetString(), new[] { "negative", "neutral", "positive" }));
        // Stars against labels, counted here: few one-star reviews read as positive.
        var oneStar = rows.Where(r => r.GetProperty("score").GetDouble() == 1).ToList();
        Assert.Equal(749, oneStar.Count);
        Assert.True(oneStar.Count(r => r.GetProperty("label").GetString() == "positive") < 0.1 * oneStar.Count);
        Assert.True(rows.Count(r => r.GetProperty("theme").ValueKind == JsonValueKind.String) > 9_000);
    }

    [Fact]
    public void Survey_GzippedBaReviews_ReadNotMisreported()
    {
        string gz = Path.Combine(_folder, "ba.csv.gz");
        using (var file = File.Create(gz))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            gzip.Write(File.ReadAllBytes(SharedData.PathOf("surveys/BA_AirlineReviews.csv")));
        }

        var (code, output, error) = CliRunner.Run("survey", gz, "--show", "summary", "--format", "json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(3701, json.RootElement.GetProperty("import").GetProperty("responses").GetInt32());
        Assert.Equal("utf-8", json.RootElement.GetProperty("import").GetProperty("encoding").GetString());
    }

    [Fact]
    public void Survey_OneLatin1Byte_RefusedNamingLineAndEncodingOption()
    {
        string path = Path.Combine(_folder, "mixed.csv");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes("id,rating,comment\n1,4,café fine\n2,3,cr"), 0xE8, .. Encoding.ASCII.GetBytes("me\n")]);
        var (code, _, error) = CliRunner.Run("survey", path);
        Assert.Equal(3, code); // a file that cannot be read
        Assert.Contains("mixed.csv, line 3: character 7: the byte 0xE8", error, StringComparison.Ordinal);
        Assert.Contains("--encoding latin-1", error, StringComparison.Ordinal);

        var (latinCode, output, latinError) = CliRunner.Run("survey", path, "--encoding", "windows-1252", "--show", "summary", "--format", "json");
        Assert.True(latinCode == 0, latinError);
        Assert.Contains("windows-1252", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Survey_NothingToAnalyse_SaysWhatItSawAndNeeds()
    {
        string path = Path.Combine(_folder, "plain.csv");
        File.WriteAllText(path, "when,where\n2024-01-01,Leeds\n2024-01-02,York\n");
        var (code, output, error) = CliRunner.Run("survey", path, "--format", "json");
        Assert.Equal(0, code);
        Assert.Contains("columns seen (when, where)", error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("when, where", json.RootElement.GetProperty("import").GetProperty("columns_seen").GetString());
    }

    [Fact]
    public void Survey_PersonalDataInComments_RedactedBeforeQuotesAndThemes()
    {
        string path = Path.Combine(_folder, "pd.csv");
        var lines = new List<string> { "id,rating,comment" };
        for (int i = 0; i < 30; i++)
        {
            lines.Add($"{i},{(i % 5) + 1},\"Write to janedoe{i}@gmail.com about the refund. I spoke to Peter Parker at the desk and asked for Sarah. The refund never came.\"");
        }

        File.WriteAllLines(path, lines);
        var (code, output, error) = CliRunner.Run("survey", path, "--show", "themes,responses", "--discover", "3", "--format", "json");
        Assert.True(code == 0, error);
        Assert.DoesNotContain("gmail", output, StringComparison.Ordinal);
        Assert.DoesNotContain("janedoe", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Peter", output, StringComparison.Ordinal);
        Assert.DoesNotContain("parker", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Sarah", output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output);
        var quotes = json.RootElement.GetProperty("quotes").EnumerateArray().Select(q => q.GetProperty("quote").GetString()).ToList();
        Assert.Equal(quotes.Count, quotes.Distinct().Count());
    }

    [Fact]
    public void SampleDraw_EqualAllocationUnitsFile_IsAValidSampleForCheck()
    {
        string units = Path.Combine(_folder, "units.csv");
        var (code, output, error) = CliRunner.Run("sample", "draw", Airline, "--id", "id", "--strata", "Class,Type of Travel", "--size", "14", "--allocation", "equal", "--output", units, "--format", "json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        // Six strata (3 classes x 2 travel types), 14 units: 2 or 3 each, never 4.
        var counts = Rows(json.RootElement.GetProperty("strata")).EnumerateArray().Select(s => s.GetProperty("sample").GetInt32()).ToList();
        Assert.Equal(14, counts.Sum());
        Assert.All(counts, c => Assert.InRange(c, 2, 3));

        var (checkCode, checkOutput, checkError) = CliRunner.Run("sample", "check", Airline, units, "--id", "id", "--by", "Class", "--format", "json");
        Assert.True(checkCode == 0, checkError);
        using var check = JsonDocument.Parse(checkOutput);
        Assert.Equal(14, Rows(check.RootElement.GetProperty("balance")).EnumerateArray().Sum(r => r.GetProperty("sample").GetInt32()));

        // The printed report is not a units file: the check says so.
        string printedDir = Path.Combine(_folder, "printed");
        Assert.Equal(0, CliRunner.Run("sample", "draw", Airline, "--id", "id", "--strata", "Class", "--size", "10", "--format", "csv", "--csv-dir", printedDir).ExitCode);
        string printed = Directory.GetFiles(printedDir, "*.csv").Single(f => File.ReadLines(f).First().StartsWith("stratum,population", StringComparison.Ordinal));
        var (badCode, _, badError) = CliRunner.Run("sample", "check", Airline, printed, "--id", "id", "--by", "Class");
        Assert.NotEqual(0, badCode);
        Assert.Contains("--output", badError, StringComparison.Ordinal);

        // So is the report printed as a text table.
        string text = Path.Combine(_folder, "printed.txt");
        File.WriteAllText(text, CliRunner.Run("sample", "draw", Airline, "--id", "id", "--strata", "Class", "--size", "10").Output);
        var (textCode, _, textError) = CliRunner.Run("sample", "check", Airline, text, "--id", "id", "--by", "Class");
        Assert.NotEqual(0, textCode);
        Assert.Contains("--output", textError, StringComparison.Ordinal);
    }

    // A table with notes is an object with rows and notes in JSON; without, an array of rows.
    private static JsonElement Rows(JsonElement part) => part.ValueKind == JsonValueKind.Array ? part : part.GetProperty("rows");

    [Theory]
    [InlineData("sample", "size", "--margin", "x")]
    [InlineData("sample", "size", "--margin", "0")]
    [InlineData("sample", "size", "--margin", "0.05", "--population", "1.5")]
    [InlineData("sample", "size", "--margin", "0.05", "--mean")]
    [InlineData("sample", "draw", "AIRLINE", "--size", "ten")]
    [InlineData("sample", "draw", "AIRLINE", "--size", "999999")]
    [InlineData("sample", "draw", "AIRLINE", "--size", "10", "--allocation", "optimal", "--strata", "Class")]
    [InlineData("sample", "draw", "AIRLINE", "--size", "10", "--pseudonymise-key", "short")]
    [InlineData("survey", "AIRLINE", "--confidence", "2")]
    [InlineData("survey", "AIRLINE", "--discover", "-3")]
    [InlineData("survey", "AIRLINE", "--performance-target", "9", "--not-applicable", "0")]
    [InlineData("survey", "AIRLINE", "--encoding", "ebcdic")]
    [InlineData("survey", "AIRLINE", "--target", "top2:Seat comfort>=120%")]
    [InlineData("survey", "AIRLINE", "--target", "nps>=150")]
    [InlineData("sample", "size", "--margin", "0.05", "--confidence", "1.5")]
    public void BadOptions_MessagesNameTheOptionWithoutFrameworkWording(params string[] args)
    {
        var (code, _, error) = CliRunner.Run([.. args.Select(a => a == "AIRLINE" ? Airline : a)]);
        Assert.NotEqual(0, code);
        Assert.Contains("--", error, StringComparison.Ordinal);
        Assert.DoesNotContain(", e.g. 0.05", args.Contains("--confidence") ? error : string.Empty, StringComparison.Ordinal);
        foreach (string wording in new[] { "System.", "(Parameter", "Nullable", "Int32", "Double", "Exception" })
        {
            Assert.DoesNotContain(wording, error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--by", "mallory\n2026-01-01 approved")]
    [InlineData("--by", "eve\u001b[2J")]
    public void Review_WhoWithControlCharacters_Refused(string option, string value)
    {
        string workspace = Path.Combine(_folder, "w.db");
        var init = CliRunner.Run("review", "init", "--workspace", workspace, "--by", "owner");
        Assert.True(init.ExitCode == 0, init.Error);
        var (code, _, error) = CliRunner.Run("review", "create", "--workspace", workspace, "--title", "T", "--owner", "O", option, value);
        Assert.NotEqual(0, code);
        Assert.Contains("control character", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Review_StakeholderNameWithLineBreak_Refused()
    {
        var (code, _, error) = CliRunner.Run("review", "stakeholder", "abc", "--workspace", Path.Combine(_folder, "w2.db"), "--name", "Sam\nSponsor", "--group", "SeniorManagers", "--role", "Accountable");
        Assert.NotEqual(0, code);
        Assert.Contains("--name: 'Sam\\nSponsor' holds a line break", error, StringComparison.Ordinal);
    }
}
