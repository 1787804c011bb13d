namespace Stepwise.Monitoring.Forecasts;

/// <summary>
/// What a simulation forecast for one KPI: the interval the chosen option's simulation gave, either for the KPI's
/// value after the change or for its change. Values are in the KPI's base units (seconds, shares 0..1, money).
/// </summary>
public sealed record KpiForecast
{
    /// <summary>The KPI's key, e.g. <c>throughput_median</c>.</summary>
    public required string Key { get => field; init => field = string.IsNullOrWhiteSpace(value) ? throw new MonitorOptionException(nameof(Key), "A forecast must name the KPI it is for.") : value.Trim(); }

    /// <summary>The lower end of the forecast interval.</summary>
    public required double Low { get; init; }

    /// <summary>The upper end of the forecast interval.</summary>
    public required double High { get; init; }

    /// <summary>Whether the interval is for the change (after minus before) rather than the value after.</summary>
    public bool IsChange { get; init; }

    /// <summary>Checks the interval.</summary>
    /// <exception cref="MonitorOptionException">The ends are not numbers or are the wrong way round.</exception>
    public KpiForecast Checked()
        => double.IsFinite(Low) && double.IsFinite(High) && Low <= High
            ? this
            : throw new MonitorOptionException(nameof(Low), $"The forecast for '{Key}' needs a low end at most its high end.");
}
