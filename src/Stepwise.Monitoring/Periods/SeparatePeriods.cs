using Stepwise.Mining;

namespace Stepwise.Monitoring.Periods;

/// <summary>The before and after periods as two separate logs (an export before and one after the change), or two
/// views of one log chosen by the caller.</summary>
public sealed record SeparatePeriods : ChangePeriods
{
    /// <summary>The cases before the change.</summary>
    public required LogView Before { get => field; init => field = value ?? throw new ArgumentNullException(nameof(Before)); }

    /// <summary>The cases after the change.</summary>
    public required LogView After { get => field; init => field = value ?? throw new ArgumentNullException(nameof(After)); }

    internal override ResolvedPeriods Resolve()
    {
        if (Before.CaseCount == 0 || After.CaseCount == 0)
        {
            throw new MonitorOptionException(Before.CaseCount == 0 ? nameof(Before) : nameof(After), $"The {(Before.CaseCount == 0 ? "before" : "after")} period has no cases (after the filters).");
        }

        var b = Before.Log;
        var a = After.Log;
        long beforeFrom = long.MaxValue, beforeTo = long.MinValue, afterFrom = long.MaxValue, afterTo = long.MinValue;
        for (int i = 0; i < Before.CaseCount; i++)
        {
            long t = b.CaseStartTime(Before.CaseAt(i));
            beforeFrom = Math.Min(beforeFrom, t);
            beforeTo = Math.Max(beforeTo, t);
        }

        for (int i = 0; i < After.CaseCount; i++)
        {
            long t = a.CaseStartTime(After.CaseAt(i));
            afterFrom = Math.Min(afterFrom, t);
            afterTo = Math.Max(afterTo, t);
        }

        // The before period runs to just after its last arrival, so that its last case falls in a bucket.
        return new ResolvedPeriods(Before, After, b.CaseStartTime, a.CaseStartTime, beforeFrom, beforeTo + 1, afterFrom, afterTo, null, 0, 0);
    }
}
