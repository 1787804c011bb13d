using Stepwise.Mining;
using Stepwise.Simulation.CallCentre;
using Stepwise.Simulation.Discovery;
using Stepwise.Simulation.Engine;
using Stepwise.Simulation.Model;
using Stepwise.Simulation.Scenarios;
using Stepwise.Simulation.Validation;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.WhatIf;

/// <summary>
/// The what-if pipeline, the same for a log file, a contact centre's call records and a review's stored data: a model
/// discovered from the data (or read from a file), checked against the data, the as-is simulated, and each scenario
/// (an improvement option's changes) simulated with the same random streams and compared with it.
/// </summary>
public static class WhatIfRuns
{
    /// <summary>Discovers a model from an event log (or reads the request's model file) and checks it against the log.</summary>
    public static (SimulationModel Model, ValidationReport? Validation) Model(LogView view, string source, WhatIfRequest request, IProgress<string>? phase = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(request);
        var options = request.ToOptions();
        phase?.Report("Discovering the model");
        if (request.Model is null && request.ToDiscovery().PoolAttribute is { } attribute && !Mining.Attributes.AttributeCodes.Exists(view.Log, attribute))
        {
            throw StepwiseException.Invalid("pools_by", $"the log has no attribute '{attribute}'; its event attributes are: {string.Join(", ", (view.Log.ResourceNames.Count > 0 ? ["org:resource"] : Array.Empty<string>()).Concat(view.Log.EventAttributes.Select(a => a.Name)))}.");
        }

        var model = request.Model is { } file ? request.Adjust(ModelFile.Load(file), ServiceLevelMeasure.Throughput) : ModelDiscovery.Discover(view, request.ToDiscovery(), source);
        cancellationToken.ThrowIfCancellationRequested();
        phase?.Report("Checking the model against the log");
        var validation = request.NoValidation ? null : ModelValidation.Validate(view, model, Math.Min(options.Replications, 10), options.Seed, options.MaxParallelism, cancellationToken);
        return (model, validation);
    }

    /// <summary>Discovers a model from a contact centre's call records (or reads the request's model file) and checks it.</summary>
    public static (SimulationModel Model, ValidationReport? Validation) CallModel(string path, WhatIfRequest request, IProgress<string>? phase = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = request.ToOptions();
        phase?.Report("Reading call records");
        var records = CallCentreRecords.Read(path);
        if (request.From is not null || request.To is not null)
        {
            records = CallCentreRecords.Within(records, request.From?.UtcDateTime, request.To?.UtcDateTime);
            if (records.Count == 0)
            {
                throw StepwiseException.Invalid("from", $"no call in {Path.GetFileName(path)} began between from and to.");
            }
        }

        phase?.Report("Discovering the model");
        var model = request.Model is { } file
            ? request.Adjust(ModelFile.Load(file), ServiceLevelMeasure.Waiting)
            : CallCentreDiscovery.Discover(records, new CallCentreOptions { ServiceLevelSeconds = request.ServiceLevelTarget?.TotalSeconds ?? 60, CostPerHour = request.CostPerHour, Seed = options.Seed }, Path.GetFileName(path));
        phase?.Report("Checking the model against the records");
        var validation = request.NoValidation ? null : CallCentreValidation.Validate(records, model, Math.Min(options.Replications, 10), options.Seed, options.MaxParallelism);
        return (model, validation);
    }

    /// <summary>Reads the request's model file, with its service level and cost per hour applied, to run without data.</summary>
    public static SimulationModel ModelOnly(WhatIfRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate().ThrowIfAny();
        return request.Model is { } file
            ? request.Adjust(ModelFile.Load(file), ServiceLevelMeasure.Throughput)
            : throw StepwiseException.Invalid("model", "a model file is needed to simulate without data.");
    }

    /// <summary>Simulates the as-is and each scenario (checked against the model first), with the same replications and seed.</summary>
    /// <exception cref="SimulationFileException">A scenario names a step or pool the model lacks, or a value is out of range.</exception>
    public static WhatIfResult Run(SimulationModel model, ValidationReport? validation, WhatIfRequest request, IReadOnlyList<Scenario> scenarios, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(scenarios);
        var options = request.ToOptions();
        foreach (var scenario in scenarios)
        {
            ScenarioCheck.Check(scenario, model, "scenario '" + scenario.Name + "'");
        }

        int runs = scenarios.Count + 1;
        var asIs = Simulator.Run(model, options, null, Part(progress, 0, runs), cancellationToken);
        var outcomes = new List<ScenarioOutcome>();
        for (int i = 0; i < scenarios.Count; i++)
        {
            var run = Simulator.Run(model, options, scenarios[i], Part(progress, i + 1, runs), cancellationToken);
            outcomes.Add(new ScenarioOutcome(scenarios[i], Simulator.Compare(asIs, run), run.Notes));
        }

        progress?.Report(1);
        return new WhatIfResult(model, options, validation, asIs, outcomes);
    }

    private static IProgress<double>? Part(IProgress<double>? progress, int index, int count)
        => progress is null ? null : new Scaled(v => progress.Report((index + Math.Clamp(v, 0, 1)) / count));

    private sealed class Scaled(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
