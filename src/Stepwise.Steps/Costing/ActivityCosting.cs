using System.Globalization;
using Stepwise.Mining;
using Stepwise.Mining.Attributes;
using Stepwise.Mining.Discovery;
using Stepwise.Mining.Statistics;
using Stepwise.Mining.Time;
using Stepwise.Steps.Evidence;

namespace Stepwise.Steps.Costing;

/// <summary>
/// Activity-based costing: the cost of an activity instance is its handling time in hours times the hourly rate of
/// whoever did it (the first rate level with a rate for the instance, else the default rate), plus the activity's
/// fixed cost per instance. Summed per step, per case and per variant; repeat instances within a case are rework.
/// </summary>
public static class ActivityCosting
{
    /// <summary>Costs every instance of <paramref name="view"/> under <paramref name="model"/>.</summary>
    /// <param name="view">The cases.</param>
    /// <param name="model">Rates, handling times and fixed costs.</param>
    /// <param name="measure">How measured handling time is counted (elapsed or working time).</param>
    /// <param name="variants">The variants of the view, when already discovered.</param>
    /// <param name="topCases">How many of the costliest cases to list.</param>
    /// <exception cref="ArgumentException">A rate level names an attribute the log does not have.</exception>
    public static CostReport Compute(LogView view, CostModel model, DurationMeasure? measure = null, VariantSet? variants = null, int topCases = 20)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(model);
        var log = view.Log;
        var handling = HandlingTimes.Resolve(view, model.Handling, measure);
        var levels = new List<(int[] Codes, double[] RateOfCode)>();
        foreach (var level in model.Levels)
        {
            if (!AttributeCodes.Exists(log, level.By))
            {
                throw new ArgumentException($"The rates are given per '{level.By}', which the log does not have.", nameof(model));
            }

            var (codes, values) = AttributeCodes.ForEvents(log, level.By);
            var rateOf = new double[values.Count];
            for (int v = 0; v < values.Count; v++)
            {
                rateOf[v] = level.Rates.TryGetValue(values[v], out double rate) ? rate : double.NaN;
            }

            levels.Add((codes, rateOf));
        }

        int a = log.ActivityNames.Count;
        var fixedOf = new double[a];
        for (int act = 0; act < a; act++)
        {
            fixedOf[act] = model.FixedCosts.TryGetValue(log.ActivityNames[act], out double f) ? f : 0;
        }

        var instances = new long[a];
        var labour = new double[a];
        var fixedCost = new double[a];
        var withoutTime = new long[a];
        var withoutRate = new long[a];
        var reworkInstances = new long[a];
        var reworkCost = new double[a];
        var returnCost = new double[a];
        var caseCosts = new CaseCost[view.CaseCount];
        var seen = new int[a];
        Array.Fill(seen, -1);
        var acts = log.Activities;
        for (int i = 0; i < view.CaseCount; i++)
        {
            int c = view.CaseAt(i);
            double caseTotal = 0, caseRework = 0;
            for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
            {
                int act = acts[e];
                instances[act]++;
                double cost = fixedOf[act];
                fixedCost[act] += fixedOf[act];
                double seconds = handling.SecondsOf(e);
                if (double.IsNaN(seconds))
                {
                    withoutTime[act]++;
                }
                else
                {
                    double rate = RateOf(e, levels, model.DefaultRate);
                    if (double.IsNaN(rate))
                    {
                        withoutRate[act]++;
                    }
                    else
                    {
                        double work = seconds / 3600.0 * rate;
                        labour[act] += work;
                        cost += work;
                    }
                }

                caseTotal += cost;
                if (seen[act] == c)
                {
                    reworkInstances[act]++;
                    reworkCost[act] += cost;
                    caseRework += cost;
                    if (acts[e - 1] != act)
                    {
                        returnCost[act] += cost;
                    }
                }

                seen[act] = c;
            }

            caseCosts[i] = new CaseCost(c, log.CaseIds[c], caseTotal, caseRework, log.CaseLength(c));
        }

        double total = 0, rework = 0;
        for (int act = 0; act < a; act++)
        {
            total += labour[act] + fixedCost[act];
            rework += reworkCost[act];
        }

        var steps = new List<StepCost>();
        for (int act = 0; act < a; act++)
        {
            if (instances[act] == 0)
            {
                continue;
            }

            double stepTotal = labour[act] + fixedCost[act];
            var step = new StepCost(act, log.ActivityNames[act], instances[act], handling.Steps[act], labour[act], fixedCost[act], withoutTime[act], withoutRate[act], reworkInstances[act], reworkCost[act], total > 0 ? stepTotal / total : double.NaN) { ReturnCost = returnCost[act] };
            steps.Add(step.Coverage == CostCoverage.None ? step with { Share = double.NaN, ReworkCost = double.NaN, ReturnCost = double.NaN } : step);
        }

        // Costed steps first, most costly first; the steps not costed last, by name.
        steps.Sort((x, y) =>
        {
            double cx = double.IsNaN(x.TotalCost) ? double.NegativeInfinity : x.TotalCost, cy = double.IsNaN(y.TotalCost) ? double.NegativeInfinity : y.TotalCost;
            return cy != cx ? cy.CompareTo(cx) : string.CompareOrdinal(x.Name, y.Name);
        });

        variants ??= VariantSet.Discover(view);
        var variantTotals = new double[variants.Count];
        foreach (var cost in caseCosts)
        {
            int v = variants.VariantOf(cost.Case);
            if (v >= 0)
            {
                variantTotals[v] += cost.TotalCost;
            }
        }

        var variantCosts = new List<VariantCost>(variants.Count);
        for (int v = 0; v < variants.Count; v++)
        {
            variantCosts.Add(new VariantCost(v, variants[v].Describe(log.ActivityNames), variants[v].Cases, variantTotals[v], total > 0 ? variantTotals[v] / total : double.NaN));
        }

        var perCase = new double[caseCosts.Length];
        for (int i = 0; i < perCase.Length; i++)
        {
            perCase[i] = caseCosts[i].TotalCost;
        }

        var summary = DistributionSummary.Of(perCase);
        var costliest = caseCosts.OrderByDescending(x => x.TotalCost).ThenBy(x => x.CaseId, StringComparer.Ordinal).Take(Math.Max(0, topCases)).ToList();
        var notes = Notes(steps, model, handling);
        return new CostReport(model.Currency, steps, variantCosts, summary, costliest, total, rework, handling, notes);
    }

    private static double RateOf(int row, List<(int[] Codes, double[] RateOfCode)> levels, double? defaultRate)
    {
        foreach (var (codes, rateOf) in levels)
        {
            int code = codes[row];
            if (code >= 0 && !double.IsNaN(rateOf[code]))
            {
                return rateOf[code];
            }
        }

        return defaultRate ?? double.NaN;
    }

    private static List<string> Notes(List<StepCost> steps, CostModel model, HandlingTimes handling)
    {
        var notes = new List<string> { handling.Method };
        long noTime = steps.Sum(s => s.InstancesWithoutTime);
        long noRate = steps.Sum(s => s.InstancesWithoutRate);
        var notCosted = steps.Where(s => s.Coverage == CostCoverage.None).Select(s => "'" + s.Name + "'").ToList();
        if (notCosted.Count > 0)
        {
            notes.Add($"Not costed (a missing figure, not a cost of zero): {string.Join(", ", notCosted)}: the log gives no handling time for {(notCosted.Count == 1 ? "it" : "them")} and there is no standard time or fixed cost; give standard times (standard_times in the cost model) to cost {(notCosted.Count == 1 ? "it" : "them")}. Totals leave {(notCosted.Count == 1 ? "it" : "them")} out.");
        }

        if (noTime > 0 && steps.Any(s => s.InstancesWithoutTime > 0 && s.Coverage != CostCoverage.None))
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"Partly costed: some instances have no handling time, so no labour cost: give standard times for {string.Join(", ", steps.Where(s => s.InstancesWithoutTime > 0 && s.Coverage != CostCoverage.None).Select(s => "'" + s.Name + "'"))}."));
        }

        if (noRate > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{noRate:N0} instances were done by someone without a rate and there is no default rate, so they carry no labour cost."));
        }

        if (model.FixedCosts.Count > 0)
        {
            notes.Add("Fixed costs per instance: " + string.Join(", ", model.FixedCosts.Select(kv => string.Create(CultureInfo.InvariantCulture, $"'{kv.Key}' {kv.Value:0.00}"))) + ".");
        }

        return notes;
    }
}
