namespace Stepwise.Monitoring.Forecasts;

/// <summary>What was forecast when the option was chosen: the simulation's intervals per KPI and the cost-benefit's savings.</summary>
public sealed record Forecast
{
    /// <summary>Where the forecast comes from (e.g. the simulation run and option), for reports.</summary>
    public string? Source { get; init; }

    /// <summary>The simulation's intervals.</summary>
    public IReadOnlyList<KpiForecast> Kpis { get => field; init => field = value is null ? [] : [.. value.Select(k => k.Checked())]; } = [];

    /// <summary>The forecast savings, or null.</summary>
    public SavingsForecast? Savings { get; init; }
}
