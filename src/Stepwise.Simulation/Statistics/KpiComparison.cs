namespace Stepwise.Simulation.Statistics;

/// <summary>
/// A KPI of a scenario beside the as-is: both estimates and the difference (scenario minus as-is) with its 95%
/// interval from paired replications (replication i of both uses the same random stream, so differences are sharper).
/// </summary>
/// <param name="Key">The KPI's key.</param>
/// <param name="Label">The KPI in words.</param>
/// <param name="Unit">What the number is.</param>
/// <param name="AsIs">The as-is estimate.</param>
/// <param name="Scenario">The scenario's estimate.</param>
/// <param name="Difference">Scenario minus as-is, from paired replications.</param>
public sealed record KpiComparison(string Key, string Label, KpiUnit Unit, Estimate AsIs, Estimate Scenario, Estimate Difference)
{
    /// <summary>Whether the difference is significant at the 5% level (its interval excludes 0).</summary>
    public bool Significant => Difference.Count >= 2 && (Difference.Low > 0 || Difference.High < 0);

    /// <summary>The difference relative to the as-is mean (NaN when the as-is mean is 0).</summary>
    public double RelativeDifference => AsIs.Mean == 0 ? double.NaN : Difference.Mean / AsIs.Mean;
}
