namespace Stepwise.Monitoring.Periods;

/// <summary>How the periods before and after a change are defined: one log split at a change date
/// (<see cref="ChangeDateSplit"/>), or two separate logs or views (<see cref="SeparatePeriods"/>).</summary>
public abstract record ChangePeriods
{
    private protected ChangePeriods()
    {
    }

    /// <summary>Selects the cases of each period.</summary>
    internal abstract ResolvedPeriods Resolve();
}
