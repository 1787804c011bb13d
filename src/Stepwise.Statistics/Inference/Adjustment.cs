namespace Stepwise.Statistics.Inference;

/// <summary>How p-values of many comparisons are adjusted.</summary>
public enum Adjustment
{
    /// <summary>No adjustment.</summary>
    None,

    /// <summary>Holm's step-down method: controls the family-wise error rate, uniformly more powerful than Bonferroni.</summary>
    Holm,

    /// <summary>Benjamini-Hochberg: controls the false discovery rate, for screening many segments.</summary>
    BenjaminiHochberg,
}
