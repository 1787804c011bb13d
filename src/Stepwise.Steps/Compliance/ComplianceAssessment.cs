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

        var log = view.Log;
        var results = new List<RuleResult>();
        var skipped = new Dictionary<string, int>(StringComparer.Ordinal);
        var notes = new List<string>();
        foreach (var rule in pack.RulesFor(log))
        {
            if (rule is not TimeLimitRule limit || pack.SkippingFor(rule.Id, log) is not { } skipping || !log.ActivityNames.Contains(limit.To))
            {
                results.Add(ComplianceChecker.Check(view, rule, calendars));
                continue;
            }

            // The cases that never needed the step are checked apart, only to count them: the rule applies to them
            // (its conditions hold, the clock starts) but they are not part of its result.
            var skips = new bool[log.CaseCount];
            int[] skippedBy = [.. skipping.SkippedBy.Select(log.ActivityNames.IdOf).Where(id => id >= 0)];
            for (int i = 0; i < view.CaseCount; i++)
            {
                int c = view.CaseAt(i);
                skips[c] = Skips(log, c, limit, skipping.OnlyIfReached, skippedBy);
            }

            var result = ComplianceChecker.Check(view.Where(c => !skips[c]), rule, calendars);
            results.Add(result);
            if (result.Status != RuleStatus.Evaluated)
            {
                continue;
            }

            int count = ComplianceChecker.Check(view.Where(c => skips[c]), rule, calendars).CasesChecked;
            skipped[rule.Id] = count;
            if (count > 0)
            {
                notes.Add($"{rule.Id}: {skipping.Describe(limit.To, count)}.");
            }
        }

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
        return new ComplianceReport(pack, results, steps) { Skipped = skipped, Notes = notes };
    }

    /// <summary>
    /// Whether case <paramref name="c"/> never needed the step of <paramref name="rule"/>: the clock starts (as the
    /// engine starts it) and the case never reaches the step after it, and either only cases reaching the step are
    /// checked (<paramref name="onlyIfReached"/>) or the case reaches one of the activities <paramref name="skippedBy"/>
    /// (ids) after the start.
    /// </summary>
    private static bool Skips(EventLog log, int c, TimeLimitRule rule, bool onlyIfReached, int[] skippedBy)
    {
        bool fromCaseStart = string.Equals(rule.From, TimeLimitRule.CaseStart, StringComparison.Ordinal);
        int from = log.CaseStart(c), end = log.CaseEnd(c);
        int start;
        if (fromCaseStart)
        {
            start = from;
        }
        else
        {
            int trigger = log.ActivityNames.IdOf(rule.From);
            start = -1;
            for (int e = from; e < end && trigger >= 0; e++)
            {
                if (log.Activities[e] == trigger)
                {
                    start = e;
                    if (rule.FromOccurrence == Occurrence.First)
                    {
                        break;
                    }
                }
            }

            if (start < 0)
            {
                return false; // the clock never starts: the engine does not check the case anyway
            }

            start++;
        }

        int step = log.ActivityNames.IdOf(rule.To);
        bool skipped = false;
        for (int e = start; e < end; e++)
        {
            int a = log.Activities[e];
            if (a == step)
            {
                return false;
            }

            skipped |= Array.IndexOf(skippedBy, a) >= 0;
        }

        return onlyIfReached || skipped;
    }
}
