namespace Stepwise.Monitoring.Trends;

/// <summary>The length of a control chart's points, and of the unit volume is counted in.</summary>
public enum TrendInterval
{
    /// <summary>Seven days, counted from the change date.</summary>
    Week,

    /// <summary>One day, counted from the change date.</summary>
    Day,
}
