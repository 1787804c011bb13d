using System.Diagnostics;
using System.Globalization;
using Stepwise.Mining;
using Stepwise.Mining.Attributes;
using Stepwise.Mining.Compliance;
using Stepwise.Mining.IO;
using Stepwise.Statistics.Feedback;
using Stepwise.Steps.Compliance;
using Stepwise.Steps.Costing;
using Stepwise.Steps.Scorecard;
using Stepwise.Steps.Synthetic;

// Step assessment tools. Usage:
//   feedback LOG OUT.csv [--seed N] [--customer-attribute A --customer-share S] [--repeat "Activity=-1.5"] [--handover "From>To=-1.0"]
//   sla DATA_DIR              service-level breaches of the IT pack against the incident export's made_sla, as markdown
//   time DATA_DIR [RUNS]      the step review on the real logs: first run and median of RUNS
var invariant = CultureInfo.InvariantCulture;
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: feedback LOG OUT.csv [options] | sla DATA_DIR | time DATA_DIR [RUNS]");
    return 2;
}

switch (args[0])
{
    case "feedback":
        return Feedback(args[1], args[2], args[3..]);
    case "sla":
        return Sla(args[1]);
    case "time":
        return Time(args[1], args.Length > 2 ? int.Parse(args[2], invariant) : 5);
    default:
        Console.Error.WriteLine($"unknown command '{args[0]}'");
        return 2;
}

int Feedback(string logPath, string output, string[] options)
{
    var log = EventLogFile.Read(logPath).Log;
    long seed = 7;
    string? customer = null;
    double customerShare = 0;
    var effects = new List<PlantedEffect>();
    for (int i = 0; i < options.Length; i += 2)
    {
        string value = options[i + 1];
        switch (options[i])
        {
            case "--seed":
                seed = long.Parse(value, invariant);
                break;
            case "--customer-attribute":
                customer = value;
                break;
            case "--customer-share":
                customerShare = double.Parse(value, invariant);
                break;
            case "--repeat":
                {
                    int eq = value.LastIndexOf('=');
                    effects.Add(PlantedEffect.Repeat(value[..eq], double.Parse(value[(eq + 1)..], invariant)));
                    break;
                }

            case "--handover":
                {
                    int eq = value.LastIndexOf('=');
                    int arrow = value.IndexOf('>', StringComparison.Ordinal);
                    effects.Add(PlantedEffect.Handover(value[..arrow], value[(arrow + 1)..eq], double.Parse(value[(eq + 1)..], invariant)));
                    break;
                }

            default:
                throw new ArgumentException($"unknown option {options[i]}");
        }
    }

    var planted = PlantedFeedbackGenerator.Generate(log, new PlantedFeedbackOptions { Seed = seed, Effects = effects, CustomerAttribute = customer, CustomerOnlyShare = customerShare });
    planted.WriteCsv(output);
    Console.WriteLine($"{planted.Responses.Count} responses for {log.CaseCount} cases written to {output}; seed {seed}; planted: {(effects.Count == 0 ? "none" : string.Join("; ", effects))}");
    return 0;
}

int Sla(string data)
{
    var read = new EventLogReadOptions { Csv = new CsvLogOptions { CaseColumn = "number", ActivityColumn = "incident_state", TimestampColumn = "sys_updated_at", ResourceColumn = "sys_updated_by" } };
    var log = EventLogFile.Read(Path.Combine(data, "eventlogs", "incident_event_log.csv.zip"), read).Log;
    var report = ComplianceAssessment.Check(log, RulePacks.Load("it-service-desk"));
    var breached = new Dictionary<int, (string Rule, bool Breach, bool Open)>();
    foreach (var result in report.Results.Where(r => r.Rule.Id.StartsWith("resolve-p", StringComparison.Ordinal)))
    {
        var violating = result.Violations.Select(v => v.Case).ToHashSet();
        var rule = (TimeLimitRule)result.Rule;
        var (codes, names) = AttributeCodes.ForCases(log, "priority");
        var wanted = rule.When[0].Values.ToHashSet(StringComparer.Ordinal);
        for (int c = 0; c < log.CaseCount; c++)
        {
            if (codes[c] >= 0 && wanted.Contains(names[codes[c]]))
            {
                breached[c] = (result.Rule.Id, violating.Contains(c), false);
            }
        }
    }

    // made_sla of the incident's last update (the flag changes along an incident); the priority the rules used is that
    // of the first update, as for every case attribute read from events.
    var made = (BooleanColumn)log.EventAttributes["made_sla"];
    var priority = (StringColumn)log.EventAttributes["priority"];
    var opened = (TimestampColumn)log.EventAttributes["opened_at"];
    var table = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
    int priorityChanged = 0, flagChanged = 0, firstNotNew = 0;
    var openedGap = new List<double>();
    foreach (var (c, outcome) in breached)
    {
        int last = log.CaseEnd(c) - 1;
        bool madeSla = made.Get(last);
        var cell = table.TryGetValue(outcome.Rule, out var row) ? row : table[outcome.Rule] = new int[4];
        cell[(outcome.Breach ? 2 : 0) + (madeSla ? 0 : 1)]++;
        bool changed = false, flag = false;
        for (int e = log.CaseStart(c) + 1; e < log.CaseEnd(c); e++)
        {
            changed |= priority.GetCode(e) != priority.GetCode(e - 1);
            flag |= made.Get(e) != made.Get(e - 1);
        }

        priorityChanged += changed ? 1 : 0;
        flagChanged += flag ? 1 : 0;
        firstNotNew += log.ActivityNames[log.Activities[log.CaseStart(c)]] != "New" ? 1 : 0;
        if (!opened.IsNull(log.CaseStart(c)))
        {
            openedGap.Add((log.CaseStartTime(c) - opened.Get(log.CaseStart(c))) / (double)TimeSpan.TicksPerHour);
        }
    }

    Console.WriteLine("| rule | kept, made_sla true | kept, made_sla false | breached, made_sla true | breached, made_sla false | agreement |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|");
    var total = new int[4];
    foreach (var (rule, cell) in table)
    {
        for (int i = 0; i < 4; i++)
        {
            total[i] += cell[i];
        }

        Console.WriteLine(Row(rule, cell));
    }

    Console.WriteLine(Row("all", total));

    // Why the two disagree: for breaches the export counts as made, how many are within the limit once the time spent
    // in an 'Awaiting ...' state is left out (an SLA clock that pauses); for kept incidents the export counts as missed,
    // how many were reopened, reassigned, or breach when measured to their last resolution.
    var reopen = (IntegerColumn)log.EventAttributes["reopen_count"];
    var reassign = (IntegerColumn)log.EventAttributes["reassignment_count"];
    int resolved = log.ActivityNames.IdOf("Resolved");
    int breachedMade = 0, withinWhenPaused = 0, withAwaiting = 0, keptMissed = 0, reopened = 0, reassigned = 0, lateLastResolution = 0;
    foreach (var (c, outcome) in breached)
    {
        int last = log.CaseEnd(c) - 1;
        bool madeSla = made.Get(last);
        var rule = (TimeLimitRule)report.Results.Single(r => r.Rule.Id == outcome.Rule).Rule;
        long start = log.CaseStartTime(c);
        long paused = 0, firstResolved = -1, lastResolved = -1;
        bool awaiting = false;
        for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
        {
            string state = log.ActivityNames[log.Activities[e]];
            if (log.Activities[e] == resolved)
            {
                firstResolved = firstResolved < 0 ? log.Times[e] : firstResolved;
                lastResolved = log.Times[e];
            }

            if (state.StartsWith("Awaiting", StringComparison.Ordinal) && firstResolved < 0)
            {
                awaiting = true;
                if (e + 1 < log.CaseEnd(c))
                {
                    paused += log.Times[e + 1] - log.Times[e];
                }
            }
        }

        if (outcome.Breach && madeSla)
        {
            breachedMade++;
            withAwaiting += awaiting ? 1 : 0;
            long end = firstResolved >= 0 ? firstResolved : log.CaseEndTime(c);
            withinWhenPaused += end - start - paused <= rule.Within.Ticks ? 1 : 0;
        }
        else if (!outcome.Breach && !madeSla)
        {
            keptMissed++;
            reopened += reopen.Get(last) > 0 ? 1 : 0;
            reassigned += reassign.Get(last) > 0 ? 1 : 0;
            lateLastResolution += lastResolved >= 0 && lastResolved - start > rule.Within.Ticks ? 1 : 0;
        }
    }

    Console.WriteLine();
    Console.WriteLine($"breached but made_sla true: {breachedMade:N0}; with time in an 'Awaiting' state before resolution: {withAwaiting:N0}; within the limit once that time is left out: {withinWhenPaused:N0}");
    Console.WriteLine($"kept but made_sla false: {keptMissed:N0}; reopened: {reopened:N0}; reassigned at least once: {reassigned:N0}; past the limit at their last resolution: {lateLastResolution:N0}");
    openedGap.Sort();
    Console.WriteLine();
    Console.WriteLine($"incidents compared: {breached.Count:N0}; priority changed along the incident: {priorityChanged:N0}; made_sla changed along the incident: {flagChanged:N0}; first recorded update not 'New': {firstNotNew:N0}");
    Console.WriteLine($"hours from opened_at to the first recorded update: median {openedGap[openedGap.Count / 2]:0.00}, 90th percentile {openedGap[(int)(0.9 * (openedGap.Count - 1))]:0.00}, max {openedGap[^1]:0.0}");
    return 0;

    string Row(string name, int[] cell)
    {
        int n = cell.Sum();
        double agree = (cell[0] + cell[3]) / (double)Math.Max(1, n);
        return string.Create(invariant, $"| {name} | {cell[0]:N0} | {cell[1]:N0} | {cell[2]:N0} | {cell[3]:N0} | {agree * 100:0.0}% |");
    }
}

int Time(string data, int runs)
{
    var read = new EventLogReadOptions { Csv = new CsvLogOptions { CaseColumn = "number", ActivityColumn = "incident_state", TimestampColumn = "sys_updated_at", ResourceColumn = "sys_updated_by" } };
    var logs = new (string Name, EventLog Log, string HandoverBy)[]
    {
        ("helpdesk.xes.gz", EventLogFile.Read(Path.Combine(data, "eventlogs", "helpdesk.xes.gz")).Log, "org:resource"),
        ("bpic2013_incidents.xes.gz", EventLogFile.Read(Path.Combine(data, "eventlogs", "bpic2013_incidents.xes.gz")).Log, "org:group"),
        ("incident_event_log.csv.zip", EventLogFile.Read(Path.Combine(data, "eventlogs", "incident_event_log.csv.zip"), read).Log, "org:resource"),
    };
    Console.WriteLine("| log | events | feedback rows | first run | median of runs |");
    Console.WriteLine("|---|---:|---:|---:|---:|");
    foreach (var (name, log, by) in logs)
    {
        FeedbackTable? feedback = null;
        if (name.StartsWith("helpdesk", StringComparison.Ordinal))
        {
            var planted = PlantedFeedbackGenerator.Generate(log, new PlantedFeedbackOptions { Seed = 1, Effects = [PlantedEffect.Repeat("Take in charge ticket", -1.5)] });
            string path = Path.Combine(Path.GetTempPath(), "steps-bench-feedback.csv");
            planted.WriteCsv(path);
            feedback = FeedbackReader.Read(path).Table;
            File.Delete(path);
        }

        var options = new StepReviewOptions { HandoverBy = by, Feedback = feedback, Cost = new CostModel { DefaultRate = 30 }, Rules = RulePacks.Load("it-service-desk") };
        var times = new List<double>();
        for (int r = 0; r <= runs; r++)
        {
            var watch = Stopwatch.StartNew();
            _ = StepReview.Assess(log, options);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        var rest = times.Skip(1).Order().ToList();
        Console.WriteLine(string.Create(invariant, $"| {name} | {log.EventCount:N0} | {feedback?.Count ?? 0:N0} | {times[0]:N0} ms | {rest[rest.Count / 2]:N0} ms |"));
    }

    return 0;
}
