namespace Stepwise.Monitoring.Forecasts;

/// <summary>How what happened compares with what was forecast.</summary>
public enum ForecastVerdict
{
    /// <summary>The actual interval overlaps the forecast interval (and, for a forecast change, leaves out no change).</summary>
    AsForecast,

    /// <summary>The actual change's interval overlaps the forecast, but also holds no change while the forecast does not:
    /// the data cannot yet tell the forecast change from none.</summary>
    CannotTell,

    /// <summary>The actual interval lies wholly on the better side of the forecast.</summary>
    BetterThanForecast,

    /// <summary>The actual interval lies wholly on the worse side of the forecast.</summary>
    ShortOfForecast,

    /// <summary>The actual interval lies wholly outside the forecast, for a KPI with no better direction.</summary>
    OutsideForecast,

    /// <summary>The KPI could not be measured.</summary>
    NotMeasured,
}
