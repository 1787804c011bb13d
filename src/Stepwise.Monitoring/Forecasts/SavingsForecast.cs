namespace Stepwise.Monitoring.Forecasts;

/// <summary>The savings a cost-benefit case forecast for the option, per year, with an optional range.</summary>
public sealed record SavingsForecast
{
    /// <summary>Forecast savings per year.</summary>
    public required double PerYear { get => field; init => field = value >= 0 && double.IsFinite(value) ? value : throw new MonitorOptionException(nameof(PerYear), "Forecast savings per year must be zero or more."); }

    /// <summary>The low end of the forecast, per year, or null.</summary>
    public double? LowPerYear { get; init; }

    /// <summary>The high end of the forecast, per year, or null.</summary>
    public double? HighPerYear { get; init; }

    /// <summary>The currency, for display.</summary>
    public string Currency { get; init; } = string.Empty;
}
