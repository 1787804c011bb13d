using System.Globalization;
using Stepwise.Mining.Time;
using Stepwise.Simulation.Model;

namespace Stepwise.Simulation.Scenarios;

/// <summary>Checks a scenario against the model it changes, naming the field of the first problem.</summary>
public static class ScenarioCheck
{
    /// <summary>Checks <paramref name="scenario"/>.</summary>
    /// <exception cref="SimulationFileException">A change names a step or pool the model lacks, or a value is out of range.</exception>
    public static void Check(Scenario scenario, SimulationModel model, string file = "scenario", string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(model);
        if (string.IsNullOrWhiteSpace(scenario.Name))
        {
            throw new SimulationFileException(file, prefix + "name", "expected a scenario name");
        }

        if (scenario.Changes is null || scenario.Changes.Count == 0)
        {
            throw new SimulationFileException(file, prefix + "changes", "expected at least one change");
        }

        var steps = new HashSet<string>(model.Activities.Select(a => a.Name), StringComparer.Ordinal);
        var pools = new HashSet<string>(model.Pools.Select(p => p.Name), StringComparer.Ordinal);
        for (int i = 0; i < scenario.Changes.Count; i++)
        {
            string at = $"{prefix}changes[{i}]";
            void Step(string? name, string field)
            {
                if (name is null || !steps.Contains(name))
                {
                    throw new SimulationFileException(file, $"{at}.{field}", $"'{name}' is not a step of the model; expected one of: {string.Join(", ", steps)}");
                }
            }

            PoolModel Pool(string? name, string field)
            {
                if (pools.Count == 0)
                {
                    throw new SimulationFileException(file, $"{at}.{field}", "the model has no pools of staff (its log names no one who did the work), so staffing cannot be changed; give pools and their staff in the model file first");
                }

                if (name is null || !pools.Contains(name))
                {
                    throw new SimulationFileException(file, $"{at}.{field}", $"'{name}' is not a pool of the model; expected one of: {string.Join(", ", pools)}");
                }

                return model.Pools.First(p => p.Name == name);
            }

            void Share(double value, string field, double min, double max)
            {
                if (!(value >= min && value <= max))
                {
                    throw new SimulationFileException(file, $"{at}.{field}", string.Create(CultureInfo.InvariantCulture, $"expected a value from {min} to {max} (got {value})"));
                }
            }

            switch (scenario.Changes[i])
            {
                case RemoveStep c:
                    Step(c.Step, "step");
                    break;
                case AutomateStep c:
                    Step(c.Step, "step");
                    if ((c.Duration is null ? "expected a duration" : c.Duration.Validate()) is { } durationProblem)
                    {
                        throw new SimulationFileException(file, $"{at}.duration", durationProblem);
                    }

                    Share(c.CostPerExecution, "costPerExecution", 0, double.MaxValue);
                    break;
                case MergeSteps c:
                    Step(c.First, "first");
                    Step(c.Second, "second");
                    if (c.First == c.Second)
                    {
                        throw new SimulationFileException(file, $"{at}.second", "expected a step other than the first");
                    }

                    if (c.Duration?.Validate() is { } mergeProblem)
                    {
                        throw new SimulationFileException(file, $"{at}.duration", mergeProblem);
                    }

                    // The merged step is a step in its own right for the changes after it.
                    steps.Add(c.Name ?? $"{c.First} + {c.Second}");
                    break;
                case MoveStep c:
                    Step(c.Step, "step");
                    Step(c.Before, "before");
                    break;
                case ParallelSteps c:
                    if (c.Steps is null || c.Steps.Count < 2)
                    {
                        throw new SimulationFileException(file, $"{at}.steps", "expected at least two steps");
                    }

                    for (int k = 0; k < c.Steps.Count; k++)
                    {
                        Step(c.Steps[k], $"steps[{k}]");
                    }

                    break;
                case ChangeStaff c:
                    {
                        var pool = Pool(c.Pool, "pool");
                        if (pool.CapacityBasis == CapacityBasis.Unknown)
                        {
                            throw new SimulationFileException(file, $"{at}.pool", $"the staff of '{pool.Name}' is not known (its work is recorded without anyone's name), so adding or removing staff means nothing; give its capacity in the model file, or use changeHours with 'staff'");
                        }

                        double most = pool.Capacity.Max;
                        if (c.Change <= -most)
                        {
                            throw new SimulationFileException(file, $"{at}.change", string.Create(CultureInfo.InvariantCulture, $"removing {-c.Change} staff leaves '{pool.Name}' with nobody on shift in any hour (it has at most {most:0.##}), so its work would never be done; expected a change above {-most:0.##}"));
                        }

                        break;
                    }

                case ChangeHours c:
                    var changed = Pool(c.Pool, "pool");
                    if (c.Staff is null && changed.CapacityBasis == CapacityBasis.Unknown)
                    {
                        throw new SimulationFileException(file, $"{at}.staff", $"the staff of '{changed.Name}' is not known (its work is recorded without anyone's name); give 'staff' for the new hours");
                    }

                    try
                    {
                        WorkingHours.Parse(c.Hours ?? string.Empty);
                    }
                    catch (FormatException ex)
                    {
                        throw new SimulationFileException(file, $"{at}.hours", ex.Message);
                    }

                    if (c.Staff is { } staff && staff < 1)
                    {
                        throw new SimulationFileException(file, $"{at}.staff", $"expected 1 or more staff (got {staff}): a pool with nobody on shift never does its work");
                    }

                    break;
                case ReduceRework c:
                    Step(c.From, "from");
                    Step(c.To, "to");
                    Share(c.Reduction, "reduction", 0, 1);
                    break;
                case SelfService c:
                    Share(c.Share, "share", 0, 1);
                    break;
                case DemandGrowth c:
                    Share(c.Factor, "factor", 0, 1000);
                    break;
                default:
                    throw new SimulationFileException(file, at, "expected a change with a known 'type'; the types are: " + string.Join(", ", ScenarioFile.ChangeTypes));
            }
        }
    }

    /// <summary>
    /// What the user should know about a valid scenario before reading its results: staffing changes that leave hours
    /// with nobody on shift (work reaching the pool then waits for the next hour with staff).
    /// </summary>
    public static IReadOnlyList<string> Flags(Scenario scenario, SimulationModel model)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(model);
        var flags = new List<string>();
        var capacity = model.Pools.ToDictionary(p => p.Name, p => p.Capacity.ToHourOfWeek(), StringComparer.Ordinal);
        foreach (var change in scenario.Changes)
        {
            if (change is ChangeStaff staff && capacity.TryGetValue(staff.Pool, out var hours))
            {
                int working = hours.Count(h => h > 0);
                int emptied = hours.Count(h => h > 0 && h + staff.Change <= 0);
                if (emptied > 0)
                {
                    flags.Add(string.Create(CultureInfo.InvariantCulture, $"Removing {-staff.Change} staff leaves '{staff.Pool}' with nobody on shift in {emptied} of its {working} working hours a week (hours that had {-staff.Change} or fewer on average): work reaching it then waits for the next hour with staff."));
                }

                for (int h = 0; h < hours.Length; h++)
                {
                    hours[h] = hours[h] > 0 ? Math.Max(0, hours[h] + staff.Change) : 0;
                }
            }
        }

        return flags;
    }
}
