namespace Stepwise.Mining.Compliance;

/// <summary>Whether a rule could be checked on a log.</summary>
public enum RuleStatus
{
    /// <summary>Checked.</summary>
    Evaluated,

    /// <summary>The log lacks an activity or attribute the rule needs; <see cref="RuleResult.Reason"/> says which.</summary>
    NotEvaluable,
}

/// <summary>One case breaking a rule, with the events that prove it.</summary>
/// <param name="Case">The log's case index.</param>
/// <param name="CaseId">The case id.</param>
/// <param name="Events">The log rows of the events that show the breach (e.g. the start and the late or missing end).</param>
/// <param name="Explanation">What happened, e.g. "Final response sent 9w 2d after Complaint received (limit 8w)".</param>
/// <param name="MeasuredSeconds">For time limits: the time measured, in seconds.</param>
public sealed record Violation(int Case, string CaseId, IReadOnlyList<int> Events, string Explanation, double? MeasuredSeconds = null);

/// <summary>The outcome of one rule on a log.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Status">Whether it could be checked.</param>
/// <param name="Reason">Why not, when it could not.</param>
/// <param name="CasesChecked">Cases the rule applied to (conditions met, trigger present).</param>
/// <param name="Open">Cases not yet decided (a time limit whose end is missing but not yet overdue).</param>
/// <param name="Violations">Every violating case, with evidence.</param>
public sealed record RuleResult(ComplianceRule Rule, RuleStatus Status, string? Reason, int CasesChecked, int Open, IReadOnlyList<Violation> Violations)
{
    /// <summary>Cases decided (checked minus open).</summary>
    public int CasesDecided => CasesChecked - Open;

    /// <summary>Share of decided cases that kept the rule (NaN when none was decided).</summary>
    public double ComplianceRate => CasesDecided == 0 ? double.NaN : 1.0 - (Violations.Count / (double)CasesDecided);

    /// <summary>The step the rule is reported against.</summary>
    public string Step => Rule.Step ?? Rule.DefaultStep;
}
