using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
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

    private static ProcessMap Helpdesk() => ProcessMap.Build(RealLogs.Helpdesk, new MapOptions { ActivityPercent = 99, PathPercent = 85 });

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
        var activities = map.Nodes.Where(n => n.Kind == MapNodeKind.Activity).Select(n => n.IsSplit ? $"{n.Name} ({map.Lanes[n.Lane].Name})" : n.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(activities, process.Elements(Bpmn + "task").Select(t => (string)t.Attribute("name")!).Order(StringComparer.Ordinal));

        // A diverging XOR gateway for every box (or the start) with several successors, each with one way in; a
        // converging one for every box (or the end) with several predecessors, each with one way out.
        int branching = map.Nodes.Count(n => map.Edges.Count(e => e.Source == n.Id) > 1);
        int joining = map.Nodes.Count(n => map.Edges.Count(e => e.Target == n.Id) > 1);
        var gateways = process.Elements(Bpmn + "exclusiveGateway").ToList();
        Assert.Equal(branching, gateways.Count(g => (string?)g.Attribute("gatewayDirection") == "Diverging"));
        Assert.Equal(joining, gateways.Count(g => (string?)g.Attribute("gatewayDirection") == "Converging"));
        Assert.All(gateways.Where(g => (string?)g.Attribute("gatewayDirection") == "Diverging"), g => Assert.Single(g.Elements(Bpmn + "incoming")));
        Assert.All(gateways.Where(g => (string?)g.Attribute("gatewayDirection") == "Converging"), g => Assert.Single(g.Elements(Bpmn + "outgoing")));

        // Sequence flows: one per path, plus one into each split and one out of each join.
        var flows = process.Elements(Bpmn + "sequenceFlow").ToList();
        Assert.Equal(map.Edges.Count + branching + joining, flows.Count);

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

    [SkippableFact]
    public void Export_RealMaps_BpmnJsViewerImportsThemWithoutWarnings()
    {
        var maps = new (string Name, ProcessMap Map)[]
        {
            ("helpdesk", Helpdesk()),
            ("helpdesk lanes", ProcessMap.Build(RealLogs.Helpdesk, new MapOptions { ActivityPercent = 99, PathPercent = 85, LaneAttribute = "workgroup" })),
            ("bpic2013 lanes", Bpic2013Lanes()),
            ("incidents lanes", ProcessMap.Build(RealLogs.Incidents, new MapOptions { ActivityPercent = 90, PathPercent = 60, LaneAttribute = "assignment_group" })),
            ("parallel", ParallelMap()),
        };
        foreach (var (name, map) in maps)
        {
            var (ok, error, warnings) = BpmnViewer.Import(BpmnExport.ToXml(map, name));
            Assert.True(ok, $"{name}: bpmn-js could not import it: {error}");
            Assert.True(warnings.Count == 0, $"{name}: {string.Join("; ", warnings)}");
        }
    }

    [SkippableFact]
    public void BpmnJs_FileWithAFlowToAnUnknownElement_Warns()
    {
        // The viewer check must be able to fail: a flow to an element that does not exist gives an import warning.
        string xml = BpmnExport.ToXml(Helpdesk()).Replace("targetRef=\"EndEvent_1\"", "targetRef=\"Nowhere_1\"", StringComparison.Ordinal);
        var (_, _, warnings) = BpmnViewer.Import(xml);
        Assert.NotEmpty(warnings);
    }

    [Fact]
    public void Export_Helpdesk_FlowsNamedWithFrequencyAndSplitSharesAndMergesBeforeJoins()
    {
        var map = Helpdesk();
        var doc = XDocument.Parse(BpmnExport.ToXml(map, "helpdesk"));
        var process = doc.Root!.Element(Bpmn + "process")!;
        var flows = process.Elements(Bpmn + "sequenceFlow").ToList();
        var byId = process.Elements().Where(e => e.Attribute("id") is not null).ToDictionary(e => (string)e.Attribute("id")!);

        // Every flow has a name with its count; flows out of a diverging gateway also give their share, and the shares
        // of a gateway's branches add up to 100% (within rounding).
        Assert.All(flows, f => Assert.Matches("[0-9,]+\u00d7", (string?)f.Attribute("name") ?? string.Empty));
        foreach (var gateway in process.Elements(Bpmn + "exclusiveGateway").Where(g => (string?)g.Attribute("gatewayDirection") == "Diverging"))
        {
            var shares = flows.Where(f => (string)f.Attribute("sourceRef")! == (string)gateway.Attribute("id")!)
                .Select(f => int.Parse(Regex.Match((string)f.Attribute("name")!, "^([0-9]+)%").Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
            Assert.True(shares.Count > 1);
            Assert.InRange(shares.Sum(), 100 - shares.Count, 100 + shares.Count);
        }

        // Every task has one way in and one way out: joins go through converging gateways, splits through diverging ones.
        foreach (var task in process.Elements(Bpmn + "task"))
        {
            Assert.Single(task.Elements(Bpmn + "incoming"));
            Assert.Single(task.Elements(Bpmn + "outgoing"));
        }

        Assert.Contains(process.Elements(Bpmn + "exclusiveGateway"), g => (string?)g.Attribute("gatewayDirection") == "Converging");

        // Flows are drawn with right-angled bends only.
        foreach (var edge in doc.Descendants(BpmnDi + "BPMNEdge"))
        {
            var points = edge.Elements(Di + "waypoint").Select(p => new Point(Num(p, "x"), Num(p, "y"))).ToList();
            for (int i = 0; i + 1 < points.Count; i++)
            {
                Assert.True(Math.Abs(points[i].X - points[i + 1].X) < 0.05 || Math.Abs(points[i].Y - points[i + 1].Y) < 0.05, $"{(string)edge.Attribute("bpmnElement")!} has a diagonal segment");
            }
        }

        // Tasks are wide enough for their names in whole words (at most three lines at 12 px).
        foreach (var task in process.Elements(Bpmn + "task"))
        {
            var shape = doc.Descendants(BpmnDi + "BPMNShape").Single(s => (string)s.Attribute("bpmnElement")! == (string)task.Attribute("id")!);
            double width = Num(shape.Element(Dc + "Bounds")!, "width");
            string name = (string)task.Attribute("name")!;
            double longestWord = name.Split(' ').Max(w => w.Length) * 12 * 0.6;
            Assert.True(width - 10 >= longestWord, $"'{name}' has a word wider than its task ({width} px)");
        }
    }

    [Fact]
    public void Export_StepsInBothOrdersThatOverlap_ParallelGateways()
    {
        var xml = BpmnExport.ToXml(ParallelMap(), "parallel");
        var process = XDocument.Parse(xml).Root!.Element(Bpmn + "process")!;

        // B and C run side by side after A and before D: a parallel split after A and a join before D.
        var gateways = process.Elements(Bpmn + "parallelGateway").ToList();
        Assert.Equal(2, gateways.Count);
        var names = process.Elements().Where(e => e.Attribute("id") is not null).ToDictionary(e => (string)e.Attribute("id")!, e => (string?)e.Attribute("name"));
        var flows = process.Elements(Bpmn + "sequenceFlow").Select(f => ((string)f.Attribute("sourceRef")!, (string)f.Attribute("targetRef")!)).ToList();
        var split = gateways.Single(g => (string?)g.Attribute("gatewayDirection") == "Diverging");
        var join = gateways.Single(g => (string?)g.Attribute("gatewayDirection") == "Converging");
        Assert.Equal(["B", "C"], flows.Where(f => f.Item1 == (string)split.Attribute("id")!).Select(f => names[f.Item2]).Order(StringComparer.Ordinal));
        Assert.Equal(["B", "C"], flows.Where(f => f.Item2 == (string)join.Attribute("id")!).Select(f => names[f.Item1]).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(flows, f => names[f.Item1] is "B" or "C" && names[f.Item2] is "B" or "C");
    }

    [Fact]
    public void Build_BothOrdersWithoutOverlap_NotConcurrent()
    {
        // The same orders, but B always ends before C starts and the other way round: no overlap, so a choice, not parallel.
        var map = ProcessMap.Build(ParallelLog(overlap: false));
        Assert.Empty(map.Concurrent);
        Assert.Single(ProcessMap.Build(ParallelLog(overlap: true)).Concurrent);
    }

    /// <summary>Cases A, then B and C in either order, then D; with overlap B and C run at the same time.</summary>
    private static Stepwise.Mining.EventLog ParallelLog(bool overlap)
    {
        var builder = new Stepwise.Mining.EventLogBuilder();
        var t0 = new DateTimeOffset(2024, 3, 4, 9, 0, 0, TimeSpan.Zero);
        for (int c = 0; c < 6; c++)
        {
            var start = t0.AddDays(c);
            string id = $"case{c}";
            var (first, second) = c % 2 == 0 ? ("B", "C") : ("C", "B");
            builder.Add(id, "A", start.AddMinutes(10), start: start);
            builder.Add(id, first, start.AddMinutes(40), start: start.AddMinutes(15));
            builder.Add(id, second, start.AddMinutes(overlap ? 50 : 80), start: start.AddMinutes(overlap ? 20 : 45));
            builder.Add(id, "D", start.AddMinutes(100), start: start.AddMinutes(90));
        }

        return builder.Build();
    }

    private static ProcessMap ParallelMap() => ProcessMap.Build(ParallelLog(overlap: true));

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
