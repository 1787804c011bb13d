namespace Stepwise.Cli.Commands;

/// <summary>The parts <c>stepwise monitor</c> prints.</summary>
[Flags]
internal enum MonitorSection
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>The periods compared and how.</summary>
    Periods = 1,

    /// <summary>One row per KPI: before, after, difference, interval, p-value, verdict.</summary>
    Kpis = 2,

    /// <summary>The mix of cases and each KPI's change within each stratum.</summary>
    Mix = 4,

    /// <summary>The control charts: a summary per KPI and every point.</summary>
    Trends = 8,

    /// <summary>Conformance to what was agreed, and new steps and paths.</summary>
    Conformance = 16,

    /// <summary>Forecasts beside what happened.</summary>
    Forecast = 32,

    /// <summary>Everything.</summary>
    All = Periods | Kpis | Mix | Trends | Conformance | Forecast,
}
