namespace Stepwise.Monitoring;

/// <summary>The optional parts of a monitoring result, so a host that shows only the KPIs does not pay for the rest.
/// The KPIs, the mix (with a mix attribute) and the forecasts (with a forecast) are always computed.</summary>
[Flags]
public enum MonitorParts
{
    /// <summary>Only the KPIs, mix and forecasts.</summary>
    None = 0,

    /// <summary>The control charts across the change.</summary>
    Trends = 1,

    /// <summary>Conformance to what was agreed, and new steps and paths.</summary>
    Conformance = 2,

    /// <summary>Every part.</summary>
    All = Trends | Conformance,
}
