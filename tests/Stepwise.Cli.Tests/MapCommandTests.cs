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
            // 80% of the work: Take in charge ticket (5,060 events), Resolve ticket (4,983), Assign seriousness (4,938)
            // make 70.2% of 21,348 events; with Closed (4,557) 91.5%.
            Assert.Equal(4, json.GetProperty("activities_shown").GetInt32());
            Assert.True(json.GetProperty("edge_crossings").GetInt32() <= Math.Min(json.GetProperty("edge_crossings_barycentre").GetInt32(), json.GetProperty("edge_crossings_median").GetInt32()));
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
    public void Map_PngForASlide_WritesA1920PixelWidePngBesideTheSvg()
    {
        var dir = Directory.CreateTempSubdirectory("stepwise-map-");
        try
        {
            // Five steps print at about 10.7 pt on one slide, under the 12 pt a slide needs: the map comes in parts, each
            // a 16:9 slide of its own, the SVG and the PNG of each side by side.
            string svg = Path.Combine(dir.FullName, "map.svg"), png = Path.Combine(dir.FullName, "map.png");
            var (code, output, error) = CliRunner.Run("map", SharedData.PathOf("eventlogs/helpdesk.xes.gz"), "-o", svg, "--png", png,
                "--activities", "95", "--paths", "80", "--fit", "slide", "--format", "json");

            Assert.True(code == 0, error);
            var json = System.Text.Json.JsonDocument.Parse(output).RootElement;
            var parts = json.GetProperty("parts").EnumerateArray().ToList();
            Assert.True(parts.Count > 1);
            Assert.Equal((13.33, 7.5), (json.GetProperty("map").GetProperty("page_width_in").GetDouble(), json.GetProperty("map").GetProperty("page_height_in").GetDouble()));
            foreach (var part in parts)
            {
                string partPng = part.GetProperty("png").GetString()!, partSvg = part.GetProperty("svg").GetString()!;
                var bytes = File.ReadAllBytes(partPng);

                // PNG signature, then the IHDR chunk: width and height, big-endian.
                Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
                int width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4));
                int height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4));
                Assert.Equal((1920, 1080), (width, height));

                // Not a blank picture: a 16:9 map has many distinct colours (text, boxes, lines).
                Assert.True(bytes.Length > 20_000, $"the PNG has only {bytes.Length} bytes");
                var root = XDocument.Load(partSvg).Root!;
                Assert.Equal("13.333in", (string?)root.Attribute("width"));
                Assert.Equal("7.5in", (string?)root.Attribute("height"));

                // The sizes printed are those of the files: the PNG's pixels, the drawing's own units.
                Assert.Equal((1920, 1080), (part.GetProperty("png_width_px").GetInt32(), part.GetProperty("png_height_px").GetInt32()));
                var viewBox = ((string)root.Attribute("viewBox")!).Split(' ').Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                Assert.Equal(viewBox[2], part.GetProperty("drawing_width_px").GetDouble(), 0.01);
                Assert.Equal(viewBox[3], part.GetProperty("drawing_height_px").GetDouble(), 0.01);
            }
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Map_PngBesideSvg_PrintsThePngsOwnPixelSizeAndTheLogsPaths()
    {
        var dir = Directory.CreateTempSubdirectory("stepwise-map-");
        try
        {
            string svg = Path.Combine(dir.FullName, "map.svg"), png = Path.Combine(dir.FullName, "map.png");
            var (code, output, error) = CliRunner.Run("map", SharedData.PathOf("eventlogs/helpdesk.xes.gz"), "-o", svg, "--png", png,
                "--activities", "80", "--format", "json");

            Assert.True(code == 0, error);
            var json = System.Text.Json.JsonDocument.Parse(output).RootElement;
            var bytes = File.ReadAllBytes(png);
            int width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4));
            int height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4));
            Assert.Equal((width, height), (json.GetProperty("png_width_px").GetInt32(), json.GetProperty("png_height_px").GetInt32()));

            // The SVG is drawn at the drawing's size (no page), and the PNG at twice that.
            var root = XDocument.Load(svg).Root!;
            double svgWidth = double.Parse((string)root.Attribute("width")!, System.Globalization.CultureInfo.InvariantCulture);
            double svgHeight = double.Parse((string)root.Attribute("height")!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(svgWidth, json.GetProperty("drawing_width_px").GetDouble(), 0.01);
            Assert.Equal(svgHeight, json.GetProperty("drawing_height_px").GetDouble(), 0.01);
            Assert.Equal((Math.Ceiling(svgWidth * 2), Math.Ceiling(svgHeight * 2)), ((double)width, (double)height), new ToleranceOfOne());
            Assert.False(json.TryGetProperty("page_width_in", out _));

            // Totals are the log's, whatever is shown: 14 activities and 67 paths (counted from the XES file outside
            // the product, from the start and to the end included); 4 steps shown.
            Assert.Equal((4, 14, 67), (json.GetProperty("activities_shown").GetInt32(), json.GetProperty("activities").GetInt32(), json.GetProperty("paths").GetInt32()));
            Assert.True(json.GetProperty("paths_shown").GetInt32() <= json.GetProperty("paths_between_shown_steps").GetInt32());
        }
        finally
        {
            dir.Delete(true);
        }
    }

    /// <summary>Pixel sizes equal within one pixel (the renderer rounds the scaled size up).</summary>
    private sealed class ToleranceOfOne : IEqualityComparer<(double, double)>
    {
        public bool Equals((double, double) x, (double, double) y) => Math.Abs(x.Item1 - y.Item1) <= 1 && Math.Abs(x.Item2 - y.Item2) <= 1;

        public int GetHashCode((double, double) obj) => 0;
    }

    [Fact]
    public void Map_OutputNamedPng_WritesPngOnly()
    {
        var dir = Directory.CreateTempSubdirectory("stepwise-map-");
        try
        {
            string png = Path.Combine(dir.FullName, "map.png");
            var (code, _, error) = CliRunner.Run("map", SharedData.PathOf("eventlogs/running-example.xes"), "-o", png);

            Assert.True(code == 0, error);
            Assert.Equal((byte)0x89, File.ReadAllBytes(png)[0]);
            Assert.Single(dir.GetFiles());
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

    /// <summary>A log of three cases of <paramref name="steps"/> steps in a row, the teams Front and Back taking turns.</summary>
    private static string ChainLog(DirectoryInfo dir, int steps)
    {
        var csv = new System.Text.StringBuilder("case,activity,timestamp,team\n");
        for (int c = 1; c <= 3; c++)
        {
            for (int i = 1; i <= steps; i++)
            {
                csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{c},Step{i},2020-01-{c:00}T{i:00}:00:00Z,{(i % 2 == 0 ? "Back" : "Front")}\n");
            }
        }

        string path = Path.Combine(dir.FullName, "chain.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    [Fact]
    public void Map_FitSlide_TooSmallOnOneSlide_WritesNumberedPartsEachNamedAndLegible()
    {
        var dir = Directory.CreateTempSubdirectory("stepwise-map-");
        try
        {
            // Sixteen steps in a row over two teams: far too wide for one slide at 12 pt (the deck splits it too).
            string log = ChainLog(dir, 16), svg = Path.Combine(dir.FullName, "map.svg"), png = Path.Combine(dir.FullName, "map.png");
            var (code, output, error) = CliRunner.Run("map", log, "-o", svg, "--png", png, "--lanes", "team", "--fit", "slide", "--format", "json");

            Assert.True(code == 0, error);
            var json = System.Text.Json.JsonDocument.Parse(output).RootElement;
            var parts = json.GetProperty("parts").EnumerateArray().ToList();
            Assert.InRange(parts.Count, 2, 8);
            Assert.Equal(parts.Count, json.GetProperty("map").GetProperty("parts").GetInt32());

            // No letterboxed whole: the parts instead, numbered in their names, each named in the output.
            Assert.False(File.Exists(svg));
            Assert.False(File.Exists(png));
            var steps = new List<string>();
            for (int p = 0; p < parts.Count; p++)
            {
                string partSvg = Path.Combine(dir.FullName, $"map-part{p + 1}.svg"), partPng = Path.Combine(dir.FullName, $"map-part{p + 1}.png");
                Assert.Equal(p + 1, parts[p].GetProperty("part").GetInt32());
                Assert.Equal(partSvg, parts[p].GetProperty("svg").GetString());
                Assert.Equal(partPng, parts[p].GetProperty("png").GetString());
                Assert.True(parts[p].GetProperty("smallest_text_pt").GetDouble() >= 12, $"part {p + 1}: {parts[p].GetProperty("smallest_text_pt").GetDouble()} pt");
                var root = XDocument.Load(partSvg).Root!;
                Assert.Equal("13.333in", (string?)root.Attribute("width"));
                var bytes = File.ReadAllBytes(partPng);
                Assert.Equal(1920, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));

                // The steps the part draws, from its boxes, are those the output names for it.
                var drawn = root.Descendants().Where(e => (string?)e.Attribute("data-kind") == "step").Select(e => (string)e.Attribute("data-name")!).Distinct().ToList();
                Assert.Equal(drawn.Order(StringComparer.Ordinal), parts[p].GetProperty("steps").GetString()!.Split(", ").Order(StringComparer.Ordinal));
                steps.AddRange(drawn);
            }

            // Together the parts draw every step of the chain once.
            Assert.False(File.Exists(Path.Combine(dir.FullName, $"map-part{parts.Count + 1}.svg")));
            Assert.Equal(Enumerable.Range(1, 16).Select(i => $"Step{i}").Order(StringComparer.Ordinal), steps.Order(StringComparer.Ordinal));
            Assert.True(json.GetProperty("map").GetProperty("smallest_text_pt").GetDouble() >= 12);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Map_FitSlide_TooSmallOnOneSlide_TextOutputNamesEveryPartsFile()
    {
        var dir = Directory.CreateTempSubdirectory("stepwise-map-");
        try
        {
            string log = ChainLog(dir, 16), png = Path.Combine(dir.FullName, "flow.png");
            var (code, output, error) = CliRunner.Run("map", log, "-o", png, "--lanes", "team", "--fit", "slide");

            Assert.True(code == 0, error);
            var written = dir.GetFiles("flow*").Select(f => f.Name).Order(StringComparer.Ordinal).ToList();
            Assert.True(written.Count > 1, string.Join(", ", written));
            Assert.Equal(Enumerable.Range(1, written.Count).Select(i => $"flow-part{i}.png").Order(StringComparer.Ordinal), written);
            Assert.All(written, name => Assert.Contains(Path.Combine(dir.FullName, name), output, StringComparison.Ordinal));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Map_FitSlide_InParts_RemovesTheWholeMapAndHigherPartsAnEarlierRunWrote_NothingElse()
    {
        var dir = Directory.CreateTempSubdirectory("stepwise-map-");
        try
        {
            string log = ChainLog(dir, 16), svg = Path.Combine(dir.FullName, "map.svg");

            // An earlier run's whole map and a part this run will not write, beside files that only look alike.
            string[] stale = ["map.svg", "map-part9.svg", "map-part12.svg"];
            string[] others = ["map-part07.svg", "map-part9.svg.bak", "map-partx.svg", "map-part9.png", "mymap-part9.svg", "map.png"];
            foreach (string name in stale.Concat(others))
            {
                File.WriteAllText(Path.Combine(dir.FullName, name), "earlier");
            }

            var (code, output, error) = CliRunner.Run("map", log, "-o", svg, "--lanes", "team", "--fit", "slide", "--format", "json");

            Assert.True(code == 0, error);
            var json = System.Text.Json.JsonDocument.Parse(output).RootElement;
            int parts = json.GetProperty("parts").GetArrayLength();
            Assert.InRange(parts, 2, 8);
            var expected = Enumerable.Range(1, parts).Select(p => $"map-part{p}.svg").Concat(others).Append("chain.csv").Order(StringComparer.Ordinal);
            Assert.Equal(expected, dir.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal));
            Assert.Equal(string.Join(", ", new[] { "map.svg", "map-part9.svg", "map-part12.svg" }.Select(n => Path.Combine(dir.FullName, n))), json.GetProperty("map").GetProperty("removed").GetString());
            Assert.Contains("Removed 3 files an earlier run of this command wrote", error, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Map_WholeMap_RemovesThePartsAnEarlierSplitRunWrote()
    {
        var dir = Directory.CreateTempSubdirectory("stepwise-map-");
        try
        {
            string log = ChainLog(dir, 3), png = Path.Combine(dir.FullName, "flow.png");
            foreach (string name in new[] { "flow-part1.png", "flow-part2.png", "flow-part1.svg" })
            {
                File.WriteAllText(Path.Combine(dir.FullName, name), "earlier");
            }

            var (code, _, error) = CliRunner.Run("map", log, "-o", png, "--fit", "slide", "--format", "json");

            Assert.True(code == 0, error);
            // The PNG's parts go; the SVG part was not written under a name this run gives, so it stays.
            Assert.Equal(["chain.csv", "flow-part1.svg", "flow.png"], dir.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal));
            Assert.Contains("Removed 2 files", error, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Map_IncidentLog_SaysWhyItShowsItsPaths_AndTheRuleCanBeTurnedOff()
    {
        // Counted from the CSV file by a separate script (see Stepwise.Maps.Tests.PathsShownCaptionTests): at 99% of
        // the events and 30% of the transitions, the 2 busiest paths make the share and 8 more are a step's main way in
        // or out; without the rule 5 are added to keep every step between start and end.
        var dir = Directory.CreateTempSubdirectory("stepwise-map-");
        try
        {
            string[] read = [SharedData.PathOf("eventlogs/incident_event_log.csv.zip"), "--case", "number", "--activity", "incident_state", "--timestamp", "sys_updated_at", "--timestamp-format", "dmy",
                "--activities", "99", "--paths", "30", "--format", "json"];
            string svg = Path.Combine(dir.FullName, "map.svg");

            var kept = CliRunner.Run(["map", .. read, "-o", svg]);
            var off = CliRunner.Run(["map", .. read, "-o", svg, "--keep-step-paths", "false"]);

            Assert.True(kept.ExitCode == 0, kept.Error);
            Assert.True(off.ExitCode == 0, off.Error);
            var on = System.Text.Json.JsonDocument.Parse(kept.Output).RootElement;
            var without = System.Text.Json.JsonDocument.Parse(off.Output).RootElement;
            Assert.Equal((10, 2, 8, 0, true), (on.GetProperty("paths_shown").GetInt32(), on.GetProperty("paths_busiest").GetInt32(), on.GetProperty("paths_kept_for_step").GetInt32(), on.GetProperty("paths_kept_for_reach").GetInt32(), on.GetProperty("keep_step_paths").GetBoolean()));
            Assert.Equal((7, 2, 0, 5, false), (without.GetProperty("paths_shown").GetInt32(), without.GetProperty("paths_busiest").GetInt32(), without.GetProperty("paths_kept_for_step").GetInt32(), without.GetProperty("paths_kept_for_reach").GetInt32(), without.GetProperty("keep_step_paths").GetBoolean()));
            Assert.StartsWith("Paths shown: the 2 busiest, plus 8 kept as a step's main way in or out", on.GetProperty("paths_note").GetString(), StringComparison.Ordinal);
            Assert.Contains("a step's main ways in and out are not added", without.GetProperty("paths_note").GetString(), StringComparison.Ordinal);

            // The map drawn last (without the rule) says so in its own caption.
            string caption = string.Join(" ", XDocument.Load(svg).Descendants().Where(e => e.Name.LocalName == "text" && (string?)e.Attribute("class") == "caption").Select(e => e.Value));
            Assert.Contains("Paths shown: the 2 busiest, plus 5 kept so that every step shown lies between start and end;", caption, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Map_FitSlide_FitsOneSlide_WritesOneFileWithoutParts()
    {
        var dir = Directory.CreateTempSubdirectory("stepwise-map-");
        try
        {
            string log = ChainLog(dir, 3), svg = Path.Combine(dir.FullName, "map.svg");
            var (code, output, error) = CliRunner.Run("map", log, "-o", svg, "--lanes", "team", "--fit", "slide", "--format", "json");

            Assert.True(code == 0, error);
            var json = System.Text.Json.JsonDocument.Parse(output).RootElement;
            Assert.False(json.TryGetProperty("parts", out _));
            Assert.True(json.GetProperty("map").GetProperty("smallest_text_pt").GetDouble() >= 12);
            Assert.Equal(["chain.csv", "map.svg"], dir.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Theory]
    [InlineData("--overlay", "heat", "--overlay: 'heat'")]
    [InlineData("--activities", "0", "--activities: 0")]
    [InlineData("--paths", "150", "--paths: 150")]
    [InlineData("--direction", "up", "--direction: 'up'")]
    [InlineData("--fit", "letter", "--fit: 'letter'")]
    [InlineData("--lane-split", "3", "--lane-split: 3")]
    public void Map_BadOption_FailsNamingIt(string option, string value, string expected)
    {
        var (code, _, error) = CliRunner.Run("map", SharedData.PathOf("eventlogs/helpdesk.xes.gz"), "-o", "unused.svg", option, value);
        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
