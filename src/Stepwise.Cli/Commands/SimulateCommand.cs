using System.CommandLine;
using System.Globalization;
using Stepwise.Cli.Infrastructure;
using Stepwise.Simulation.Model;
using Stepwise.Simulation.Scenarios;
using Stepwise.Simulation.Validation;
using Stepwise.Workbench.WhatIf;

namespace Stepwise.Cli.Commands;

/// <summary>
/// <c>stepwise simulate LOG</c>: discovers a simulation model from the log (or reads one with <c>--model</c>), shows how
/// well it reproduces the log, and runs what-if scenarios (<c>--scenario FILE</c>) with confidence intervals.
/// </summary>
internal static class SimulateCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var command = new Command("simulate", "Discover a simulation model from a log, check it against the log, and predict what improvement options would change (with 95% confidence intervals).");
        var input = new LogInput(review: false).AddTo(command);
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
            var request = new WhatIfRequest
            {
                Replications = parse.GetValue(replications),
                Seed = parse.GetValue(seed),
                Horizon = parse.GetValue(horizon),
                PoolsBy = parse.GetValue(poolsBy),
                RoutingHistory = parse.GetValue(history),
                CostPerHour = parse.GetValue(costPerHour),
                ServiceLevel = parse.GetValue(serviceLevel),
                NoValidation = parse.GetValue(noValidation),
                Threads = parse.GetValue(threads),
                Model = parse.GetValue(model),
            };
            request.Validate().ThrowIfAny();
            string path = input.RequiredPath(parse);
            var (simulationModel, validation) = parse.GetValue(calls)
                ? ProgressDisplay.Run(context, "Reading call records and discovering the model", _ => WhatIfRuns.CallModel(path, request))
                : ModelOf(input.Load(parse, context, cancellation));

            (SimulationModel, ValidationReport?) ModelOf(LoadedLog loaded)
                => ProgressDisplay.Run(context, "Discovering and checking the model", _ => WhatIfRuns.Model(loaded.View, Path.GetFileName(path), request, null, cancellation));

            if (parse.GetValue(saveModel) is { } save)
            {
                ModelFile.Save(simulationModel, save);
                context.Error.WriteLine($"Model written to {save}.");
            }

            var scenarios = parse.GetValue(scenario) is { } scenarioFile ? ScenarioFile.Load(scenarioFile, simulationModel) : [];
            var run = ProgressDisplay.Run(context, "Simulating", progress => WhatIfRuns.Run(simulationModel, validation, request, scenarios, progress, cancellation));
            var report = new SimulateReport();
            report.AddModel(run.Model, run.Options);
            if (run.Validation is not null)
            {
                report.AddValidation(run.Validation);
            }

            if (run.Scenarios.Count == 0)
            {
                report.AddKpis(run.AsIs);
            }

            foreach (var outcome in run.Scenarios)
            {
                report.AddComparison(outcome.Scenario, outcome.Comparisons);
            }

            return CommonOptions.Print(context, report.Report, parse.GetValue(format));
        });
        return command;
    }

    /// <summary>Formats a number for a note.</summary>
    internal static string Number(double value, string format = "N1") => value.ToString(format, CultureInfo.InvariantCulture);
}
