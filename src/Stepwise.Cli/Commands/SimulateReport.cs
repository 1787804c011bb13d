using System.Globalization;
using Stepwise.Cli.Output;
using Stepwise.Simulation.Engine;
using Stepwise.Simulation.Model;
using Stepwise.Simulation.Scenarios;
using Stepwise.Simulation.Statistics;
using Stepwise.Simulation.Validation;

namespace Stepwise.Cli.Commands;

/// <summary>Builds the printed result of <c>stepwise simulate</c>: the model explained, its validation, the KPIs and
/// the scenario comparisons. KPI values are shown in minutes or hours, percent, money or cases (the unit column says which).</summary>
internal sealed class SimulateReport
{
    public Report Report { get; } = new();

    public void AddModel(SimulationModel model, SimulationOptions options)
    {
        var record = new ResultRecord("model", "Simulation model");
        record.Add("name", model.Name);
        if (model.DiscoveredFrom is { } from)
        {
            record.Add("cases", from.Cases, CellKind.Integer);
            record.Add("events", from.Events, CellKind.Integer);
            record.Add("first_arrival", from.FirstArrival, CellKind.Timestamp, "first arrival");
            record.Add("last_arrival", from.LastArrival, CellKind.Timestamp, "last arrival");
            record.Add("durations_from", from.DurationsFrom, label: "durations from");
        }

        record.Add("arrivals_per_week", model.Arrivals.CasesPerHour.WeeklyTotal, CellKind.Number, "arrivals per week", 1);
        record.Add("steps", model.Activities.Count, CellKind.Integer);
        record.Add("pools", model.Pools.Count, CellKind.Integer);
        record.Add("routing_history", model.Routing.History, CellKind.Integer, "routing history (steps)");
        record.Add("routing_rules", model.Routing.Rules.Count, CellKind.Integer, "routing rules");
        if (model.ServiceLevel is { } level)
        {
            record.Add("service_level", $"{level.Measure.ToString().ToLowerInvariant()} <= {ReportWriter.FormatDuration(level.TargetSeconds)}", label: "service level");
        }

        record.Add("horizon_days", (options.Horizon ?? TimeSpan.FromDays(model.HorizonDays)).TotalDays, CellKind.Number, "horizon (days)", 1);
        record.Add("replications", options.Replications, CellKind.Integer);
        record.Add("seed", options.Seed, CellKind.Integer);
        int n = 0;
        foreach (string note in model.DiscoveredFrom?.Notes ?? [])
        {
            record.Add("note_" + (++n).ToString(CultureInfo.InvariantCulture), CliWording(note), label: "note");
        }

        Report.Add(record);

        var steps = new ResultTable("steps",
        [
            new("step"), new("mean_duration_seconds", CellKind.Duration, "mean duration"), new("distribution"), new("pools"), new("fit"),
        ], "Steps: durations and who performs them");
        foreach (var a in model.Activities)
        {
            string who = a.Pools.Count == 0 ? "(no staff)" : string.Join(", ", a.Pools.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Pool} {ReportWriter.FormatShare(p.Share, 0)}{(p.Duration is null ? string.Empty : " (own duration)")}")));
            steps.Add(a.Name, a.Duration.MeanValue, a.Duration.ToString(), who, a.Note ?? string.Empty);
        }

        if (model.DiscoveredFrom is { } discovered && discovered.DurationsFrom.Contains("gaps between a person's completions", StringComparison.Ordinal))
        {
            steps.Notes.Add("Mean duration: the mean work by staff per execution, drawn in the simulation from the step's distribution. The step assessment (stepwise steps) shows the median of the same gaps as the handling time, which is lower where a few executions take long; the fit column gives that median.");
        }

        Report.Add(steps);
        var pools = new ResultTable("pools",
        [
            new("pool"), new("staff_basis", CellKind.Text, "staff from"), new("most_staff", CellKind.Number, "most staff", 2), new("mean_staff", CellKind.Number, "mean staff", 2),
            new("staff_hours_per_week", CellKind.Number, "staff-hours/week", 1), new("working_hours_per_week", CellKind.Integer, "working hours/week"),
            new("discipline"), new("cost_per_hour", CellKind.Number, "cost/hour", 2, "not costed"), new("how"),
        ], "Pools of staff");
        foreach (var p in model.Pools)
        {
            var hours = p.Capacity.ToHourOfWeek();
            int working = hours.Count(c => c > 0);
            pools.Add(p.Name, Basis(p.CapacityBasis), p.Capacity.Max, working == 0 ? null : hours.Where(c => c > 0).Average(), hours.Sum(), (long)working, p.Discipline.ToString().ToLowerInvariant(), p.CostPerHour, p.Note ?? string.Empty);
        }

        if (model.Pools.Any(p => p.CapacityBasis == CapacityBasis.ResourcesSeen))
        {
            pools.Notes.Add("Staff seen: the people seen completing events in each hour of the week (in a pool's shifts, as many as were seen then; in its other hours, as often as someone was seen): a lower bound. Give the real staffing with --staff POOL=N, or in the model file (pools[].capacity).");
        }

        if (model.Pools.Any(p => p.CapacityBasis == CapacityBasis.Unknown))
        {
            pools.Notes.Add("Staff unknown: the log does not tell how many people work in these pools; they are given enough never to hold work up, so staffing changes show nothing until you give their staff (--staff POOL=N).");
        }

        Report.Add(pools);
        if (StaffByHour(model) is { } byHour)
        {
            Report.Add(byHour);
        }
    }

    /// <summary>A note of the engine with the command line's way of giving what it asks for.</summary>
    private static string CliWording(string note) => note.EndsWith("Give the real staffing where you know it.", StringComparison.Ordinal) || note.EndsWith("Give the real staffing.", StringComparison.Ordinal)
        ? note + " (--staff POOL=N)"
        : note;

    private static string Basis(CapacityBasis basis) => basis switch
    {
        CapacityBasis.ResourcesSeen => "people seen",
        CapacityBasis.WorkInProgress => "work in progress",
        CapacityBasis.Unknown => "unknown",
        _ => "given",
    };

    /// <summary>Staff on shift by day and hour for the pools with the most staff-hours (at most five; every pool's is in
    /// the saved model).</summary>
    private static ResultTable? StaffByHour(SimulationModel model)
    {
        var top = model.Pools.OrderByDescending(p => p.Capacity.WeeklyTotal).ThenBy(p => p.Name, StringComparer.Ordinal).Take(5).ToList();
        if (top.Count == 0)
        {
            return null;
        }

        var columns = new List<ResultColumn> { new("pool"), new("day") };
        for (int h = 0; h < 24; h++)
        {
            columns.Add(new($"h{h:00}", CellKind.Number, h.ToString("00", CultureInfo.InvariantCulture), 1));
        }

        var table = new ResultTable("staff_by_hour", columns, model.Pools.Count > top.Count ? $"Staff on shift by hour of the week (the {top.Count} pools with the most staff-hours of {model.Pools.Count})" : "Staff on shift by hour of the week");
        string[] days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        foreach (var p in top)
        {
            var hours = p.Capacity.ToHourOfWeek();
            for (int d = 0; d < 7; d++)
            {
                var row = new object?[26];
                row[0] = p.Name;
                row[1] = days[d];
                for (int h = 0; h < 24; h++)
                {
                    row[h + 2] = hours[(d * 24) + h] > 0 ? hours[(d * 24) + h] : null;
                }

                table.Add(row);
            }
        }

        table.Notes.Add("Hours in the model's clock (UTC unless the log carries local times); '-' = nobody on shift. A fraction such as 1.4 means one person in most weeks and two in 40% of them.");
        return table;
    }

    public void AddNote(string note)
    {
        var record = new ResultRecord("note", "Note").Add("note", note);
        Report.Add(record);
    }

    public void AddValidation(ValidationReport validation)
    {
        var table = new ResultTable("validation",
        [
            new("group"), new("measure"), new("unit"), new("observed", CellKind.Number, Decimals: 3), new("simulated", CellKind.Number, Decimals: 3),
            new("relative_error", CellKind.Share, "error"), new("tolerance", CellKind.Share), new("within", CellKind.Boolean),
        ], $"As-is model against the data ({validation.Replications} replications over the same period)");
        foreach (var m in validation.Metrics)
        {
            var (scale, unit) = m.Unit == "seconds" ? TimeScale(Math.Max(m.Observed, m.Simulated)) : (1.0, m.Unit);
            var (observed, simulated) = (m.Observed * scale, m.Simulated * scale);
            table.Add(m.Group, m.Name, unit, observed, simulated, double.IsNaN(m.RelativeError) ? null : m.RelativeError, m.Tolerance, m.WithinTolerance);
        }

        table.Notes.AddRange(validation.Warnings.Select(w => "Warning: " + w));
        table.Notes.AddRange(validation.Summary);
        table.Notes.AddRange(validation.Notes);
        Report.Add(table);
    }

    public void AddKpis(SimulationResult result)
    {
        var table = new ResultTable("kpis",
        [
            new("kpi"), new("unit"), new("mean", CellKind.Number), new("low", CellKind.Number, "95% low"), new("high", CellKind.Number, "95% high"),
        ], $"As-is KPIs ({result.Replications.Count} replications; mean and 95% confidence interval)");
        foreach (var k in result.Kpis)
        {
            var (scale, unit) = Scale(k.Unit, k.Estimate.Mean);
            table.Add(k.Label, NotCosted(k.Key, k.Estimate.Mean) ? "not costed" : unit, Finite(k.Estimate.Mean * scale), Finite(k.Estimate.Low * scale), Finite(k.Estimate.High * scale));
        }

        table.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"{result.Events:N0} events simulated."));
        table.Notes.AddRange(result.Notes.Select(CostWording));
        Report.Add(table);
    }

    public void AddComparison(Scenario scenario, IReadOnlyList<KpiComparison> comparisons, IReadOnlyList<string> notes)
    {
        var table = new ResultTable("scenario:" + scenario.Name,
        [
            new("kpi"), new("unit"),
            new("as_is", CellKind.Number, "as-is"), new("as_is_low", CellKind.Number, "95% low"), new("as_is_high", CellKind.Number, "95% high"),
            new("scenario", CellKind.Number), new("scenario_low", CellKind.Number, "95% low"), new("scenario_high", CellKind.Number, "95% high"),
            new("difference", CellKind.Number), new("difference_low", CellKind.Number, "95% low"), new("difference_high", CellKind.Number, "95% high"),
            new("significant", CellKind.Boolean),
        ], $"Scenario '{scenario.Name}' against the as-is" + (scenario.Description is { } d ? $": {d}" : string.Empty));
        foreach (var c in comparisons)
        {
            var (scale, unit) = Scale(c.Unit, Math.Max(c.AsIs.Mean, c.Scenario.Mean));
            table.Add(c.Label, NotCosted(c.Key, c.Scenario.Mean) ? "not costed" : unit,
                Finite(c.AsIs.Mean * scale), Finite(c.AsIs.Low * scale), Finite(c.AsIs.High * scale),
                Finite(c.Scenario.Mean * scale), Finite(c.Scenario.Low * scale), Finite(c.Scenario.High * scale),
                Finite(c.Difference.Mean * scale), Finite(c.Difference.Low * scale), Finite(c.Difference.High * scale),
                c.Significant);
        }

        table.Notes.Add("Differences are scenario minus as-is, paired by replication (both use the same random streams); significant = the 95% interval excludes 0.");
        table.Notes.Add("Changes: " + string.Join("; ", scenario.Changes.Select(Describe)));
        table.Notes.AddRange(notes.Select(CostWording));
        Report.Add(table);
    }

    /// <summary>Times of an hour or more in hours, shorter ones in minutes.</summary>
    private static (double Scale, string Unit) TimeScale(double seconds) => double.IsFinite(seconds) && Math.Abs(seconds) < 3600 ? (1 / 60.0, "minutes") : (1 / 3600.0, "hours");

    private static (double Scale, string Unit) Scale(KpiUnit unit, double typical) => unit switch
    {
        KpiUnit.Seconds => TimeScale(typical),
        KpiUnit.Share => (100, "%"),
        KpiUnit.Money => (1, "money"),
        _ => (1, "cases"),
    };

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static bool NotCosted(string key, double value) => key == Kpis.CostPerCase && double.IsNaN(value);

    private static string CostWording(string note) => note.StartsWith("Cost per case is not costed", StringComparison.Ordinal)
        ? note + " Give a cost per staff hour with --cost-per-hour to cost it."
        : note;

    private static string Describe(ScenarioChange change) => change switch
    {
        RemoveStep c => $"remove '{c.Step}'",
        AutomateStep c => $"automate '{c.Step}' ({c.Duration})",
        MergeSteps c => $"merge '{c.First}' and '{c.Second}'",
        MoveStep c => $"move '{c.Step}' before '{c.Before}'",
        ParallelSteps c => $"run {string.Join(", ", c.Steps.Select(s => $"'{s}'"))} in parallel",
        ChangeStaff c => string.Create(CultureInfo.InvariantCulture, $"{(c.Change >= 0 ? "add" : "remove")} {Math.Abs(c.Change)} staff in '{c.Pool}'"),
        ChangeHours c => $"'{c.Pool}' works {c.Hours}",
        ReduceRework c => string.Create(CultureInfo.InvariantCulture, $"rework from '{c.From}' to '{c.To}' reduced by {ReportWriter.FormatShare(c.Reduction, 0)}"),
        SelfService c => string.Create(CultureInfo.InvariantCulture, $"{ReportWriter.FormatShare(c.Share, 0)} of arrivals to self-service"),
        DemandGrowth c => string.Create(CultureInfo.InvariantCulture, $"demand x {c.Factor:0.###}"),
        _ => change.GetType().Name,
    };
}
