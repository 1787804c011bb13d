namespace Stepwise.Statistics.Plans;

/// <summary>How often a measure is taken and reviewed.</summary>
public enum MeasurementFrequency
{
    /// <summary>Every day.</summary>
    Daily,

    /// <summary>Every week.</summary>
    Weekly,

    /// <summary>Every month.</summary>
    Monthly,

    /// <summary>Every quarter.</summary>
    Quarterly,

    /// <summary>Every year.</summary>
    Yearly,
}
