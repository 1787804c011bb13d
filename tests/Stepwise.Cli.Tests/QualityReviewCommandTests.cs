using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Stepwise.Testing;

namespace Stepwise.Cli.Tests;

public class QualityReviewCommandTests
{
    private static string Ba => SharedData.PathOf("surveys/BA_AirlineReviews.csv");

    private static string Airline => SharedData.PathOf("surveys/airline_passenger_satisfaction_kaggle_test.csv");

    [Fact]
    public void Survey_BaReviewsJson_NpsAndTargetVerdictMatchHandCounts()
    {
        var (code, output, error) = CliRunner.Run("survey", Ba, "--show", "summary,targets", "--target", "nps>=0", "--format", "json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var summary = json.RootElement.GetProperty("summary").GetProperty("rows");
        Assert.Equal(3696, summary[0].GetProperty("n").GetInt32());
        // Counted with Python's csv module: 640 ratings of 9-10 and 2,373 of 1-6 among 3,696.
        Assert.Equal((640.0 - 2373) / 3696 * 100, json.RootElement.GetProperty("targets")[0].GetProperty("estimate").GetDouble(), 6);
        Assert.Equal("missed", json.RootElement.GetProperty("targets")[0].GetProperty("verdict").GetString());
    }

    [Fact]
    public void Survey_BaThemesWithKey_QuotesPseudonymisedAndRedacted()
    {
        string key = "a-test-key-of-enough-length-123";
        var (code, output, error) = CliRunner.Run("survey", Ba, "--show", "themes", "--pseudonymise-key", key, "--format", "json", "--discover", "3");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var quotes = json.RootElement.GetProperty("quotes").EnumerateArray().ToList();
        Assert.NotEmpty(quotes);
        var ids = Enumerable.Range(0, 3701).ToDictionary(i => "p_" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(i.ToString())))[..16], i => i);
        foreach (var quote in quotes)
        {
            Assert.True(ids.ContainsKey(quote.GetProperty("response_id").GetString()!));
        }

        Assert.DoesNotContain("Austin Jones", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Survey_AirlineWithZeroNotApplicable_FourteenDriversOfSatisfaction()
    {
        var (code, output, error) = CliRunner.Run("survey", Airline, "--not-applicable", "0", "--show", "drivers", "--format", "json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var rows = json.RootElement.GetProperty("rows");
        Assert.Equal(14, rows.GetArrayLength());
        double total = rows.EnumerateArray().Sum(r => r.GetProperty("importance").GetDouble());
        Assert.Equal(1.0, total, 6);
    }

    [Fact]
    public void Survey_BadScore_ExitOneNamingFileLineAndColumn()
    {
        string path = Path.Combine(Path.GetTempPath(), "bad-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, "id,rating,comment\n1,4,\"multi\nline\"\n2,12,ok\n");
        try
        {
            var (code, _, error) = CliRunner.Run("survey", path, "--overall", "rating", "--overall-scale", "1-5");
            Assert.Equal(3, code);
            Assert.Contains("line 4, column 'rating': '12': the score is off the scale 1-5", error, StringComparison.Ordinal);

            var (skipCode, files, warnings) = CsvRunner.Run("survey", path, "--overall", "rating", "--overall-scale", "1-5", "--skip-bad-rows", "--show", "summary");
            Assert.Equal(0, skipCode);
            Assert.Contains("skipped line 4", warnings, StringComparison.Ordinal);
            // The import record is one row with a column per field.
            var import = files["import"].Split('\n');
            int column = Array.IndexOf(import[0].Split(','), "bad_rows_skipped");
            Assert.Equal("1", import[1].Split(',')[column]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Survey_UnknownSection_IsAUserError()
    {
        var (code, _, error) = CliRunner.Run("survey", Ba, "--show", "everything");
        Assert.Equal(2, code);
        Assert.Contains("--show: 'everything' is not a section", error, StringComparison.Ordinal);
    }

    [Fact]
    public void SampleSize_KrejcieMorganPopulation1000_Needs278()
    {
        var (code, output, _) = CliRunner.Run("sample", "size", "--margin", "0.05", "--population", "1000", "--response-rate", "0.5", "--format", "json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(278, json.RootElement.GetProperty("responses_needed").GetInt32());
        Assert.Equal(556, json.RootElement.GetProperty("invitations").GetInt32());
    }

    [Fact]
    public void SampleDraw_SameSeedTwice_SameUnits()
    {
        string[] args = ["sample", "draw", Airline, "--id", "id", "--strata", "Class", "--size", "300", "--seed", "11"];
        var first = CsvRunner.Run(args);
        var second = CsvRunner.Run(args);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Files["units"], second.Files["units"]);
        Assert.Equal(300, first.Files["units"].Trim().Split('\n').Length - 1);
    }

    [Fact]
    public void SampleDraw_HelpdeskLogByVariant_DrawsCases()
    {
        var (code, output, error) = CliRunner.Run("sample", "draw", SharedData.PathOf("eventlogs/helpdesk.xes.gz"), "--log", "--strata", "variant", "--size", "100", "--format", "json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(100, json.RootElement.GetProperty("units").GetArrayLength());
        Assert.Equal(4580, json.RootElement.GetProperty("strata").EnumerateArray().Sum(s => s.GetProperty("population").GetInt32()));
    }

    [Fact]
    public void SampleCheck_ResponsesWithoutEconomy_FlagsUnderRepresentation()
    {
        // Responses: the ids of the first 2,000 Business passengers and 100 others, in a file of ids only.
        var lines = File.ReadLines(Airline).Skip(1).Select(l => l.Split(',')).ToList();
        var ids = lines.Where(f => f[6] == "Business").Take(2000).Concat(lines.Where(f => f[6] != "Business").Take(100)).Select(f => f[1]);
        string path = Path.Combine(Path.GetTempPath(), "responses-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllLines(path, ["id", .. ids]);
        try
        {
            var (code, output, error) = CliRunner.Run("sample", "check", Airline, path, "--id", "id", "--by", "Class", "--format", "json");
            Assert.True(code == 0, error);
            using var json = JsonDocument.Parse(output);
            Assert.Equal("not representative", json.RootElement.GetProperty("tests")[0].GetProperty("verdict").GetString());
            var eco = json.RootElement.GetProperty("balance").GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("group").GetString() == "Eco");
            Assert.True(eco.GetProperty("under_represented").GetBoolean());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SampleDraw_StrataTooSmallForAnyUnit_AreNamedWithTheirShareOfThePopulation()
    {
        // 100 units in A and one each in B and C; 10 units allocated in proportion give A 9.8 and B and C 0.1 each, so
        // B and C get none: 2 of 3 strata, 2 of 102 units (2.0%).
        string path = Path.Combine(Path.GetTempPath(), "population-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllLines(path, ["id,region", .. Enumerable.Range(1, 100).Select(i => $"a{i},A"), "b1,B", "c1,C"]);
        try
        {
            var (code, _, error) = CliRunner.Run("sample", "draw", path, "--id", "id", "--strata", "region", "--size", "10");
            Assert.True(code == 0, error);
            Assert.Contains("warning: 2 of 3 strata (2 of 102 units, 2.0% of the population) get no unit at this size, so the sample says nothing about them", error, StringComparison.Ordinal);

            var (equal, _, equalError) = CliRunner.Run("sample", "draw", path, "--id", "id", "--strata", "region", "--size", "10", "--allocation", "equal");
            Assert.True(equal == 0, equalError);
            Assert.DoesNotContain("get no unit", equalError, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("variants", "-3")]
    [InlineData("cases", "0")]
    [InlineData("handovers", "-1")]
    [InlineData("questions", "0")]
    public void Top_BelowOne_IsRefusedWithWhatIsExpected(string verb, string value)
    {
        var (code, _, error) = CliRunner.Run(verb, SharedData.PathOf("eventlogs/running-example.xes"), "--top", value);
        Assert.Equal(2, code);
        Assert.Contains($"--top: '{value}' is not a whole number of at least 1.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void SampleDraw_UnknownAttribute_ListsTheAttributes()
    {
        var (code, _, error) = CliRunner.Run("sample", "draw", Airline, "--id", "id", "--strata", "Channel", "--size", "10");
        Assert.Equal(2, code);
        Assert.Contains("'Channel' is not an attribute of the units; they have: number, Gender", error, StringComparison.Ordinal);
    }
}
