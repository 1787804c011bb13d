namespace Stepwise.Statistics.Control;

/// <summary>
/// The Western Electric rules for signals of special-cause variation (Western Electric Statistical Quality Control
/// Handbook, 1956), plus the trend rule of Nelson (1984). Sigma zones are measured from the centre line in units of
/// the point's own sigma, so they also work for p-charts whose limits vary with the sample size.
/// </summary>
public enum ControlRule
{
    /// <summary>A point beyond a 3-sigma control limit.</summary>
    BeyondLimits = 1,

    /// <summary>Two of three consecutive points beyond 2 sigma on the same side.</summary>
    TwoOfThreeBeyondTwoSigma = 2,

    /// <summary>Four of five consecutive points beyond 1 sigma on the same side.</summary>
    FourOfFiveBeyondOneSigma = 3,

    /// <summary>Eight consecutive points on the same side of the centre line (a shift).</summary>
    EightOnOneSide = 4,

    /// <summary>Six consecutive points steadily increasing or decreasing (a trend).</summary>
    SixTrending = 5,
}
