using System.Diagnostics;
using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Stepwise.Maps.Bpmn;
using Stepwise.Maps.Layout;
using Stepwise.Maps.Mapping;
using Stepwise.Testing;

namespace Stepwise.Maps.Tests;

public class BpmnExportTests
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace BpmnDi = "http://www.omg.org/spec/BPMN/20100524/DI";
    private static readonly XNamespace Dc = "http://www.omg.org/spec/DD/20100524/DC";
    private static readonly XNamespace Di = "http://www.omg.org/spec/DD/20100524/DI";

    private static ProcessMap Helpdesk() => ProcessMap.Build(RealLogs.Helpdesk, new MapOptions { ActivityPercent = 80, PathPercent = 50 });

    private static ProcessMap Bpic2013Lanes() => ProcessMap.Build(RealLogs.Bpic2013WithStatus, new MapOptions { PathPercent = 40, LaneAttribute = "org:group" });

    [Fact]
    public void Export_RealMaps_BpmnModdleParsesThemWithoutWarnings()
    {
        var dir = Directory.CreateTempSubdirectory("stepwise-bpmn-");
        try
        {
            string help = Path.Combine(dir.FullName, "helpdesk.bpmn"), bpic = Path.Combine(dir.FullName, "bpic2013.bpmn");
            BpmnExport.Write(Helpdesk(), help, "helpdesk");
            BpmnExport.Write(Bpic2013Lanes(), bpic, "bpic2013 <incidents> & \"problems\"");

            var (code, output) = RunCheck(help, bpic);

            Assert.True(code == 0, output);
            Assert.DoesNotContain("warning:", output, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("0 warnings", output, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Check_FileWithAnUnknownElement_Fails()
    {
        // The check must be able to fail: bpmn-moddle warns about content it does not know.
        var dir = Directory.CreateTempSubdirectory("stepwise-bpmn-");
        try
        {
            string file = Path.Combine(dir.FullName, "broken.bpmn");
            string xml = BpmnExport.ToXml(Helpdesk()).Replace("<bpmn:task ", "<bpmn:taks ", StringComparison.Ordinal).Replace("</bpmn:task>", "</bpmn:taks>", StringComparison.Ordinal);
            File.WriteAllText(file, xml);

            var (code, output) = RunCheck(file);

            Assert.NotEqual(0, code);
            Assert.Contains("warning:", output, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Export_MapWithLanes_TasksGatewaysLanesAndDiagramMatchTheMap()
    {
        var map = Bpic2013Lanes();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(BpmnExport.ToXml(map, "bpic2013")), settings);
        var doc = XDocument.Load(reader);
        var process = doc.Root!.Element(Bpmn + "process")!;

        // A task per activity, named after it.
        var activities = map.Nodes.Where(n => n.Kind == MapNodeKind.Activity).Select(n => n.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(activities, process.Elements(Bpmn + "task").Select(t => (string)t.Attribute("name")!).Order(StringComparer.Ordinal));

        // A diverging XOR gateway for every step (or the start) with several successors, each with one way in.
        int branching = map.Nodes.Count(n => map.Edges.Count(e => e.Source == n.Id) > 1);
        var gateways = process.Elements(Bpmn + "exclusiveGateway").ToList();
        Assert.Equal(branching, gateways.Count);
        Assert.All(gateways, g => Assert.Single(g.Elements(Bpmn + "incoming")));

        // Sequence flows: one per path, plus one into each gateway.
        var flows = process.Elements(Bpmn + "sequenceFlow").ToList();
        Assert.Equal(map.Edges.Count + branching, flows.Count);

        // Lanes: every flow node in exactly one lane, and one lane per map lane.
        var lanes = process.Element(Bpmn + "laneSet")!.Elements(Bpmn + "lane").ToList();
        Assert.Equal(map.Lanes.Count, lanes.Count);
        var flowNodes = process.Elements().Where(e => e.Name.LocalName is "task" or "exclusiveGateway" or "startEvent" or "endEvent").Select(e => (string)e.Attribute("id")!).ToList();
        var inLanes = lanes.SelectMany(l => l.Elements(Bpmn + "flowNodeRef").Select(r => r.Value)).ToList();
        Assert.Equal(flowNodes.Order(StringComparer.Ordinal), inLanes.Order(StringComparer.Ordinal));

        // Diagram: shapes for all, lanes contain their nodes, edges start and end on their nodes.
        var plane = doc.Root!.Element(BpmnDi + "BPMNDiagram")!.Element(BpmnDi + "BPMNPlane")!;
        var bounds = plane.Elements(BpmnDi + "BPMNShape").ToDictionary(s => (string)s.Attribute("bpmnElement")!, s => Bounds(s.Element(Dc + "Bounds")!));
        foreach (var lane in lanes)
        {
            foreach (var node in lane.Elements(Bpmn + "flowNodeRef"))
            {
                Assert.True(bounds[(string)lane.Attribute("id")!].Contains(bounds[node.Value]), $"{node.Value} lies outside its lane");
            }
        }

        foreach (var flow in flows)
        {
            var edge = plane.Elements(BpmnDi + "BPMNEdge").Single(e => (string)e.Attribute("bpmnElement")! == (string)flow.Attribute("id")!);
            var points = edge.Elements(Di + "waypoint").Select(p => new Point(Num(p, "x"), Num(p, "y"))).ToList();
            Assert.True(points.Count >= 2);
            Assert.True(bounds[(string)flow.Attribute("sourceRef")!].IsOnBorder(points[0], 0.11), $"flow {(string)flow.Attribute("id")!} starts off its source");
            Assert.True(bounds[(string)flow.Attribute("targetRef")!].IsOnBorder(points[^1], 0.11), $"flow {(string)flow.Attribute("id")!} ends off its target");
        }

        var shapes = bounds.Where(kv => flowNodes.Contains(kv.Key)).Select(kv => kv.Value).ToList();
        for (int a = 0; a < shapes.Count; a++)
        {
            for (int b = a + 1; b < shapes.Count; b++)
            {
                Assert.False(shapes[a].Overlaps(shapes[b]));
            }
        }
    }

    [Fact]
    public void Export_SameMapTwice_Identical()
        => Assert.Equal(BpmnExport.ToXml(Helpdesk(), "x"), BpmnExport.ToXml(Helpdesk(), "x"));

    private static Rect Bounds(XElement b) => new(Num(b, "x"), Num(b, "y"), Num(b, "width"), Num(b, "height"));

    private static double Num(XElement e, string name) => double.Parse((string)e.Attribute(name)!, CultureInfo.InvariantCulture);

    /// <summary>Runs the bpmn-moddle check on the files. Node and the check's packages are installed by test.sh;
    /// without them this fails rather than skips, so a missing check can never pass unnoticed.</summary>
    private static (int Code, string Output) RunCheck(params string[] files)
    {
        string folder = Path.Combine(SharedData.RepositoryRoot, "tests", "bpmn-check");
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules", "bpmn-moddle")), $"bpmn-moddle is not installed: run 'npm ci --prefix {folder}' (test.sh does this).");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        start.ArgumentList.Add(Path.Combine(folder, "check.mjs"));
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Assert.Fail($"node could not be started ({ex.Message}); install Node.js 20 or later.");
            throw;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            string stderr = process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(60_000), "the bpmn-moddle check did not finish within a minute");
            return (process.ExitCode, stdout.Result + stderr);
        }
    }
}
