using Stepwise.Mining;
using Stepwise.Mining.Compliance;
using Stepwise.Mining.Discovery;
using Stepwise.Monitoring.Inference;

namespace Stepwise.Monitoring.Conformance;

/// <summary>Checks the agreement in both periods with the engine's <see cref="ComplianceChecker"/> (an absence rule per
/// removed step, a presence rule per mandatory step, an order rule per agreed order) and finds new steps and paths.</summary>
internal static class ConformanceAnalysis
{
    /// <summary>Checks the agreement; with <paramref name="behaviour"/>, also finds new and gone steps, new paths and new variants.</summary>
    public static ConformanceReport Compute(LogView before, LogView after, AgreedChange? agreed, MonitorOptions options, bool behaviour)
    {
        var checks = new List<ConformanceCheck>();
        if (agreed is not null)
        {
            foreach (string step in agreed.RemovedSteps)
            {
                checks.Add(Check(ConformanceKind.RemovedStep, $"'{step}' is removed", before, after, options, view => Removed(view, step)));
            }

            foreach (string step in agreed.MandatorySteps)
            {
                checks.Add(Check(ConformanceKind.MandatoryStep, $"'{step}' is done in every case", before, after, options, view => Mandatory(view, step)));
            }

            foreach (var order in agreed.Orders)
            {
                checks.Add(Check(ConformanceKind.Order, $"'{order.Then}' only after '{order.First}'", before, after, options, view => Ordered(view, order)));
            }
        }

        if (!behaviour)
        {
            return new ConformanceReport(checks, [], [], [], 0, double.NaN);
        }

        var (newSteps, goneSteps) = Steps(before, after, options.Examples);
        var (newPaths, count) = Paths(before, after, options);
        return new ConformanceReport(checks, newSteps, goneSteps, newPaths, count, NewVariantShare(before, after));
    }

    private static ConformanceCheck Check(ConformanceKind kind, string agreement, LogView before, LogView after, MonitorOptions options, Func<LogView, IReadOnlyList<Violation>> breaches)
    {
        var b = breaches(before);
        var a = breaches(after);
        var diff = TwoProportions.Compare(b.Count, before.CaseCount, a.Count, after.CaseCount, options.Confidence);
        var examples = a.Take(options.Examples).Select(v => new ExampleCase(v.CaseId, v.Explanation)).ToList();
        return new ConformanceCheck(kind, agreement, before.CaseCount, b.Count, after.CaseCount, a.Count, diff.Difference, diff.Low, diff.High, examples);
    }

    private static IReadOnlyList<Violation> Removed(LogView view, string step)
        => view.Log.ActivityNames.Contains(step)
            ? ComplianceChecker.Check(view, new AbsenceRule { Id = "removed", Title = $"'{step}' is removed", Activity = step }).Violations
            : [];

    private static IReadOnlyList<Violation> Mandatory(LogView view, string step)
        => view.Log.ActivityNames.Contains(step)
            ? ComplianceChecker.Check(view, new PresenceRule { Id = "mandatory", Title = $"'{step}' is mandatory", Activity = step }).Violations
            : Every(view, _ => true, c => view.Log.CaseEnd(c) - 1, $"the case ended without '{step}'");

    private static IReadOnlyList<Violation> Ordered(LogView view, AgreedOrder order)
    {
        var log = view.Log;
        int then = log.ActivityNames.IdOf(order.Then);
        if (then < 0)
        {
            return [];
        }

        if (!log.ActivityNames.Contains(order.First))
        {
            return Every(view, c => log.CaseActivities(c).Contains(then), c => log.CaseStart(c) + log.CaseActivities(c).IndexOf(then), $"'{order.Then}' happened without an earlier '{order.First}'");
        }

        return ComplianceChecker.Check(view, new OrderRule { Id = "order", Title = $"'{order.Then}' only after '{order.First}'", Before = order.First, After = order.Then }).Violations;
    }

    /// <summary>Violations for every case that <paramref name="applies"/>, where the log lacks an activity the rule
    /// needs (the checker would call the rule not evaluable; here its absence decides).</summary>
    private static List<Violation> Every(LogView view, Func<int, bool> applies, Func<int, int> evidence, string explanation)
    {
        var list = new List<Violation>();
        for (int i = 0; i < view.CaseCount; i++)
        {
            int c = view.CaseAt(i);
            if (applies(c))
            {
                list.Add(new Violation(c, view.Log.CaseIds[c], [evidence(c)], explanation));
            }
        }

        return list;
    }

    private static (List<NewBehaviour> New, List<NewBehaviour> Gone) Steps(LogView before, LogView after, int examples)
    {
        var inBefore = CasesPerStep(before, examples);
        var inAfter = CasesPerStep(after, examples);
        var added = inAfter.Where(kv => !inBefore.ContainsKey(kv.Key))
            .Select(kv => new NewBehaviour(kv.Key, null, kv.Value.Cases, (double)kv.Value.Cases / after.CaseCount, kv.Value.Examples))
            .OrderByDescending(s => s.Cases).ThenBy(s => s.From, StringComparer.Ordinal).ToList();
        var gone = inBefore.Where(kv => !inAfter.ContainsKey(kv.Key))
            .Select(kv => new NewBehaviour(kv.Key, null, kv.Value.Cases, (double)kv.Value.Cases / before.CaseCount, kv.Value.Examples))
            .OrderByDescending(s => s.Cases).ThenBy(s => s.From, StringComparer.Ordinal).ToList();
        return (added, gone);
    }

    private static Dictionary<string, (int Cases, List<string> Examples)> CasesPerStep(LogView view, int examples)
    {
        var log = view.Log;
        var cases = new int[log.ActivityNames.Count];
        var last = new int[log.ActivityNames.Count];
        Array.Fill(last, -1);
        var lists = new List<string>[log.ActivityNames.Count];
        for (int i = 0; i < view.CaseCount; i++)
        {
            int c = view.CaseAt(i);
            foreach (int a in log.CaseActivities(c))
            {
                if (last[a] != c)
                {
                    last[a] = c;
                    cases[a]++;
                    lists[a] ??= [];
                    if (lists[a].Count < examples)
                    {
                        lists[a].Add(log.CaseIds[c]);
                    }
                }
            }
        }

        var result = new Dictionary<string, (int, List<string>)>(StringComparer.Ordinal);
        for (int a = 0; a < cases.Length; a++)
        {
            if (cases[a] > 0)
            {
                result[log.ActivityNames[a]] = (cases[a], lists[a]);
            }
        }

        return result;
    }

    private static (List<NewBehaviour> Paths, int Count) Paths(LogView before, LogView after, MonitorOptions options)
    {
        var a = after.Log;
        int steps = a.ActivityNames.Count;
        var beforeToAfter = before.Log.ActivityNames.Select(a.ActivityNames.IdOf).ToArray();
        var known = new HashSet<long>();
        for (int i = 0; i < before.CaseCount; i++)
        {
            var acts = before.Log.CaseActivities(before.CaseAt(i));
            for (int k = 1; k < acts.Length; k++)
            {
                int from = beforeToAfter[acts[k - 1]], to = beforeToAfter[acts[k]];
                if (from >= 0 && to >= 0)
                {
                    known.Add(((long)from * steps) + to);
                }
            }
        }

        var found = new Dictionary<long, (int Cases, int Last, List<string> Examples)>();
        for (int i = 0; i < after.CaseCount; i++)
        {
            int c = after.CaseAt(i);
            var acts = a.CaseActivities(c);
            for (int k = 1; k < acts.Length; k++)
            {
                long key = ((long)acts[k - 1] * steps) + acts[k];
                if (known.Contains(key))
                {
                    continue;
                }

                var entry = found.TryGetValue(key, out var e) ? e : (Cases: 0, Last: -1, Examples: new List<string>());
                if (entry.Last != c)
                {
                    entry.Cases++;
                    entry.Last = c;
                    if (entry.Examples.Count < options.Examples)
                    {
                        entry.Examples.Add(a.CaseIds[c]);
                    }
                }

                found[key] = entry;
            }
        }

        var list = found.Select(kv => new NewBehaviour(a.ActivityNames[(int)(kv.Key / steps)], a.ActivityNames[(int)(kv.Key % steps)], kv.Value.Cases, (double)kv.Value.Cases / after.CaseCount, kv.Value.Examples))
            .OrderByDescending(p => p.Cases).ThenBy(p => p.Describe(), StringComparer.Ordinal).Take(options.NewPaths).ToList();
        return (list, found.Count);
    }

    private static double NewVariantShare(LogView before, LogView after)
    {
        const string separator = "\u001f";
        var seen = VariantSet.Discover(before).Select(v => v.Describe(before.Log.ActivityNames, separator)).ToHashSet(StringComparer.Ordinal);
        int fresh = VariantSet.Discover(after).Where(v => !seen.Contains(v.Describe(after.Log.ActivityNames, separator))).Sum(v => v.Cases);
        return after.CaseCount == 0 ? double.NaN : (double)fresh / after.CaseCount;
    }
}
