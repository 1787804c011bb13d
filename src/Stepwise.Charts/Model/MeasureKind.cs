namespace Stepwise.Charts;

/// <summary>What kind of quantity a measure is, which decides how its values are written.</summary>
public enum MeasureKind
{
    /// <summary>A plain number in the measure's unit (a score, a rate).</summary>
    Number,

    /// <summary>A count of things: whole numbers with thousands separators.</summary>
    Count,

    /// <summary>A share, given as a fraction 0..1 and written as a percentage.</summary>
    Percent,

    /// <summary>A duration, given in the measure's <see cref="TimeUnit"/>.</summary>
    Duration,

    /// <summary>Money, in the measure's unit (a currency symbol or code).</summary>
    Currency,
}
