using System.CommandLine;
using System.Globalization;
using Stepwise.Cli.Infrastructure;
using Stepwise.Simulation.CallCentre;
using Stepwise.Simulation.Discovery;
using Stepwise.Simulation.Engine;
using Stepwise.Simulation.Model;
using Stepwise.Simulation.Scenarios;
using Stepwise.Simulation.Validation;

namespace Stepwise.Cli.Commands;

/// <summary>
/// <c>stepwise simulate LOG</c>: discovers a simulation model from the log (or reads one with <c>--model</c>), shows how
/// well it reproduces the log, and runs what-if scenarios (<c>--scenario FILE</c>) with confidence intervals.
/// </summary>
public static class SimulateCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var command = new Command("simulate", "Discover a simulation model from a log, check it against the log, and predict what improvement options would change (with 95% confidence intervals).");
        var input = new LogInput().AddTo(command);
        var format = CommonOptions.Format();
        var scenario = new Option<string?>("--scenario") { Description = "A JSON or YAML file of one scenario or a list of scenarios (improvement options) to compare with the as-is." };
        var replications = new Option<int>("--replications") { Description = "Replications per run (default 30).", DefaultValueFactory = _ => 30 };
        var seed = new Option<long>("--seed") { Description = "The seed; the same seed gives the same results (default 1).", DefaultValueFactory = _ => 1 };
        var horizon = new Option<string?>("--horizon") { Description = "The simulated period for scenarios, e.g. 365d or 12w (default: the model's, a year or the log's span)." };
        var saveModel = new Option<string?>("--save-model") { Description = "Write the model to this file, JSON or YAML by its extension (to read, edit and reuse with --model)." };
        var model = new Option<string?>("--model") { Description = "Use this model file instead of discovering one from the log." };
        var poolsBy = new Option<string?>("--pools-by") { Description = "The event attribute that forms the pools of staff (e.g. org:group, org:resource); default org:group when present, else one pool." };
        var history = new Option<int>("--routing-history") { Description = "How many past steps decide the next one (default 2).", DefaultValueFactory = _ => 2 };
        var costPerHour = new Option<double>("--cost-per-hour") { Description = "Cost of one staff hour, for cost per case (default 0).", DefaultValueFactory = _ => 0 };
        var serviceLevel = new Option<string?>("--service-level") { Description = "Service-level target on throughput time, e.g. 5d or 8h (default: the log's 80th percentile); for call records, the answer-time target, e.g. 60s." };
        var noValidation = new Option<bool>("--no-validation") { Description = "Skip the comparison of the as-is model with the log." };
        var calls = new Option<bool>("--call-records") { Description = "LOG is a contact centre's call records (tab-separated: vru, queue, outcome, service per call) rather than an event log." };
        var threads = new Option<int?>("--threads") { Description = "The most replications run at once (default: one per core); results do not depend on it." };
        foreach (var option in new Option[] { format, scenario, replications, seed, horizon, saveModel, model, poolsBy, history, costPerHour, serviceLevel, noValidation, calls, threads })
        {
            command.Options.Add(option);
        }

        command.SetRun((parse, context, cancellation) =>
        {
            int reps = parse.GetValue(replications);
            if (reps < 2 || reps > 10_000)
            {
                throw new UserError("--replications must be from 2 to 10000 (a confidence interval needs at least 2).");
            }

            var horizonSpan = parse.GetValue(horizon) is { } h ? LogInput.Duration(h, "--horizon") : (TimeSpan?)null;
            if (horizonSpan is { } span && span <= TimeSpan.Zero)
            {
                throw new UserError("--horizon must be longer than zero (e.g. 365d).");
            }

            var options = new SimulationOptions
            {
                Replications = reps,
                Seed = parse.GetValue(seed),
                Horizon = horizonSpan,
                MaxParallelism = parse.GetValue(threads),
            };
            string path = input.PathOf(parse);
            var target = parse.GetValue(serviceLevel) is { } sl ? LogInput.Duration(sl, "--service-level") : (TimeSpan?)null;
            var report = new SimulateReport();
            SimulationModel simulationModel;
            ValidationReport? validation = null;
            if (parse.GetValue(calls))
            {
                var records = ProgressDisplay.Run(context, "Reading call records", _ => CallCentreRecords.Read(path));
                simulationModel = parse.GetValue(model) is { } modelFile
                    ? ModelFile.Load(modelFile)
                    : ProgressDisplay.Run(context, "Discovering the model", _ => CallCentreDiscovery.Discover(records, new CallCentreOptions
                    {
                        ServiceLevelSeconds = target?.TotalSeconds ?? 60,
                        CostPerHour = parse.GetValue(costPerHour),
                        Seed = options.Seed,
                    }, Path.GetFileName(path)));
                if (!parse.GetValue(noValidation))
                {
                    validation = ProgressDisplay.Run(context, "Checking the model against the records", _ => CallCentreValidation.Validate(records, simulationModel, Math.Min(reps, 10), options.Seed, options.MaxParallelism));
                }
            }
            else
            {
                var loaded = input.Load(parse, context, cancellation);
                if (parse.GetValue(model) is { } modelFile)
                {
                    simulationModel = ModelFile.Load(modelFile);
                }
                else
                {
                    int k = parse.GetValue(history);
                    if (k < 1 || k > 8)
                    {
                        throw new UserError("--routing-history must be from 1 to 8.");
                    }

                    var discovery = new DiscoveryOptions
                    {
                        PoolAttribute = parse.GetValue(poolsBy),
                        RoutingHistory = k,
                        CostPerHour = parse.GetValue(costPerHour),
                        ServiceLevel = target is { } t ? new ServiceLevel(ServiceLevelMeasure.Throughput, t.TotalSeconds) : null,
                    };
                    simulationModel = ProgressDisplay.Run(context, "Discovering the model", _ => ModelDiscovery.Discover(loaded.View, discovery, Path.GetFileName(path)));
                }

                if (!parse.GetValue(noValidation))
                {
                    validation = ProgressDisplay.Run(context, "Checking the model against the log", _ => ModelValidation.Validate(loaded.View, simulationModel, Math.Min(reps, 10), options.Seed, options.MaxParallelism, cancellation));
                }
            }

            if (parse.GetValue(saveModel) is { } save)
            {
                ModelFile.Save(simulationModel, save);
                context.Error.WriteLine($"Model written to {save}.");
            }

            var scenarios = parse.GetValue(scenario) is { } scenarioFile ? ScenarioFile.Load(scenarioFile, simulationModel) : [];
            report.AddModel(simulationModel, options);
            if (validation is not null)
            {
                report.AddValidation(validation);
            }

            var asIs = ProgressDisplay.Run(context, "Simulating the as-is", progress => Simulator.Run(simulationModel, options, null, progress, cancellation));
            if (scenarios.Count == 0)
            {
                report.AddKpis(asIs);
            }

            foreach (var s in scenarios)
            {
                var run = ProgressDisplay.Run(context, "Simulating " + s.Name, progress => Simulator.Run(simulationModel, options, s, progress, cancellation));
                report.AddComparison(s, Simulator.Compare(asIs, run));
            }

            return CommonOptions.Print(context, report.Report, parse.GetValue(format));
        });
        return command;
    }

    /// <summary>Formats a number for a note.</summary>
    internal static string Number(double value, string format = "N1") => value.ToString(format, CultureInfo.InvariantCulture);
}
