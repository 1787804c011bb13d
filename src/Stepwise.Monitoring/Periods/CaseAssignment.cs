namespace Stepwise.Monitoring.Periods;

/// <summary>Which period a case belongs to when one log is split at a change date.</summary>
public enum CaseAssignment
{
    /// <summary>By when it started: before the change date, or from the end of the settling-in period on.</summary>
    ByStart,

    /// <summary>By when it ended.</summary>
    ByEnd,

    /// <summary>Only whole cases: before cases ended before the change, after cases started after the settling-in
    /// period; cases running across the change are left out.</summary>
    Contained,
}
