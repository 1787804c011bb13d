using System.Globalization;
using Stepwise.Mining.Attributes;
using Stepwise.Mining.Time;

namespace Stepwise.Mining.Compliance;

/// <summary>Evaluates compliance rules on a view of a log, case by case, keeping the events that prove each breach.</summary>
public static class ComplianceChecker
{
    /// <summary>Checks every rule on <paramref name="view"/>.</summary>
    /// <param name="view">The cases to check.</param>
    /// <param name="rules">The rules.</param>
    /// <param name="calendars">Working calendars by name, for time limits measured in working time.</param>
    public static IReadOnlyList<RuleResult> Check(LogView view, IEnumerable<ComplianceRule> rules, IReadOnlyDictionary<string, DurationMeasure>? calendars = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(rules);
        return [.. rules.Select(rule => Check(view, rule, calendars))];
    }

    /// <summary>Checks one rule on <paramref name="view"/>.</summary>
    public static RuleResult Check(LogView view, ComplianceRule rule, IReadOnlyDictionary<string, DurationMeasure>? calendars = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(rule);
        var log = view.Log;
        var missing = rule.Activities.Where(a => !log.ActivityNames.Contains(a)).ToList();
        if (missing.Count > 0)
        {
            return NotEvaluable(rule, $"the log has no activity {string.Join(" or ", missing.Select(m => $"'{m}'"))}");
        }

        var conditions = new List<(int[] Codes, bool[] Match, bool Negate)>();
        foreach (var condition in rule.When)
        {
            if (!AttributeCodes.Exists(log, condition.Attribute))
            {
                return NotEvaluable(rule, $"the log has no attribute '{condition.Attribute}'");
            }

            var (codes, values) = AttributeCodes.ForCases(log, condition.Attribute);
            var wanted = new HashSet<string>(condition.Values, StringComparer.Ordinal);
            conditions.Add((codes, values.Select(wanted.Contains).ToArray(), condition.Negate));
        }

        DurationMeasure measure = DurationMeasure.Elapsed;
        if (rule is TimeLimitRule { Calendar: { } name })
        {
            if (calendars is null || !calendars.TryGetValue(name, out var found))
            {
                return NotEvaluable(rule, $"the rule measures in the calendar '{name}', which is not defined");
            }

            measure = found;
        }

        int checkedCases = 0, open = 0;
        var violations = new List<Violation>();
        for (int i = 0; i < view.CaseCount; i++)
        {
            int c = view.CaseAt(i);
            bool applies = true;
            foreach (var (codes, match, negate) in conditions)
            {
                bool hit = codes[c] >= 0 && match[codes[c]];
                applies &= hit != negate;
            }

            if (!applies)
            {
                continue;
            }

            var outcome = rule switch
            {
                TimeLimitRule t => CheckTimeLimit(log, c, t, measure),
                OrderRule o => CheckOrder(log, c, o),
                PresenceRule p => CheckPresence(log, c, p),
                AbsenceRule a => CheckAbsence(log, c, a),
                SeparationOfDutiesRule s => CheckSeparation(log, c, s),
                _ => throw new NotSupportedException($"Rule type {rule.GetType().Name} is not known."),
            };
            if (outcome.Kind == OutcomeKind.NotApplicable)
            {
                continue;
            }

            checkedCases++;
            if (outcome.Kind == OutcomeKind.Open)
            {
                open++;
            }
            else if (outcome.Kind == OutcomeKind.Breach)
            {
                violations.Add(new Violation(c, log.CaseIds[c], outcome.Events, outcome.Explanation!, outcome.Seconds));
            }
        }

        return new RuleResult(rule, RuleStatus.Evaluated, null, checkedCases, open, violations);
    }

    private static RuleResult NotEvaluable(ComplianceRule rule, string reason) => new(rule, RuleStatus.NotEvaluable, reason, 0, 0, []);

    private enum OutcomeKind
    {
        NotApplicable,
        Kept,
        Open,
        Breach,
    }

    private readonly record struct Outcome(OutcomeKind Kind, int[] Events, string? Explanation = null, double? Seconds = null)
    {
        public static Outcome NotApplicable { get; } = new(OutcomeKind.NotApplicable, []);

        public static Outcome Kept { get; } = new(OutcomeKind.Kept, []);
    }

    private static int Find(EventLog log, int c, int activity, Occurrence occurrence, int from)
    {
        int found = -1;
        for (int e = Math.Max(from, log.CaseStart(c)); e < log.CaseEnd(c); e++)
        {
            if (log.Activities[e] == activity)
            {
                found = e;
                if (occurrence == Occurrence.First)
                {
                    break;
                }
            }
        }

        return found;
    }

    private static Outcome CheckTimeLimit(EventLog log, int c, TimeLimitRule rule, DurationMeasure measure)
    {
        bool fromCaseStart = string.Equals(rule.From, TimeLimitRule.CaseStart, StringComparison.Ordinal);
        int start = fromCaseStart ? log.CaseStart(c) : Find(log, c, log.ActivityNames.IdOf(rule.From), rule.FromOccurrence, 0);
        if (start < 0)
        {
            return Outcome.NotApplicable;
        }

        // From the case start, the first event itself may be the one that stops the clock (a case opened as resolved).
        long startTime = fromCaseStart ? log.CaseStartTime(c) : log.Times[start];
        int end = Find(log, c, log.ActivityNames.IdOf(rule.To), rule.ToOccurrence, fromCaseStart ? start : start + 1);
        long limit = rule.Within.Ticks;
        if (end < 0)
        {
            long soFar = measure.Between(startTime, log.CaseEndTime(c));
            return soFar > limit
                ? new Outcome(OutcomeKind.Breach, [start], $"no '{rule.To}' after '{rule.From}'; {Describe(soFar)} had passed by the end of the case (limit {Describe(limit)})", Timestamp.ToSeconds(soFar))
                : new Outcome(OutcomeKind.Open, [start]);
        }

        long taken = measure.Between(startTime, log.Times[end]);
        return taken > limit
            ? new Outcome(OutcomeKind.Breach, [start, end], $"'{rule.To}' {Describe(taken)} after '{rule.From}' (limit {Describe(limit)})", Timestamp.ToSeconds(taken))
            : Outcome.Kept;
    }

    private static Outcome CheckOrder(EventLog log, int c, OrderRule rule)
    {
        int before = log.ActivityNames.IdOf(rule.Before), after = log.ActivityNames.IdOf(rule.After);
        bool seenBefore = false, seenAfter = false;
        for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
        {
            int a = log.Activities[e];
            if (a == before)
            {
                seenBefore = true;
            }
            else if (a == after)
            {
                seenAfter = true;
                if (!seenBefore)
                {
                    return new Outcome(OutcomeKind.Breach, [e], $"'{rule.After}' happened without an earlier '{rule.Before}'");
                }
            }
        }

        return seenAfter ? Outcome.Kept : Outcome.NotApplicable;
    }

    private static Outcome CheckPresence(EventLog log, int c, PresenceRule rule)
    {
        int activity = log.ActivityNames.IdOf(rule.Activity);
        return log.CaseActivities(c).Contains(activity)
            ? Outcome.Kept
            : new Outcome(OutcomeKind.Breach, [log.CaseEnd(c) - 1], $"the case ended without '{rule.Activity}'");
    }

    private static Outcome CheckAbsence(EventLog log, int c, AbsenceRule rule)
    {
        int activity = log.ActivityNames.IdOf(rule.Activity);
        int from = log.CaseStart(c);
        int trigger = -1;
        if (rule.After is not null)
        {
            trigger = Find(log, c, log.ActivityNames.IdOf(rule.After), Occurrence.First, from);
            if (trigger < 0)
            {
                return Outcome.NotApplicable;
            }

            from = trigger + 1;
        }

        for (int e = from; e < log.CaseEnd(c); e++)
        {
            if (log.Activities[e] == activity)
            {
                return trigger >= 0
                    ? new Outcome(OutcomeKind.Breach, [trigger, e], $"'{rule.Activity}' after '{rule.After}'")
                    : new Outcome(OutcomeKind.Breach, [e], $"'{rule.Activity}' happened");
            }
        }

        return Outcome.Kept;
    }

    private static Outcome CheckSeparation(EventLog log, int c, SeparationOfDutiesRule rule)
    {
        int first = log.ActivityNames.IdOf(rule.First), second = log.ActivityNames.IdOf(rule.Second);
        var firstBy = new Dictionary<int, int>();
        bool both = false, anyFirst = false;
        for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
        {
            int a = log.Activities[e], r = log.Resources[e];
            if (a == first)
            {
                anyFirst = true;
                if (r >= 0)
                {
                    firstBy.TryAdd(r, e);
                }
            }
            else if (a == second && anyFirst)
            {
                both = true;
                if (r >= 0 && firstBy.TryGetValue(r, out int earlier))
                {
                    return new Outcome(OutcomeKind.Breach, [earlier, e], $"'{rule.First}' and '{rule.Second}' both by {log.ResourceNames[r]}");
                }
            }
        }

        return both ? Outcome.Kept : Outcome.NotApplicable;
    }

    /// <summary>A duration in ticks as weeks, days, hours and minutes.</summary>
    private static string Describe(long ticks)
    {
        var span = TimeSpan.FromTicks(Math.Abs(ticks));
        var parts = new List<string>();
        int weeks = span.Days / 7, days = span.Days % 7;
        if (weeks > 0)
        {
            parts.Add(weeks.ToString(CultureInfo.InvariantCulture) + "w");
        }

        if (days > 0)
        {
            parts.Add(days.ToString(CultureInfo.InvariantCulture) + "d");
        }

        if (span.Hours > 0)
        {
            parts.Add(span.Hours.ToString(CultureInfo.InvariantCulture) + "h");
        }

        if (span.Minutes > 0 || parts.Count == 0)
        {
            parts.Add(span.Minutes.ToString(CultureInfo.InvariantCulture) + "m");
        }

        return (ticks < 0 ? "-" : string.Empty) + string.Join(' ', parts);
    }
}
