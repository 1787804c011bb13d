using System.CommandLine;
using System.Globalization;
using Stepwise.Cli.Infrastructure;
using Stepwise.Simulation.Model;
using Stepwise.Simulation.Scenarios;
using Stepwise.Simulation.Validation;
using Stepwise.Workbench.WhatIf;

namespace Stepwise.Cli.Commands;

/// <summary>
/// <c>stepwise simulate LOG</c>: discovers a simulation model from the log (or reads one with <c>--model</c>, which
/// needs no log), shows how well it reproduces the log, and runs what-if scenarios (<c>--scenario FILE</c>) with
/// confidence intervals. Options that do not apply to what is simulated are refused, never ignored.
/// </summary>
internal static class SimulateCommand
{
    /// <summary>The verb's name.</summary>
    public const string Name = "simulate";

    /// <summary>What the verb does, as help lists it.</summary>
    public const string Description = "Discover a simulation model from a log, check it against the log, and predict what improvement options would change (with 95% confidence intervals).";

    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var command = new Command(Name, Description);
        var input = new LogInput(review: false).Optional().AddTo(command);
        var format = CommonOptions.Format();
        var scenario = new Option<string?>("--scenario") { Description = "A JSON or YAML file of one scenario or a list of scenarios (improvement options) to compare with the as-is." };
        var replications = new Option<int>("--replications") { Description = "Replications per run (default 30).", DefaultValueFactory = _ => 30 };
        var seed = new Option<long>("--seed") { Description = "The seed; the same seed gives the same results (default 1).", DefaultValueFactory = _ => 1 };
        var horizon = new Option<string?>("--horizon") { Description = "The simulated period for scenarios, e.g. 365d or 12w (default: the model's, a year or the log's span)." };
        var saveModel = new Option<string?>("--save-model") { Description = "Write the model to this file, JSON or YAML by its extension (to read, edit and reuse with --model)." };
        var model = new Option<string?>("--model") { Description = "Use this model file instead of discovering one; LOG is then optional and, when given, the model is checked against it." };
        var poolsBy = new Option<string?>("--pools-by") { Description = "The event attribute that forms the pools of staff (e.g. org:group, org:resource); default org:group when present, else one pool. Discovery only." };
        var staff = new Option<string[]>("--staff") { Description = "Staff on shift in a pool when the log cannot tell, as POOL=N (repeatable, e.g. --staff \"Staff=8\"); replaces the people seen working. Discovery only." };
        var history = new Option<int?>("--routing-history") { Description = "How many past steps decide the next one, 1 to 8 (default: chosen from the log's paths by the Bayesian information criterion). Discovery only." };
        var costPerHour = new Option<double?>("--cost-per-hour") { Description = "Cost of one staff hour in every pool, for cost per case (default: not costed)." };
        var serviceLevel = new Option<string?>("--service-level") { Description = "Service-level target on throughput time, e.g. 5d or 8h (default: the log's 80th percentile, or the model's); for call records, the answer-time target, e.g. 60s." };
        var noValidation = new Option<bool>("--no-validation") { Description = "Skip the comparison of the as-is model with the log." };
        var calls = new Option<bool>("--call-records") { Description = "LOG is a contact centre's call records (tab-separated: vru, queue, outcome, service per call) rather than an event log; --from/--to select the calls." };
        var threads = new Option<int?>("--threads") { Description = "The most replications run at once (default: one per core); results do not depend on it." };
        foreach (var option in new Option[] { format, scenario, replications, seed, horizon, saveModel, model, poolsBy, staff, history, costPerHour, serviceLevel, noValidation, calls, threads })
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
            string? path = input.PathOf(parse);
            string? modelFile = parse.GetValue(model);
            bool callRecords = parse.GetValue(calls);
            var staffGiven = Staff(parse.GetValue(staff));
            RefuseWhatDoesNotApply(parse, input, path, modelFile, callRecords, staffGiven.Count > 0, poolsBy, history, noValidation);
            var (from, to) = callRecords ? input.Window(parse) : (null, null);
            request = request with { Staff = staffGiven, From = from, To = to };
            request.Validate().ThrowIfAny();

            SimulationModel simulationModel;
            ValidationReport? validation = null;
            if (callRecords)
            {
                (simulationModel, validation) = ProgressDisplay.Run(context, "Reading call records and discovering the model", _ => WhatIfRuns.CallModel(path!, request));
            }
            else if (path is null)
            {
                simulationModel = WhatIfRuns.ModelOnly(request);
            }
            else
            {
                var loaded = input.Load(parse, context, cancellation);
                (simulationModel, validation) = ProgressDisplay.Run(context, "Discovering and checking the model", _ => WhatIfRuns.Model(loaded.View, Path.GetFileName(path), request, null, cancellation));
            }

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
                foreach (string warning in run.Validation.Warnings)
                {
                    context.Warn(warning);
                }

                report.AddValidation(run.Validation);
            }
            else if (modelFile is not null && path is null)
            {
                report.AddNote("The model is not compared with any data (no LOG given).");
            }

            if (run.Scenarios.Count == 0)
            {
                report.AddKpis(run.AsIs);
            }

            foreach (var outcome in run.Scenarios)
            {
                report.AddComparison(outcome.Scenario, outcome.Comparisons, outcome.Notes ?? []);
            }

            return CommonOptions.Print(context, report.Report, parse.GetValue(format));
        });
        return command;
    }

    /// <summary>Formats a number for a note.</summary>
    internal static string Number(double value, string format = "N1") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Options that would be silently ignored for what is simulated are refused, naming them.</summary>
    private static void RefuseWhatDoesNotApply(ParseResult parse, LogInput input, string? path, string? modelFile, bool callRecords, bool staffGiven, Option<string?> poolsBy, Option<int?> history, Option<bool> noValidation)
    {
        var discoveryOnly = new List<string>();
        if (parse.GetResult(poolsBy) is { Implicit: false })
        {
            discoveryOnly.Add("--pools-by");
        }

        if (parse.GetResult(history) is { Implicit: false })
        {
            discoveryOnly.Add("--routing-history");
        }

        if (staffGiven)
        {
            discoveryOnly.Add("--staff");
        }

        if (callRecords)
        {
            if (path is null)
            {
                throw new UserError("--call-records needs the call records file as LOG.");
            }

            var logOptions = input.Given(parse, "--from", "--to");
            if (logOptions.Count > 0)
            {
                throw new UserError($"{string.Join(", ", logOptions)} {(logOptions.Count == 1 ? "does" : "do")} not apply to call records (only --from and --to, which select the calls by when they began).");
            }

            if (discoveryOnly.Count > 0)
            {
                throw new UserError($"{string.Join(", ", discoveryOnly)} {(discoveryOnly.Count == 1 ? "applies" : "apply")} to models discovered from event logs, not to call records: the agents per hour are calibrated from the records; change them with a changeStaff scenario.");
            }

            return;
        }

        if (modelFile is not null)
        {
            if (discoveryOnly.Count > 0)
            {
                throw new UserError($"{string.Join(", ", discoveryOnly)} {(discoveryOnly.Count == 1 ? "shapes" : "shape")} a model discovered from a log; with --model the pools, staff and routing are the model file's: edit them there, or drop --model to discover a new model.");
            }

            if (path is null && input.Given(parse) is { Count: > 0 } logOptions)
            {
                throw new UserError($"{string.Join(", ", logOptions)} {(logOptions.Count == 1 ? "needs" : "need")} a LOG to apply to; with --model and no LOG the model runs without data.");
            }

            if (path is not null && parse.GetValue(noValidation))
            {
                throw new UserError("With --model and --no-validation the LOG would not be read: drop LOG, or drop --no-validation to check the model against it.");
            }

            return;
        }

        if (path is null)
        {
            throw new UserError("Give the event log to discover a model from (LOG), or a model file with --model.");
        }
    }

    /// <summary>Parses <c>--staff POOL=N</c> values.</summary>
    private static Dictionary<string, double> Staff(string[]? values)
    {
        var staff = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string value in values ?? [])
        {
            int eq = value.LastIndexOf('=');
            if (eq <= 0 || !double.TryParse(value.AsSpan(eq + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out double n) || !double.IsFinite(n))
            {
                throw new UserError($"--staff '{value}': expected POOL=N, e.g. --staff \"Staff=8\".");
            }

            if (n <= 0)
            {
                throw new UserError($"--staff '{value}': a pool needs more than 0 staff (with nobody on shift its work is never done).");
            }

            staff[value[..eq].Trim()] = n;
        }

        return staff;
    }
}
