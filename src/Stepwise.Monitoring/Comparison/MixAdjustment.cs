namespace Stepwise.Monitoring.Comparison;

/// <summary>
/// A KPI's change adjusted for the mix by direct standardisation: the changes within each stratum weighted by the
/// strata's shares of the before cases, i.e. the change the after process would show with the before mix of cases.
/// For means and rates this is the standardised after value minus the before value.
/// </summary>
/// <param name="Difference">The mix-adjusted change.</param>
/// <param name="Low">Lower bound.</param>
/// <param name="High">Upper bound.</param>
/// <param name="PValue">Two-sided p-value.</param>
/// <param name="AdjustedPValue">The p-value adjusted across the KPIs' mix-adjusted changes.</param>
/// <param name="StandardisedAfter">The before value plus the adjusted change: the after value at the before mix.</param>
/// <param name="MixEffect">The raw change minus the adjusted change: the part due to the mix.</param>
/// <param name="Verdict">The verdict on the adjusted change.</param>
/// <param name="Source">Whether the raw change comes from the process or the mix.</param>
/// <param name="Coverage">Share of the before cases in the strata compared.</param>
public sealed record MixAdjustment(double Difference, double Low, double High, double PValue, double AdjustedPValue, double StandardisedAfter, double MixEffect, Verdict Verdict, ChangeSource Source, double Coverage);
