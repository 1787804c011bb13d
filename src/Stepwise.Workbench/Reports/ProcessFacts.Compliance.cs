using System.Globalization;
using System.Text.RegularExpressions;
using Stepwise.Review.Steps;
using Stepwise.Steps.Compliance;
using Stepwise.Workbench.Analyses;

namespace Stepwise.Workbench.Reports;

/// <summary>One service-level rule as the step assessment checked it: the cases it decided (it applied to them and
/// their clock had stopped), those that breached it, and those still open.</summary>
/// <param name="Step">The step the rule is reported against.</param>
/// <param name="Id">The rule's id.</param>
/// <param name="Title">What the rule asks, e.g. "Resolved incidents closed within 7 days of resolution".</param>
/// <param name="Decided">Cases the rule applied to and decided.</param>
/// <param name="Breaching">Of those, cases that breached it.</param>
/// <param name="Open">Cases it applied to whose clock still ran at the end of the data.</param>
internal sealed record RuleFigure(string Step, string Id, string Title, int Decided, int Breaching, int Open)
{
    /// <summary>The share of the cases it decided that kept the rule (NaN when it decided none).</summary>
    public double ShareWithin => Decided == 0 ? double.NaN : 1.0 - (Breaching / (double)Decided);
}

/// <summary>
/// The service levels of a process review, case by case rather than rule-and-case pair by pair: each rule with its own
/// denominator, and, where the rules can be checked again on the review's data and give the stored counts, the cases in
/// scope that breach none of the rules that apply to them.
/// </summary>
/// <param name="Rules">Each rule checked, by step.</param>
/// <param name="Cases">The cases in scope, or null when the rules could not be checked again.</param>
/// <param name="Breaching">Cases in scope that breach at least one rule, or null.</param>
/// <param name="Pack">The rule pack's name, as the assessment recorded it.</param>
internal sealed record ComplianceFigures(IReadOnlyList<RuleFigure> Rules, int? Cases, int? Breaching, string? Pack)
{
    /// <summary>Cases in scope that breach none of the rules, or null when unknown.</summary>
    public int? Within => Cases - Breaching;
}

internal sealed partial class ProcessFacts
{
    private ComplianceFigures? _compliance;
    private bool _complianceRead;

    /// <summary>The service levels rule by rule, and the cases within every rule that applies to them; null when no step
    /// was checked against rules.</summary>
    public ComplianceFigures? Compliance
    {
        get
        {
            if (!_complianceRead)
            {
                _compliance = ReadCompliance();
                _complianceRead = true;
            }

            return _compliance;
        }
    }

    private ComplianceFigures? ReadCompliance()
    {
        var rules = new List<RuleFigure>();
        string? source = null;
        foreach (var step in Contents.Steps)
        {
            foreach (var evidence in Assessment(step, AssessmentAspect.Compliance)?.Evidence ?? [])
            {
                source ??= evidence.Source;
                var match = RuleText().Match(evidence.Summary);
                if (match.Success)
                {
                    rules.Add(new RuleFigure(step.Step.Value.Name, match.Groups["id"].Value, match.Groups["title"].Value, Count(match, "decided"), Count(match, "breaching"), Count(match, "open")));
                }
            }
        }

        if (rules.Count == 0)
        {
            return null;
        }

        var pack = source is null ? null : PackText().Match(source) is { Success: true } p ? p : null;
        var (cases, breaching) = Recheck(pack?.Groups["file"].Value, rules);
        return new ComplianceFigures(rules, cases, breaching, pack?.Groups["pack"].Value);
    }

    /// <summary>Checks a shipped rule pack again on the review's data in scope, as the step assessment did, and counts
    /// the cases that breach at least one rule; (null, null) when the pack is not a shipped one (a rule file may be
    /// gone) or when any rule's counts differ from those the assessment stored (the data or the pack changed since).</summary>
    private (int? Cases, int? Breaching) Recheck(string? file, IReadOnlyList<RuleFigure> stored)
    {
        string? name = file is null ? null : Path.GetFileNameWithoutExtension(file);
        if (!HasLog || name is null || !RulePacks.Exists(name))
        {
            return (null, null);
        }

        var log = _bench.Analyses.Open(_actor, ReviewId, new AnalysisRequest());
        var report = ComplianceAssessment.Check(log.Selection.View, RulePacks.Load(name), log.Selection.Measure);
        var evaluated = report.Results.Where(r => r.Status == Mining.Compliance.RuleStatus.Evaluated).ToList();
        if (evaluated.Count != stored.Count || evaluated.Any(r => !stored.Any(s => s.Step == r.Step && s.Id == r.Rule.Id && s.Decided == r.CasesDecided && s.Breaching == r.Violations.Count && s.Open == r.Open)))
        {
            return (null, null);
        }

        var breaching = new HashSet<int>();
        foreach (var result in evaluated)
        {
            foreach (var violation in result.Violations)
            {
                breaching.Add(violation.Case);
            }
        }

        return (log.Selection.View.CaseCount, breaching.Count);
    }

    private static int Count(Match match, string group) => int.Parse(match.Groups[group].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    /// <summary>A rule's evidence as the step assessment writes it: "id: 12 of 340 decided cases breach 'title' (source); 3 open."</summary>
    [GeneratedRegex(@"^(?<id>[^:]+): (?<breaching>[0-9,]+) of (?<decided>[0-9,]+) decided cases breach '(?<title>.*)'(?: \(.*\))?; (?<open>[0-9,]+) open\.$", RegexOptions.Singleline)]
    private static partial Regex RuleText();

    /// <summary>The rules' source as the step assessment writes it: "rules FILE (PACK NAME)".</summary>
    [GeneratedRegex(@"^rules (?<file>.*?) \((?<pack>.*)\)$", RegexOptions.Singleline)]
    private static partial Regex PackText();
}
