namespace Stepwise.Statistics.Sampling;

/// <summary>How a stratified sample is shared among strata.</summary>
public enum Allocation
{
    /// <summary>In proportion to stratum size: the sample mirrors the population.</summary>
    Proportional,

    /// <summary>Neyman's optimal allocation, in proportion to stratum size times stratum standard deviation: the
    /// smallest variance of the overall estimate for the sample size.</summary>
    Optimal,

    /// <summary>The same number from each stratum (capped by its size): to compare strata with each other.</summary>
    Equal,
}
