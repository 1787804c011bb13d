using System.Globalization;
using Stepwise.Review.Access;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Monitoring;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Analyses;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Monitoring;

/// <summary>
/// The monitoring plan: KPIs with direction, baseline, target and frequency, and measurements with verdicts. A value
/// is computed by a KPI's metric from the review's stored data (inside its scope, over the cases that start in a
/// period) and pinned to the data's hash, or entered with its source.
/// </summary>
public sealed partial class MonitoringUseCases
{
    private readonly Workbench _bench;

    internal MonitoringUseCases(Workbench bench) => _bench = bench;

    /// <summary>The monitoring plan, or null when none is written yet.</summary>
    public Versioned<MonitoringPlan>? Get(Actor actor, Guid reviewId)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        return _bench.Workspace.Find<MonitoringPlan>(reviewId, reviewId);
    }

    /// <summary>Adds a KPI, or changes the one with that name, computing its baseline from data when asked (owners and analysts).</summary>
    /// <remarks><c>expectedVersion</c>: The monitoring plan's version the caller read (0: none yet); null to change whatever is current.</remarks>
    public Kpi SaveKpi(Actor actor, Guid reviewId, KpiRequest request, CancellationToken cancellationToken = default, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        _bench.Guard.Require(actor, reviewId, Permission.Edit);
        _bench.Reviews.RequireProcess(reviewId);
        var (direction, frequency) = request.Parse();
        var current = _bench.Workspace.Find<MonitoringPlan>(reviewId, reviewId);
        var plan = current?.Value ?? new MonitoringPlan { Id = reviewId };
        var existing = plan.Kpis.FirstOrDefault(k => string.Equals(k.Name, request.Name.Trim(), StringComparison.OrdinalIgnoreCase));
        string? metric = request.Metric?.Trim() ?? existing?.Metric;
        var described = metric is null ? default : KpiMetrics.Describe(metric);
        var kpi = new Kpi
        {
            Id = existing?.Id ?? _bench.Workspace.NewId(),
            Name = request.Name.Trim(),
            Metric = metric,
            Definition = request.Definition?.Trim() ?? existing?.Definition ?? described.Definition,
            Unit = request.Unit?.Trim() ?? existing?.Unit ?? described.Unit,
            Direction = direction ?? existing?.Direction ?? described.Direction,
            Target = request.Target ?? existing?.Target,
            Frequency = frequency,
            Owner = request.Owner is null ? existing?.Owner : _bench.Reviews.Stakeholder(reviewId, request.Owner, "owner").Value.Name,
            Baseline = existing?.Baseline,
            Measurements = existing?.Measurements ?? [],
        };
        if (request.Baseline is { } value)
        {
            kpi = kpi with { Baseline = new Measurement(value, _bench.Now, source: request.BaselineSource, enteredBy: actor.DisplayName) };
        }
        else if (request.BaselineData is not null || request.BaselineFrom is not null || request.BaselineTo is not null)
        {
            var from = new Validation().Instant("baseline_from", request.BaselineFrom);
            var to = new Validation().Instant("baseline_to", request.BaselineTo);
            kpi = kpi with { Baseline = Computed(actor, reviewId, kpi, request.BaselineData, from, to, "baseline", null, cancellationToken) };
        }

        var kpis = plan.Kpis.Select(k => k.Id == kpi.Id ? kpi : k).ToList();
        if (existing is null)
        {
            kpis.Add(kpi);
        }

        _bench.Workspace.Save(reviewId, plan with { Kpis = kpis }, expectedVersion ?? current?.Version ?? 0, actor.DisplayName);
        return kpi;
    }

    /// <summary>
    /// Records a measurement of a KPI with its verdict (owners and analysts): entered with its source, or computed by
    /// the KPI's metric from the review's data over the period. This is where the monitoring engine's before/after
    /// comparison with statistics plugs in; until then a computed value is one number per period.
    /// </summary>
    /// <remarks><c>expectedVersion</c>: The monitoring plan's version the caller read (0: none yet); null to change whatever is current.</remarks>
    public Measurement Measure(Actor actor, Guid reviewId, MeasurementRequest request, CancellationToken cancellationToken = default, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        _bench.Guard.Require(actor, reviewId, Permission.Edit);
        var (from, to) = request.Parse();
        var current = _bench.Workspace.Find<MonitoringPlan>(reviewId, reviewId)
            ?? throw StepwiseException.NotFound("This review has no monitoring plan yet; add a KPI with 'stepwise review kpi'.", "monitoring plan");
        var kpi = current.Value.Kpis.FirstOrDefault(k => string.Equals(k.Name, request.Kpi.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new StepwiseException(ProblemKind.NotFound, $"The monitoring plan has no KPI '{request.Kpi}'; its KPIs are {string.Join(", ", current.Value.Kpis.Select(k => $"'{k.Name}'"))}.") { Subject = $"kpi {request.Kpi}" };
        Measurement measurement;
        if (request.Value is { } value)
        {
            var at = to ?? _bench.Now;
            measurement = new Measurement(value, at, source: request.Source, from: from, verdict: kpi.Judge(value), note: request.Note, enteredBy: actor.DisplayName);
        }
        else
        {
            measurement = Computed(actor, reviewId, kpi, request.Data, from, to, "measurement", request.Note, cancellationToken);
        }

        var changed = kpi with { Measurements = [.. kpi.Measurements, measurement] };
        var plan = current.Value with { Kpis = [.. current.Value.Kpis.Select(k => k.Id == kpi.Id ? changed : k)] };
        _bench.Workspace.Save(reviewId, plan, expectedVersion ?? current.Version, actor.DisplayName);
        return measurement;
    }

    private Measurement Computed(Actor actor, Guid reviewId, Kpi kpi, string? data, DateTimeOffset? from, DateTimeOffset? to, string what, string? note, CancellationToken cancellationToken)
    {
        if (kpi.Metric is not { } metric)
        {
            throw StepwiseException.Invalid("value", $"is required: KPI '{kpi.Name}' has no metric Stepwise computes, so its {what} is entered (--value with --source).");
        }

        var log = _bench.Analyses.Open(actor, reviewId, new AnalysisRequest { DataSource = data }, cancellationToken);
        double value;
        int cases;
        try
        {
            (value, cases) = KpiMetrics.Compute(log.Selection.View, metric, from, to, log.Selection.Measure);
        }
        catch (ArgumentException ex)
        {
            throw new StepwiseException(ProblemKind.RuleBroken, $"KPI '{kpi.Name}' cannot be computed from {log.Source.FileName}: {ex.Message.Split(" (Parameter", 2)[0]}");
        }

        var end = to ?? _bench.Now;
        string source = string.Create(CultureInfo.InvariantCulture, $"{metric} over {cases:N0} {KpiMetrics.Period(from, to)} in {log.Source.FileName}, scope version {log.Basis.ScopeVersion?.ToString(CultureInfo.InvariantCulture) ?? "none"}");
        var verdict = what == "baseline" ? MeasurementVerdict.NotJudged : kpi.Judge(value);
        return new Measurement(value, end, log.Source.ContentHash, source, from, verdict, note, actor.DisplayName);
    }
}
