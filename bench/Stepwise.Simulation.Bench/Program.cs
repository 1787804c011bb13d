using System.Diagnostics;
using System.Globalization;
using Stepwise.Mining.IO;
using Stepwise.Simulation.Bench;
using Stepwise.Simulation.Discovery;
using Stepwise.Simulation.Engine;

// Benchmarks of the simulation kernel. Usage:
//   dotnet run -c Release --project bench/Stepwise.Simulation.Bench -- [events|year|memory|discover|all] [path to helpdesk.xes.gz]
string mode = args.Length > 0 ? args[0] : "all";
string helpdesk = args.Length > 1 ? args[1] : Path.Combine("..", "shared", "data", "eventlogs", "helpdesk.xes.gz");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB"));

if (mode is "events" or "all")
{
    // One core: a busy contact centre (M/M/c with abandonment) run single-threaded, events per second.
    var model = BenchModels.ContactCentre(agents: 50, callsPerHour: 1400, meanServiceSeconds: 120);
    var compiled = CompiledModel.Compile(model, null, model.Start);
    new ReplicationRun(compiled, 1, 0, 7 * 86400, 86400).Run(); // warm-up
    var watch = Stopwatch.StartNew();
    long before = GC.GetAllocatedBytesForCurrentThread();
    var result = new ReplicationRun(compiled, 1, 1, 365 * 86400, 86400).Run();
    long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
    watch.Stop();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"events: {result.Events:N0} events in {watch.Elapsed.TotalSeconds:F2} s on one core = {result.Events / watch.Elapsed.TotalSeconds / 1e6:F2} M events/s; {allocated:N0} bytes allocated = {(double)allocated / result.Events:F3} bytes/event"));
}

if (mode is "memory" or "all")
{
    // Memory flat over the horizon: bytes allocated by a replication of 1, 4 and 16 years of the same model.
    var model = BenchModels.ContactCentre(agents: 50, callsPerHour: 1400, meanServiceSeconds: 120);
    var compiled = CompiledModel.Compile(model, null, model.Start);
    foreach (int years in new[] { 1, 4, 16 })
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var result = new ReplicationRun(compiled, 1, 2, years * 365.0 * 86400, 86400).Run();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory: {years,2} year(s): {result.Events:N0} events, {allocated:N0} bytes allocated ({(double)allocated / result.Events:F4} bytes/event)"));
    }
}

if (mode is "year" or "all")
{
    // 30 replications of a year of helpdesk-sized traffic, on every core.
    var watch = Stopwatch.StartNew();
    var log = EventLogFile.Read(helpdesk).Log;
    var model = ModelDiscovery.Discover(log, source: Path.GetFileName(helpdesk));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"year: read and discovered {Path.GetFileName(helpdesk)} in {watch.Elapsed.TotalSeconds:F2} s"));
    Simulator.Run(model, new SimulationOptions { Replications = 2, Horizon = TimeSpan.FromDays(30) }); // warm-up
    watch.Restart();
    var result = Simulator.Run(model, new SimulationOptions { Replications = 30, Horizon = TimeSpan.FromDays(365) });
    watch.Stop();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"year: 30 replications x 365 days: {result.Events:N0} events, {result.Replications.Sum(r => r.Arrivals):N0} cases in {watch.Elapsed.TotalSeconds:F2} s ({result.Events / watch.Elapsed.TotalSeconds / 1e6:F2} M events/s on {Environment.ProcessorCount} cores)"));
}

if (mode is "discover" or "all")
{
    // Discovery of the two real logs, with and without the calibration runs (which simulate the log's whole period).
    foreach (string file in new[] { helpdesk, Path.Combine(Path.GetDirectoryName(helpdesk) ?? ".", "bpic2013_incidents.xes.gz") })
    {
        var log = EventLogFile.Read(file).Log;
        ModelDiscovery.Discover(log, new DiscoveryOptions { CalibrationReplications = 0 }); // warm-up
        var watch = Stopwatch.StartNew();
        var plain = ModelDiscovery.Discover(log, new DiscoveryOptions { CalibrationReplications = 0 });
        double withoutCalibration = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var calibrated = ModelDiscovery.Discover(log);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"discover: {Path.GetFileName(file)} ({log.EventCount:N0} events, {plain.Pools.Count:N0} pools): {withoutCalibration:F2} s without calibration, {watch.Elapsed.TotalSeconds:F2} s with it"));
    }
}
