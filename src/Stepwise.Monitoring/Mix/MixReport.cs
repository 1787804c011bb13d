namespace Stepwise.Monitoring.Mix;

/// <summary>The mix of cases before and after: each value's share, and the chi-square test of whether the shares changed.</summary>
/// <param name="By">The attribute compared.</param>
/// <param name="Strata">Its values, largest before first; values with too few cases are pooled as (other).</param>
/// <param name="ChiSquare">The chi-square statistic of the periods-by-values table.</param>
/// <param name="DegreesOfFreedom">Its degrees of freedom.</param>
/// <param name="PValue">Its p-value.</param>
/// <param name="Changed">Whether the mix changed significantly at the test level.</param>
public sealed record MixReport(string By, IReadOnlyList<StratumShare> Strata, double ChiSquare, double DegreesOfFreedom, double PValue, bool Changed);
