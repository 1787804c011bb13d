using Stepwise.Statistics.Estimates;

namespace Stepwise.Statistics.Targets;

/// <summary>A metric's estimate compared with its target.</summary>
/// <param name="Target">The target.</param>
/// <param name="Subject">What was measured (the column, or "overall").</param>
/// <param name="Estimate">The estimate with its interval.</param>
/// <param name="Verdict">Met, missed or undecided at the estimate's confidence.</param>
/// <param name="Gap">Estimate minus target, signed so that a positive gap is better than the target.</param>
public sealed record TargetAssessment(Target Target, string Subject, Estimate Estimate, TargetVerdict Verdict, double Gap)
{
    /// <summary>Compares <paramref name="estimate"/> with <paramref name="target"/>: met with confidence when the whole
    /// interval is on the good side, missed with confidence when it is all on the bad side, undecided otherwise.</summary>
    public static TargetAssessment Assess(Target target, string subject, Estimate estimate)
    {
        ArgumentNullException.ThrowIfNull(target);
        double gap = target.Direction == TargetDirection.AtLeast ? estimate.Value - target.Value : target.Value - estimate.Value;
        TargetVerdict verdict;
        if (double.IsNaN(estimate.Lower) || double.IsNaN(estimate.Upper))
        {
            verdict = TargetVerdict.Undecided;
        }
        else if (target.Direction == TargetDirection.AtLeast)
        {
            verdict = estimate.Lower >= target.Value ? TargetVerdict.MetWithConfidence : estimate.Upper < target.Value ? TargetVerdict.MissedWithConfidence : TargetVerdict.Undecided;
        }
        else
        {
            verdict = estimate.Upper <= target.Value ? TargetVerdict.MetWithConfidence : estimate.Lower > target.Value ? TargetVerdict.MissedWithConfidence : TargetVerdict.Undecided;
        }

        return new TargetAssessment(target, subject, estimate, verdict, gap);
    }
}
