using Stepwise.Mining.Time;
using Stepwise.Simulation.Calendars;
using Stepwise.Simulation.Model;

namespace Stepwise.Simulation.Scenarios;

/// <summary>
/// Applies a scenario to a model: changes to arrivals, steps, pools and routing give a new model; changes to the order
/// of steps (remove, merge, move, run in parallel) are kept as edits of each case's path, applied when a case arrives.
/// </summary>
internal static class ScenarioApplication
{
    public static (SimulationModel Model, IReadOnlyList<ScenarioChange> PathChanges, IReadOnlyDictionary<string, string> SumOf) Apply(SimulationModel model, Scenario? scenario)
    {
        if (scenario is null)
        {
            return (model, [], new Dictionary<string, string>());
        }

        ScenarioCheck.Check(scenario, model);
        var pathChanges = new List<ScenarioChange>();
        var sumOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var change in scenario.Changes)
        {
            switch (change)
            {
                case RemoveStep or MoveStep or ParallelSteps:
                    pathChanges.Add(change);
                    break;
                case MergeSteps merge:
                    string name = merge.Name ?? $"{merge.First} + {merge.Second}";
                    var first = model.Activities.First(a => a.Name == merge.First);
                    var mergedStep = first with { Name = name, Duration = merge.Duration ?? first.Duration, Note = "merged step" };
                    if (merge.Duration is null)
                    {
                        sumOf[name] = merge.Second;
                    }
                    else
                    {
                        // A given duration replaces every pool-specific one.
                        mergedStep = mergedStep with { Pools = [.. first.Pools.Select(p => p with { Duration = null })] };
                    }

                    model = model with { Activities = [.. model.Activities.Where(a => a.Name != name), mergedStep] };
                    pathChanges.Add(change with { });
                    break;
                case AutomateStep automate:
                    model = model with
                    {
                        Activities = [.. model.Activities.Select(a => a.Name == automate.Step
                            ? a with { Pools = [], Duration = automate.Duration, Elapsed = null, ElapsedByCase = [], CostPerExecution = automate.CostPerExecution, Patience = null, Note = "automated" }
                            : a)],
                    };
                    break;
                case ChangeStaff staff:
                    model = model with
                    {
                        Pools = [.. model.Pools.Select(p => p.Name == staff.Pool
                            ? p with { Capacity = p.Capacity.Map(c => c > 0 ? Math.Max(0, c + staff.Change) : 0), CapacityBasis = CapacityBasis.Given }
                            : p)],
                    };
                    break;
                case ChangeHours hours:
                    var working = WorkingHours.Parse(hours.Hours);
                    model = model with
                    {
                        Pools = [.. model.Pools.Select(p => p.Name == hours.Pool
                            ? p with { Capacity = WeekProfile.During(working, hours.Staff ?? Math.Max(1, Math.Ceiling(p.Capacity.Max))), CapacityBasis = CapacityBasis.Given }
                            : p)],
                    };
                    break;
                case ReduceRework rework:
                    model = model with { Routing = model.Routing with { Rules = [.. model.Routing.Rules.Select(r => Reduce(r, rework))] } };
                    break;
                case SelfService self:
                    model = model with { Arrivals = model.Arrivals with { CasesPerHour = model.Arrivals.CasesPerHour.Map(r => r * (1 - self.Share)) } };
                    break;
                case DemandGrowth growth:
                    model = model with { Arrivals = model.Arrivals with { CasesPerHour = model.Arrivals.CasesPerHour.Map(r => r * growth.Factor) } };
                    break;
            }
        }

        return (model, pathChanges, sumOf);
    }

    private static RoutingRule Reduce(RoutingRule rule, ReduceRework rework)
    {
        if (rule.After.Count == 0 || rule.After[^1] != rework.From || !rule.Next.TryGetValue(rework.To, out double p) || p <= 0 || p >= 1)
        {
            return rule;
        }

        double reduced = p * (1 - rework.Reduction);
        double scale = (1 - reduced) / (1 - p);
        var next = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (step, q) in rule.Next)
        {
            next[step] = step == rework.To ? reduced : q * scale;
        }

        return rule with { Next = next };
    }
}
