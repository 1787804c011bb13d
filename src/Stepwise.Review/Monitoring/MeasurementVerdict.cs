namespace Stepwise.Review.Monitoring;

/// <summary>What a measurement says about its KPI, by the KPI's direction.</summary>
public enum MeasurementVerdict
{
    /// <summary>No target or baseline to judge against.</summary>
    NotJudged,

    /// <summary>The target is met.</summary>
    TargetMet,

    /// <summary>Better than the baseline, but short of the target.</summary>
    Improved,

    /// <summary>No better than the baseline.</summary>
    NotImproved,
}
