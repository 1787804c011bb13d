using Stepwise.Mining.Compliance;

namespace Stepwise.Steps.Compliance;

/// <summary>The rules of a pack checked on a view: per rule (with the violating cases and the events that prove each
/// breach) and per step.</summary>
/// <param name="Pack">The rules as read.</param>
/// <param name="Results">One result per rule, in the pack's order (activity names resolved through the pack's aliases).</param>
/// <param name="Steps">Compliance per step, most violations first.</param>
public sealed record ComplianceReport(RulePack Pack, IReadOnlyList<RuleResult> Results, IReadOnlyList<StepCompliance> Steps)
{
    /// <summary>For rules with a <see cref="Skipping"/>: the cases the rule applies to that were not checked because they
    /// never needed its step, by rule id.</summary>
    public IReadOnlyDictionary<string, int> Skipped { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>What reports must say about the results, one sentence each (which cases a rule left out and how many).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The compliance of the step named <paramref name="step"/>, or null when no rule is reported against it.</summary>
    public StepCompliance? Find(string step) => Steps.FirstOrDefault(s => string.Equals(s.Step, step, StringComparison.Ordinal));
}
