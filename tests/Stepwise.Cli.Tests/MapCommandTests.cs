using System.Xml.Linq;
using Stepwise.Testing;

namespace Stepwise.Cli.Tests;

public class MapCommandTests
{
    [Fact]
    public void Map_HelpdeskWithSvgAndBpmn_WritesBothAndSaysWhatIsHidden()
    {
        var dir = Directory.CreateTempSubdirectory("stepwise-map-");
        try
        {
            string svg = Path.Combine(dir.FullName, "map.svg"), bpmn = Path.Combine(dir.FullName, "map.bpmn");
            var (code, output, error) = CliRunner.Run("map", SharedData.PathOf("eventlogs/helpdesk.xes.gz"), "-o", svg, "--bpmn", bpmn,
                "--overlay", "performance", "--activities", "80", "--paths", "50", "--format", "json");

            Assert.True(code == 0, error);
            var json = System.Text.Json.JsonDocument.Parse(output).RootElement;
            Assert.Equal(4580, json.GetProperty("cases").GetInt32());
            Assert.Equal(12, json.GetProperty("activities_shown").GetInt32());
            Assert.Equal(14, json.GetProperty("activities").GetInt32());
            Assert.True(json.GetProperty("cases_partly_hidden").GetInt32() > 0);
            var doc = XDocument.Load(svg);
            Assert.Equal("svg", doc.Root!.Name.LocalName);
            Assert.Equal("helpdesk.xes.gz", doc.Root.Elements().First(e => e.Name.LocalName == "title").Value);
            Assert.Equal("definitions", XDocument.Load(bpmn).Root!.Name.LocalName);
            Assert.False(File.Exists(svg + ".partial"));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Map_FilteredWithLanes_DrawsLanesOfTheFilteredCases()
    {
        var dir = Directory.CreateTempSubdirectory("stepwise-map-");
        try
        {
            string svg = Path.Combine(dir.FullName, "map.svg");
            var (code, output, error) = CliRunner.Run("map", SharedData.PathOf("eventlogs/helpdesk.xes.gz"), "-o", svg, "--lanes", "workgroup",
                "--contains", "Wait", "--scheme", "print", "--format", "json");

            Assert.True(code == 0, error);
            var json = System.Text.Json.JsonDocument.Parse(output).RootElement;
            Assert.Equal(1236, json.GetProperty("map").GetProperty("cases").GetInt32());
            Assert.True(json.GetProperty("lanes").GetArrayLength() >= 1);
            Assert.Contains("class=\"lane\"", File.ReadAllText(svg), StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Map_NoOutputFile_FailsSayingWhatToGive()
    {
        var (code, _, error) = CliRunner.Run("map", SharedData.PathOf("eventlogs/helpdesk.xes.gz"));
        Assert.Equal(2, code);
        Assert.Contains("-o FILE.svg", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_UnknownLaneAttribute_FailsNamingTheAttributesThereAre()
    {
        var dir = Directory.CreateTempSubdirectory("stepwise-map-");
        try
        {
            string svg = Path.Combine(dir.FullName, "map.svg");
            var (code, _, error) = CliRunner.Run("map", SharedData.PathOf("eventlogs/helpdesk.xes.gz"), "-o", svg, "--lanes", "channel");
            Assert.Equal(2, code);
            Assert.Contains("'channel'", error, StringComparison.Ordinal);
            Assert.Contains("workgroup", error, StringComparison.Ordinal);
            Assert.False(File.Exists(svg));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Theory]
    [InlineData("--overlay", "heat", "--overlay 'heat'")]
    [InlineData("--activities", "0", "--activities 0")]
    [InlineData("--paths", "150", "--paths 150")]
    [InlineData("--direction", "up", "--direction 'up'")]
    public void Map_BadOption_FailsNamingIt(string option, string value, string expected)
    {
        var (code, _, error) = CliRunner.Run("map", SharedData.PathOf("eventlogs/helpdesk.xes.gz"), "-o", "unused.svg", option, value);
        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
