using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Stepwise.Maps.Layout;
using Stepwise.Maps.Mapping;
using Stepwise.Maps.Rendering;
using Stepwise.Mining.IO;

// Times the layered layout on warm runs and prints the machine and the command, for docs/benchmarks.md.
// Usage: Stepwise.Maps.Bench [PATH-TO-bpic2013_incidents.xes.gz] [RUNS]
string bpic = args.Length > 0 ? args[0] : Path.Combine("..", "shared", "data", "eventlogs", "bpic2013_incidents.xes.gz");
int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
Console.WriteLine($"command: dotnet run -c Release --project bench/Stepwise.Maps.Bench -- {string.Join(' ', args)}");

// A random graph of 100 nodes and 400 edges (seeded), with labels, as a map of that size would have.
var random = new Random(20240501);
var graph = new LayoutGraph();
for (int v = 0; v < 100; v++)
{
    graph.AddNode(new Size(80 + random.Next(100), 40 + random.Next(16)));
}

var seen = new HashSet<(int, int)>();
while (graph.EdgeCount < 400)
{
    int s = random.Next(100), t = random.Next(100);
    if (seen.Add((s, t)))
    {
        graph.AddEdge(s, t, 1 + random.Next(5000), new Size(24 + random.Next(20), 14));
    }
}

Report("layout, random graph 100 nodes / 400 edges", runs, () => LayeredLayout.Compute(graph).Crossings);

var log = EventLogFile.Read(bpic).Log;
var map = ProcessMap.Build(log);
Report($"layout, full BPIC 2013 map ({map.Nodes.Count} nodes, {map.Edges.Count} paths)", runs, () => MapDrawing.Create(map).Layout.Crossings);
var lanes = ProcessMap.Build(log, new MapOptions { LaneAttribute = "org:group" });
Report("layout, full BPIC 2013 map with lanes by org:group", runs, () => MapDrawing.Create(lanes).Layout.Crossings);
var statusLog = EventLogFile.Read(bpic, new EventLogReadOptions { Xes = new XesLogOptions { Classifier = "concept:name lifecycle:transition" } }).Log;
var status = ProcessMap.Build(statusLog, new MapOptions { LaneAttribute = "org:group" });
Report($"layout, BPIC 2013 by sub-status with lanes ({status.Nodes.Count} nodes, {status.Edges.Count} paths)", runs, () => MapDrawing.Create(status).Layout.Crossings);
Report("map build + layout + SVG, full BPIC 2013 with lanes", Math.Max(3, runs / 5), () => SvgMap.Render(ProcessMap.Build(log, new MapOptions { LaneAttribute = "org:group" })).Length);

// What a web app's slider does: rebuild and redraw the map at another share of work.
string helpdeskPath = Path.Combine(Path.GetDirectoryName(bpic)!, "helpdesk.xes.gz");
var helpdesk = EventLogFile.Read(helpdeskPath).Log;
Report("redraw (build + layout + SVG), help desk, full", runs, () => SvgMap.Render(ProcessMap.Build(helpdesk)).Length);
Report("redraw (build + layout + SVG), help desk, 80% of work / 50% of paths", runs, () => SvgMap.Render(ProcessMap.Build(helpdesk, new MapOptions { ActivityPercent = 80, PathPercent = 50 })).Length);
Report("redraw (build + layout + SVG), help desk, lanes by workgroup", runs, () => SvgMap.Render(ProcessMap.Build(helpdesk, new MapOptions { LaneAttribute = "workgroup" })).Length);
var million = Stepwise.Storage.Testing.SyntheticLog.Create(1_000_000, seed: 42);
Console.WriteLine($"synthetic log: {million.EventCount:N0} events, {million.CaseCount:N0} cases, {million.ActivityNames.Count} activities");
var millionMap = ProcessMap.Build(million);
Console.WriteLine($"1M-event map: {millionMap.Nodes.Count} nodes, {millionMap.Edges.Count} paths");
Report("map build only, 1M-event synthetic log, full", Math.Max(3, runs / 5), () => ProcessMap.Build(million).Edges.Count);
Report("layout only, 1M-event synthetic log, full", Math.Max(3, runs / 5), () => MapDrawing.Create(millionMap).Layout.Crossings);
Report("redraw (build + layout + SVG), 1M-event synthetic log, full", Math.Max(3, runs / 5), () => SvgMap.Render(ProcessMap.Build(million)).Length);
Report("redraw (build + layout + SVG), 1M-event synthetic log, 80% of work / 50% of paths", Math.Max(3, runs / 5), () => SvgMap.Render(ProcessMap.Build(million, new MapOptions { ActivityPercent = 80, PathPercent = 50 })).Length);
return 0;

static void Report(string name, int runs, Func<int> work)
{
    for (int i = 0; i < 3; i++)
    {
        work(); // warm-up
    }

    var times = new double[runs];
    int result = 0;
    for (int i = 0; i < runs; i++)
    {
        var sw = Stopwatch.StartNew();
        result = work();
        times[i] = sw.Elapsed.TotalMilliseconds;
    }

    Array.Sort(times);
    Console.WriteLine(FormattableString.Invariant($"{name}: median {times[runs / 2]:F1} ms, min {times[0]:F1} ms, max {times[^1]:F1} ms over {runs} warm runs (result {result})"));
}
