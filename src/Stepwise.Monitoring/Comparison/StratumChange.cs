namespace Stepwise.Monitoring.Comparison;

/// <summary>A KPI's change within one value of the mix attribute (p-values unadjusted: the strata describe, the
/// mix-adjusted change decides).</summary>
/// <param name="Stratum">The value, or (other) for the small ones pooled.</param>
/// <param name="BeforeCount">Values before.</param>
/// <param name="AfterCount">Values after.</param>
/// <param name="Before">The KPI before.</param>
/// <param name="After">The KPI after.</param>
/// <param name="Difference">After minus before.</param>
/// <param name="Low">Lower bound of the difference.</param>
/// <param name="High">Upper bound of the difference.</param>
/// <param name="PValue">Two-sided p-value, unadjusted.</param>
/// <param name="Weight">Its weight in the mix-adjusted change: its share of the before cases among the strata compared.</param>
public sealed record StratumChange(string Stratum, int BeforeCount, int AfterCount, double Before, double After, double Difference, double Low, double High, double PValue, double Weight);
