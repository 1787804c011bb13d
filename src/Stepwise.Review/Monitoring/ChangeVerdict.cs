namespace Stepwise.Review.Monitoring;

/// <summary>What the data say about a KPI's change, after adjusting for the number of KPIs tested.</summary>
public enum ChangeVerdict
{
    /// <summary>A significant change in the better direction.</summary>
    Improved,

    /// <summary>A significant change in the worse direction.</summary>
    Worse,

    /// <summary>A significant rise of a KPI with no better direction (such as volume).</summary>
    Increased,

    /// <summary>A significant fall of a KPI with no better direction.</summary>
    Decreased,

    /// <summary>No significant change, and the interval rules out a change as large as the meaningful change.</summary>
    NoDetectableChange,

    /// <summary>No significant change, but the interval is too wide to rule out a meaningful change.</summary>
    Undecided,

    /// <summary>The KPI could not be measured (no data for it, or too few values in a period).</summary>
    NotMeasured,
}
