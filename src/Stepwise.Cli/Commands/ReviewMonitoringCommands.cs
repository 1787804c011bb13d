using System.CommandLine;
using Stepwise.Cli.Output;
using Stepwise.Review.Monitoring;
using Stepwise.Workbench.Monitoring;

namespace Stepwise.Cli.Commands;

/// <summary><c>stepwise review kpi | measure</c>: the monitoring plan and its measurements.</summary>
internal static class ReviewMonitoringCommands
{
    public static Command Kpi(ReviewOptions o)
    {
        var name = new Option<string>("--name") { Description = "The KPI's name (a KPI with this name is changed).", Required = true };
        var metric = new Option<string?>("--metric") { Description = "A metric Stepwise computes from the review's data: " + string.Join(", ", KpiMetrics.All.Select(m => m.Metric)) + "." };
        var definition = new Option<string?>("--definition") { Description = "How it is measured, in words (for values entered by hand)." };
        var unit = new Option<string?>("--unit") { Description = "Its unit (for values entered by hand)." };
        var direction = new Option<string?>("--direction") { Description = "higher or lower (is better); the metric's by default." };
        var target = new Option<double?>("--target") { Description = "The value to reach." };
        var frequency = new Option<string?>("--frequency") { Description = "daily, weekly, monthly (default), quarterly or yearly." };
        var owner = new Option<string?>("--owner") { Description = "Who reports it (a stakeholder)." };
        var baseline = new Option<double?>("--baseline") { Description = "The baseline value, entered (with --baseline-source)." };
        var baselineSource = new Option<string?>("--baseline-source") { Description = "Where an entered baseline comes from." };
        var baselineData = new Option<string?>("--baseline-data") { Description = "Compute the baseline from this data source (default: the latest)." };
        var baselineFrom = new Option<string?>("--baseline-from") { Description = "The start of the baseline period (cases starting from then)." };
        var baselineTo = new Option<string?>("--baseline-to") { Description = "The end of the baseline period (exclusive)." };
        return ReviewVerb.Create(o, "kpi", "Add or change a KPI of the monitoring plan: metric or definition, direction, target, frequency, owner, and a baseline entered or computed from the review's data over a period.", (session, reviewId, parse, _, cancellation) =>
        {
            var kpi = session.Bench.Monitoring.SaveKpi(session.Actor, reviewId, new KpiRequest
            {
                Name = parse.GetValue(name)!,
                Metric = parse.GetValue(metric),
                Definition = parse.GetValue(definition),
                Unit = parse.GetValue(unit),
                Direction = parse.GetValue(direction),
                Target = parse.GetValue(target),
                Frequency = parse.GetValue(frequency),
                Owner = parse.GetValue(owner),
                Baseline = parse.GetValue(baseline),
                BaselineSource = parse.GetValue(baselineSource),
                BaselineData = parse.GetValue(baselineData),
                BaselineFrom = parse.GetValue(baselineFrom),
                BaselineTo = parse.GetValue(baselineTo),
            }, cancellation);
            return new Report().Add(new ResultRecord("kpi")
                .Add("name", kpi.Name)
                .Add("metric", kpi.Metric)
                .Add("definition", kpi.Definition)
                .Add("unit", kpi.Unit)
                .Add("better", kpi.Direction == KpiDirection.HigherIsBetter ? "higher" : "lower")
                .Add("target", kpi.Target, CellKind.Number)
                .Add("frequency", kpi.Frequency.ToString())
                .Add("owner", kpi.Owner)
                .Add("baseline", kpi.Baseline?.Value, CellKind.Number)
                .Add("baseline_source", kpi.Baseline?.Source)
                .Add("baseline_sha256", kpi.Baseline?.DataHash?.Hex));
        }, name, metric, definition, unit, direction, target, frequency, owner, baseline, baselineSource, baselineData, baselineFrom, baselineTo);
    }

    public static Command Measure(ReviewOptions o)
    {
        var kpi = new Option<string>("--kpi") { Description = "The KPI's name.", Required = true };
        var value = new Option<double?>("--value") { Description = "The value, entered (with --source)." };
        var source = new Option<string?>("--source") { Description = "Where an entered value comes from." };
        var data = new Option<string?>("--data") { Description = "Compute it from this data source (default: the latest)." };
        var from = new Option<string?>("--from") { Description = "The start of the period (cases starting from then)." };
        var to = new Option<string?>("--to") { Description = "The end of the period (exclusive; default now)." };
        var note = new Option<string?>("--note") { Description = "A note." };
        return ReviewVerb.Create(o, "measure", "Record a measurement of a KPI with its verdict against the target and baseline: computed by its metric from the review's data over a period (pinned to the data's hash), or entered with its source.", (session, reviewId, parse, _, cancellation) =>
        {
            var m = session.Bench.Monitoring.Measure(session.Actor, reviewId, new MeasurementRequest { Kpi = parse.GetValue(kpi)!, Value = parse.GetValue(value), Source = parse.GetValue(source), Data = parse.GetValue(data), From = parse.GetValue(from), To = parse.GetValue(to), Note = parse.GetValue(note) }, cancellation);
            var planned = session.Bench.Monitoring.Get(session.Actor, reviewId)?.Value.Kpis.FirstOrDefault(k => string.Equals(k.Name, parse.GetValue(kpi)?.Trim(), StringComparison.OrdinalIgnoreCase));
            return new Report().Add(new ResultRecord("measurement")
                .Add("kpi", parse.GetValue(kpi))
                .Add("value", m.Value, CellKind.Number)
                .Add("unit", planned?.Unit)
                .Add("target", planned?.Target, CellKind.Number)
                .Add("baseline", planned?.Baseline?.Value, CellKind.Number)
                .Add("from", m.From, CellKind.Timestamp)
                .Add("to", m.At, CellKind.Timestamp)
                .Add("verdict", Workbench.Problems.Validation.Kebab(m.Verdict.ToString()))
                .Add("source", m.Source)
                .Add("data_sha256", m.DataHash?.Hex));
        }, kpi, value, source, data, from, to, note);
    }
}
