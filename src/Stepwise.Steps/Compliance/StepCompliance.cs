namespace Stepwise.Steps.Compliance;

/// <summary>The compliance of one step: every rule reported against it, together.</summary>
/// <param name="Step">The step (activity) name.</param>
/// <param name="Rules">Rules evaluated against the step.</param>
/// <param name="NotEvaluable">Rules reported against the step that could not be evaluated on the log.</param>
/// <param name="CasesChecked">Case checks over its rules (a case checked by two rules counts twice).</param>
/// <param name="CasesDecided">Of those, checks decided (not still open).</param>
/// <param name="Violations">Violations over its rules.</param>
/// <param name="ViolatingCases">Distinct cases violating at least one of its rules.</param>
public sealed record StepCompliance(string Step, int Rules, int NotEvaluable, int CasesChecked, int CasesDecided, int Violations, int ViolatingCases)
{
    /// <summary>Share of decided checks that kept the rules (NaN when none was decided).</summary>
    public double ComplianceRate => CasesDecided == 0 ? double.NaN : 1.0 - (Violations / (double)CasesDecided);
}
