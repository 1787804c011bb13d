using Stepwise.Monitoring.Conformance;
using Stepwise.Monitoring.Forecasts;
using Stepwise.Monitoring.Kpis;
using Stepwise.Monitoring.Periods;
using Stepwise.Statistics.Feedback;
using Stepwise.Steps.Compliance;
using Stepwise.Steps.Costing;
using Stepwise.Steps.Satisfaction;

namespace Stepwise.Monitoring;

/// <summary>
/// What to monitor: the periods before and after the change, the KPIs (the standard set unless given, plus the KPIs
/// of a monitoring plan), the optional inputs some KPIs need (rates, rules, feedback), what was agreed and what was
/// forecast. Everything but <see cref="Periods"/> is optional.
/// </summary>
public sealed record MonitorRequest
{
    /// <summary>The periods before and after the change.</summary>
    public required ChangePeriods Periods { get => field; init => field = value ?? throw new ArgumentNullException(nameof(Periods)); }

    /// <summary>The KPIs to monitor; null for the standard set (times, waiting before the most frequent steps, volume,
    /// rework, hand-overs, first-contact resolution where the log shows it, and breach rate, cost per case and
    /// satisfaction where rules, rates and feedback are given).</summary>
    public IReadOnlyList<MonitoredKpi>? Kpis { get; init; }

    /// <summary>KPIs of a monitoring plan: monitored as well, replacing a standard KPI with the same key (its name,
    /// direction, target and baseline then apply).</summary>
    public IReadOnlyList<MonitoredKpi> PlanKpis { get => field; init => field = value ?? []; } = [];

    /// <summary>How to monitor.</summary>
    public MonitorOptions Options { get => field; init => field = value ?? new(); } = new();

    /// <summary>Rates for cost per case, or null.</summary>
    public CostModel? Cost { get; init; }

    /// <summary>A rule pack for the breach rate, or null.</summary>
    public RulePack? Rules { get; init; }

    /// <summary>Survey responses for satisfaction, or null.</summary>
    public FeedbackTable? Feedback { get; init; }

    /// <summary>How responses link to cases.</summary>
    public FeedbackLinkOptions Link { get => field; init => field = value ?? new(); } = new();

    /// <summary>What was agreed about the process after the change, or null.</summary>
    public AgreedChange? Agreed { get; init; }

    /// <summary>What was forecast, or null.</summary>
    public Forecast? Forecast { get; init; }
}
