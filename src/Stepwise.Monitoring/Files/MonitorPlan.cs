using Stepwise.Monitoring.Conformance;
using Stepwise.Monitoring.Forecasts;
using Stepwise.Monitoring.Kpis;

namespace Stepwise.Monitoring.Files;

/// <summary>What a monitoring plan file holds: the plan's KPIs, what was agreed, and what was forecast.</summary>
/// <param name="Kpis">The plan's KPIs.</param>
/// <param name="Agreed">What was agreed, or null.</param>
/// <param name="Forecast">What was forecast, or null.</param>
public sealed record MonitorPlan(IReadOnlyList<MonitoredKpi> Kpis, AgreedChange? Agreed, Forecast? Forecast);
