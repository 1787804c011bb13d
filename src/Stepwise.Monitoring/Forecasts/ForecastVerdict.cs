namespace Stepwise.Monitoring.Forecasts;

/// <summary>How what happened compares with what was forecast.</summary>
public enum ForecastVerdict
{
    /// <summary>The actual interval overlaps the forecast interval.</summary>
    AsForecast,

    /// <summary>The actual interval lies wholly on the better side of the forecast.</summary>
    BetterThanForecast,

    /// <summary>The actual interval lies wholly on the worse side of the forecast.</summary>
    ShortOfForecast,

    /// <summary>The actual interval lies wholly outside the forecast, for a KPI with no better direction.</summary>
    OutsideForecast,

    /// <summary>The KPI could not be measured.</summary>
    NotMeasured,
}
