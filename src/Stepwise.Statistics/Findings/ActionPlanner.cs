namespace Stepwise.Statistics.Findings;

/// <summary>Turns findings into recommended actions with an owner and a due date, most urgent first.</summary>
public static class ActionPlanner
{
    /// <summary>Recommends one action per finding. <paramref name="today"/> is passed in (no clock is read here).</summary>
    public static IReadOnlyList<RecommendedAction> Recommend(IEnumerable<Finding> findings, ActionPolicy policy, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(policy);
        return [.. findings
            .OrderBy(f => f.Priority)
            .ThenBy(f => f.Kind)
            .Select(f => new RecommendedAction(f, ActionFor(f), policy.OwnerOf(f), today.AddDays(policy.DaysFor(f.Priority))))];
    }

    private static string ActionFor(Finding finding) => finding.Kind switch
    {
        FindingKind.TargetGap when finding.Priority <= 1 => $"Set a recovery plan for {finding.Subject}: find the causes in the drivers and comment themes, agree changes, and re-measure next period.",
        FindingKind.TargetGap => $"Collect more responses on {finding.Subject} to decide whether the target is met, and watch the trend.",
        FindingKind.Driver => $"Improve {finding.Subject}: review the steps that deliver it, challenge them, and set an item target.",
        FindingKind.Theme => $"Investigate what customers say about {finding.Subject}: read the quotes with the teams concerned and fix the causes they point to.",
        FindingKind.SegmentGap => $"Look into why {finding.Subject} fares worse than other customers, with the teams that serve them.",
        _ => $"Find the special cause behind the signal on {finding.Subject} and act on it.",
    };
}
