namespace Stepwise.Monitoring.Comparison;

/// <summary>Where a KPI's change comes from, when the mix of cases is compared.</summary>
public enum ChangeSource
{
    /// <summary>No significant change, raw or adjusted for the mix.</summary>
    None,

    /// <summary>The process: the change holds within the case types (the mix-adjusted change is significant).</summary>
    Process,

    /// <summary>The mix: the raw change is significant but vanishes within the case types.</summary>
    Mix,
}
