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

            void Pool(string? name, string field)
            {
                if (name is null || !pools.Contains(name))
                {
                    throw new SimulationFileException(file, $"{at}.{field}", $"'{name}' is not a pool of the model; expected one of: {string.Join(", ", pools)}");
                }
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
                    Pool(c.Pool, "pool");
                    break;
                case ChangeHours c:
                    Pool(c.Pool, "pool");
                    try
                    {
                        WorkingHours.Parse(c.Hours ?? string.Empty);
                    }
                    catch (FormatException ex)
                    {
                        throw new SimulationFileException(file, $"{at}.hours", ex.Message);
                    }

                    if (c.Staff is { } staff && staff < 0)
                    {
                        throw new SimulationFileException(file, $"{at}.staff", "expected 0 or more staff");
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
                    throw new SimulationFileException(file, at, "expected a change with a known 'type'");
            }
        }
    }
}
