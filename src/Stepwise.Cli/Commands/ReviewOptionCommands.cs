using System.CommandLine;
using System.Globalization;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;
using Stepwise.Review.Options;
using Stepwise.Workbench.Analyses;
using Stepwise.Workbench.Logs;
using Stepwise.Workbench.Options;
using Stepwise.Workbench.WhatIf;

namespace Stepwise.Cli.Commands;

/// <summary>
/// <c>stepwise review option | simulate</c>: improvement options whose changes are the simulation's scenario changes,
/// and simulating them against the as-is of the review's data, with the results kept with each option.
/// </summary>
internal static class ReviewOptionCommands
{
    public static Command OptionVerb(ReviewOptions o)
    {
        var title = new Option<string?>("--title") { Description = "The option's title (its scenario's name); an option with this title is changed." };
        var description = new Option<string?>("--description") { Description = "What would change and why." };
        var changes = new Option<string?>("--changes-file") { Description = "A JSON or YAML file of changes (a list, or one scenario), in the scenario file format." };
        var fromScenarios = new Option<string?>("--from-scenarios") { Description = "Add one option per scenario of a scenario file (as 'stepwise simulate --scenario' reads)." };
        var remove = ReviewVerb.Many("--remove-step", "A step no longer done (repeat).");
        var automate = ReviewVerb.Many("--automate", "A step done by a system: 'Step=60s' or 'Step=60s@0.05' (cost per execution) (repeat).");
        var merge = ReviewVerb.Many("--merge", "Two steps merged where one follows the other: 'First+Second' (repeat).");
        var move = ReviewVerb.Many("--move", "Re-sequencing: 'Step>Before' does Step just before Before (repeat).");
        var parallel = ReviewVerb.Many("--parallel", "Steps done at the same time: 'A|B' (repeat).");
        var staff = ReviewVerb.Many("--staff", "Staff added or removed in a pool: 'Pool=+2' (repeat).");
        var hours = ReviewVerb.Many("--hours", "New working hours of a pool: 'Pool=Mon-Fri 08:00-20:00' (optionally '@staff') (repeat).");
        var rework = ReviewVerb.Many("--reduce-rework", "A rework loop reduced: 'From>To=0.5' halves going from From back to To (repeat).");
        var selfService = new Option<double?>("--self-service") { Description = "The share of arrivals moved to self-service (0 to 1)." };
        var demand = new Option<double?>("--demand-growth") { Description = "Demand multiplied by this factor (1.1 is 10% growth)." };
        var steps = ReviewVerb.Many("--step", "A step it addresses, besides those its changes name (repeat).");
        var questions = ReviewVerb.Many("--question", "A question it answers (id or prefix; repeat).");
        var poolsBy = new Option<string?>("--pools-by") { Description = "The attribute that forms the pools its --staff and --hours name, as 'review simulate --pools-by' will form them (default: the attribute the review's options were last simulated with, else org:group when present)." };
        return ReviewVerb.Create(o, "option", "Add or change an improvement option: its changes are the simulation's scenario changes (remove, automate, merge, move, parallelise steps, staff, hours, rework, self-service, demand), linked to the steps and questions it addresses. A change to its changes drops its stored simulation.", (session, reviewId, parse, _, _) =>
        {
            var table = new ResultTable("options", [new("id"), new("option"), new("changes"), new("steps", CellKind.Integer), new("questions", CellKind.Integer), new("version", CellKind.Integer)], "Options saved");
            IReadOnlyList<Review.Artefacts.Versioned<ImprovementOption>> saved;
            if (parse.GetValue(fromScenarios) is { } file)
            {
                saved = session.Bench.Options.ImportScenarios(session.Actor, reviewId, file);
            }
            else
            {
                var request = new OptionRequest
                {
                    Title = parse.GetValue(title) ?? throw new UserError("--title is required (or --from-scenarios FILE)."),
                    Description = parse.GetValue(description),
                    ChangesFile = parse.GetValue(changes),
                    RemoveStep = parse.GetValue(remove) ?? [],
                    Automate = parse.GetValue(automate) ?? [],
                    Merge = parse.GetValue(merge) ?? [],
                    Move = parse.GetValue(move) ?? [],
                    Parallel = parse.GetValue(parallel) ?? [],
                    Staff = parse.GetValue(staff) ?? [],
                    Hours = parse.GetValue(hours) ?? [],
                    ReduceRework = parse.GetValue(rework) ?? [],
                    SelfService = parse.GetValue(selfService),
                    DemandGrowth = parse.GetValue(demand),
                    Steps = parse.GetValue(steps) ?? [],
                    Questions = parse.GetValue(questions) ?? [],
                    PoolsBy = parse.GetValue(poolsBy),
                };
                saved = [session.Bench.Options.Save(session.Actor, reviewId, request)];
            }

            foreach (var option in saved)
            {
                table.Add(option.Value.Id.ToString("D")[..8], option.Value.Title, string.Join("; ", option.Value.Changes.Select(ChangeKinds.Describe)), option.Value.StepIds.Count, option.Value.QuestionIds.Count, option.Version);
            }

            return new Report().Add(table);
        }, title, description, changes, fromScenarios, remove, automate, merge, move, parallel, staff, hours, rework, selfService, demand, steps, questions, poolsBy);
    }

    public static Command SimulateVerb(ReviewOptions o)
    {
        var options = ReviewVerb.Many("--option", "An option to simulate (title or id; repeat; default: every option with changes).");
        var data = new Option<string?>("--data") { Description = "The data source (default: the latest event log)." };
        var replications = new Option<int>("--replications") { Description = "Replications per run (default 30).", DefaultValueFactory = _ => 30 };
        var seed = new Option<long>("--seed") { Description = "The seed; the same seed gives the same results (default 1).", DefaultValueFactory = _ => 1 };
        var horizon = new Option<string?>("--horizon") { Description = "The simulated period, e.g. 365d (default: the model's)." };
        var poolsBy = new Option<string?>("--pools-by") { Description = "The attribute that forms the pools of staff (default org:group when present)." };
        var history = new Option<int?>("--routing-history") { Description = "How many past steps decide the next one, 1 to 8 (default: chosen from the log's paths by the Bayesian information criterion)." };
        var costPerHour = new Option<double?>("--cost-per-hour") { Description = "Cost of one staff hour in every pool, for cost per case (default: not costed)." };
        var serviceLevel = new Option<string?>("--service-level") { Description = "Service-level target on throughput time, e.g. 5d." };
        var noValidation = new Option<bool>("--no-validation") { Description = "Skip the check of the as-is model against the data." };
        var threads = new Option<int?>("--threads") { Description = "The most replications run at once; results do not depend on it." };
        var hoursOption = new Option<string?>("--working-hours") { Description = "Measure durations in working time, e.g. 'Mon-Fri 09:00-17:00'." };
        var calendarZone = new Option<string?>("--calendar-timezone") { Description = "Time zone of the working hours (IANA id)." };
        return ReviewVerb.Create(o, "simulate", "Simulate options against the as-is discovered from the review's data inside its scope (same seed and replications for all), and keep each option's results with it: KPI intervals, the model's check against the data, seed, replications and data hash.", (session, reviewId, parse, context, cancellation) =>
        {
            var request = new SimulateOptionsRequest
            {
                Options = parse.GetValue(options) ?? [],
                Data = new AnalysisRequest { DataSource = parse.GetValue(data), Calendar = new CalendarRequest { WorkingHours = parse.GetValue(hoursOption), CalendarTimezone = parse.GetValue(calendarZone) } },
                Simulation = new WhatIfRequest
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
                },
            };
            var result = ProgressDisplay.Run(context, "Simulating the options", progress => session.Bench.Options.Simulate(session.Actor, reviewId, request, progress, cancellation));
            var report = new SimulateReport();
            report.AddModel(result.Run.Model, result.Run.Options);
            if (result.Run.Validation is not null)
            {
                report.AddValidation(result.Run.Validation);
            }

            foreach (var outcome in result.Run.Scenarios)
            {
                report.AddComparison(outcome.Scenario, outcome.Comparisons, outcome.Notes ?? []);
            }

            var saved = new ResultTable("saved", [new("option"), new("version", CellKind.Integer), new("data_sha256"), new("scope_version", CellKind.Integer)], "Results kept with each option");
            foreach (var option in result.Options)
            {
                saved.Add(option.Value.Title, option.Version, option.Value.Simulation!.DataHash.Hex, option.Value.Simulation.ScopeVersion);
            }

            saved.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"{result.Basis.Cases:N0} cases of {result.Basis.DataFile} inside the scope ({result.Basis.Scope})."));
            return report.Report.Add(saved);
        }, options, data, replications, seed, horizon, poolsBy, history, costPerHour, serviceLevel, noValidation, threads, hoursOption, calendarZone);
    }
}
