using Stepwise.Mining;
using Stepwise.Mining.Compliance;
using Stepwise.Mining.Time;

namespace Stepwise.Steps.Compliance;

/// <summary>Checks a rule pack on a view with the engine's <see cref="ComplianceChecker"/> and sums the results per step.</summary>
public static class ComplianceAssessment
{
    /// <summary>The name under which the calendar given by the user (e.g. on the command line) is available to rules.</summary>
    public const string WorkingCalendarName = "working";

    /// <summary>Checks <paramref name="pack"/> on <paramref name="view"/>.</summary>
    /// <param name="view">The cases.</param>
    /// <param name="pack">The rules.</param>
    /// <param name="working">The user's working calendar, available to rules as <c>working</c>; null when none was given.</param>
    public static ComplianceReport Check(LogView view, RulePack pack, DurationMeasure? working = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(pack);
        var calendars = new Dictionary<string, DurationMeasure>(pack.Calendars, StringComparer.Ordinal);
        if (working is not null && !ReferenceEquals(working, DurationMeasure.Elapsed))
        {
            calendars[WorkingCalendarName] = working;
        }

        var results = ComplianceChecker.Check(view, pack.RulesFor(view.Log), calendars);
        var steps = new List<StepCompliance>();
        foreach (var group in results.GroupBy(r => r.Step, StringComparer.Ordinal))
        {
            var evaluated = group.Where(r => r.Status == RuleStatus.Evaluated).ToList();
            var cases = new HashSet<int>();
            foreach (var r in evaluated)
            {
                foreach (var v in r.Violations)
                {
                    cases.Add(v.Case);
                }
            }

            steps.Add(new StepCompliance(
                group.Key,
                evaluated.Count,
                group.Count() - evaluated.Count,
                evaluated.Sum(r => r.CasesChecked),
                evaluated.Sum(r => r.CasesDecided),
                evaluated.Sum(r => r.Violations.Count),
                cases.Count));
        }

        steps.Sort((x, y) => y.Violations != x.Violations ? y.Violations.CompareTo(x.Violations) : string.CompareOrdinal(x.Step, y.Step));
        return new ComplianceReport(pack, results, steps);
    }
}
