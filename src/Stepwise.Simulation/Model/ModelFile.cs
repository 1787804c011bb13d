using System.Globalization;
using System.Text.Json;

namespace Stepwise.Simulation.Model;

/// <summary>Reads, checks and writes simulation models as JSON or YAML files a person can read and edit.</summary>
public static class ModelFile
{
    /// <summary>The largest model file accepted (models are small; a huge file is a mistake).</summary>
    public const long MaxBytes = 64L << 20;

    /// <summary>Reads and checks the model at <paramref name="path"/> (YAML when the name ends in .yaml or .yml).</summary>
    /// <exception cref="SimulationFileException">The file is not valid JSON or a value is not acceptable.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static SimulationModel Load(string path)
    {
        string text = ReadBounded(path);
        string file = Path.GetFileName(path);
        if (SimulationYaml.IsYaml(path))
        {
            var positions = new SourceMap();
            string json = SimulationYaml.ToJson(text, file, positions);
            return Parse(json, file, positions);
        }

        return Parse(text, file);
    }

    /// <summary>Parses and checks a model from JSON text; <paramref name="file"/> names the source in errors.</summary>
    /// <exception cref="SimulationFileException">As for <see cref="Load"/>.</exception>
    public static SimulationModel Parse(string text, string file) => Parse(text, file, null);

    private static SimulationModel Parse(string text, string file, SourceMap? positions)
    {
        ArgumentNullException.ThrowIfNull(text);
        positions ??= SourceMap.FromJson(text);
        var model = SimulationJson.Deserialize<SimulationModel>(text, file, positions);
        var problem = FindProblem(model);
        if (problem is { } p)
        {
            var at = positions.Find(p.Field);
            throw new SimulationFileException(file, p.Field, p.Message, at?.Line, at?.Column);
        }

        return model;
    }

    /// <summary>The model as indented JSON.</summary>
    public static string ToJson(SimulationModel model) => JsonSerializer.Serialize(model, SimulationJson.Options);

    /// <summary>The model as YAML.</summary>
    public static string ToYaml(SimulationModel model) => SimulationYaml.FromJson(ToJson(model));

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/>, as YAML when the name ends in .yaml or .yml,
    /// else as JSON (replacing the file only once fully written).</summary>
    public static void Save(SimulationModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(path);
        string temp = path + ".partial";
        File.WriteAllText(temp, SimulationYaml.IsYaml(path) ? ToYaml(model) : ToJson(model));
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Checks a model built in code or edited by hand.</summary>
    /// <exception cref="SimulationFileException">A value is not acceptable (named by its field).</exception>
    public static void Check(SimulationModel model, string source = "model")
    {
        var problem = FindProblem(model);
        if (problem is { } p)
        {
            throw new SimulationFileException(source, p.Field, p.Message);
        }
    }

    internal static string ReadBounded(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"There is no file '{path}'.", path);
        }

        if (info.Length > MaxBytes)
        {
            throw new SimulationFileException(info.Name, null, string.Create(CultureInfo.InvariantCulture, $"the file has {info.Length:N0} bytes; at most {MaxBytes:N0} are accepted"));
        }

        return File.ReadAllText(path);
    }

    private static (string Field, string Message)? FindProblem(SimulationModel model)
    {
        if (model.FormatVersion != 1)
        {
            return ("formatVersion", $"version {model.FormatVersion} is not supported; expected 1");
        }

        if (!(model.HorizonDays > 0) || !double.IsFinite(model.HorizonDays))
        {
            return ("horizonDays", "expected a number of days more than 0");
        }

        if (model.Arrivals.CasesPerHour.Validate() is { } arrivals)
        {
            return ("arrivals.casesPerHour", arrivals);
        }

        var shares = model.Arrivals.PriorityShares;
        if (shares.Count > 0 && (shares.Any(s => !(s >= 0)) || Math.Abs(shares.Sum() - 1) > 1e-6))
        {
            return ("arrivals.priorityShares", "expected shares of 0 or more adding up to 1");
        }

        var pools = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < model.Pools.Count; i++)
        {
            var pool = model.Pools[i];
            string at = $"pools[{i}]";
            if (string.IsNullOrWhiteSpace(pool.Name) || !pools.Add(pool.Name))
            {
                return ($"{at}.name", $"expected a unique, non-empty pool name (got '{pool.Name}')");
            }

            if (pool.Capacity.Validate() is { } capacity)
            {
                return ($"{at}.capacity", capacity);
            }

            if (pool.CostPerHour is { } cost && !(cost >= 0 && double.IsFinite(cost)))
            {
                return ($"{at}.costPerHour", "expected a cost of 0 or more, or no value when not known");
            }
        }

        // A pool nobody ever staffs would hold its steps' cases for ever.
        for (int i = 0; i < model.Pools.Count; i++)
        {
            var pool = model.Pools[i];
            if (pool.Capacity.Max <= 0)
            {
                var users = model.Activities.Where(a => a.Pools.Any(p => p.Pool == pool.Name && p.Share > 0)).Select(a => $"'{a.Name}'").ToList();
                if (users.Count > 0)
                {
                    return ($"pools[{i}].capacity", $"nobody is on shift in any hour, but {string.Join(", ", users)} need{(users.Count == 1 ? "s" : string.Empty)} this pool, so {(users.Count == 1 ? "its" : "their")} cases would wait for ever; expected at least one hour with staff");
                }
            }
        }

        var activities = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < model.Activities.Count; i++)
        {
            var activity = model.Activities[i];
            string at = $"activities[{i}]";
            if (string.IsNullOrWhiteSpace(activity.Name) || activity.Name == RoutingModel.End || !activities.Add(activity.Name))
            {
                return ($"{at}.name", $"expected a unique, non-empty step name other than '{RoutingModel.End}' (got '{activity.Name}')");
            }

            if (activity.Duration.Validate() is { } duration)
            {
                return ($"{at}.duration", duration);
            }

            if (activity.Patience?.Validate() is { } patience)
            {
                return ($"{at}.patience", patience);
            }

            if (activity.Elapsed?.Validate() is { } elapsed)
            {
                return ($"{at}.elapsed", elapsed);
            }

            if (!(activity.Continuation >= 0 && activity.Continuation <= 1))
            {
                return ($"{at}.continuation", "expected a share from 0 to 1");
            }

            if (!(activity.CostPerExecution >= 0))
            {
                return ($"{at}.costPerExecution", "expected a cost of 0 or more");
            }

            double total = 0;
            for (int k = 0; k < activity.Pools.Count; k++)
            {
                var assignment = activity.Pools[k];
                if (!pools.Contains(assignment.Pool))
                {
                    return ($"{at}.pools[{k}].pool", $"'{assignment.Pool}' is not one of the pools ({string.Join(", ", pools)})");
                }

                if (!(assignment.Share >= 0))
                {
                    return ($"{at}.pools[{k}].share", "expected a share of 0 or more");
                }

                if (assignment.Duration?.Validate() is { } own)
                {
                    return ($"{at}.pools[{k}].duration", own);
                }

                total += assignment.Share;
            }

            if (activity.Pools.Count > 0 && Math.Abs(total - 1) > 1e-6)
            {
                return ($"{at}.pools", string.Create(CultureInfo.InvariantCulture, $"the shares add up to {total:G6}; expected 1"));
            }
        }

        // Elapsed-time rules name steps, which must all be known first.
        for (int i = 0; i < model.Activities.Count; i++)
        {
            var rules = model.Activities[i].ElapsedByCase;
            for (int k = 0; k < rules.Count; k++)
            {
                var rule = rules[k];
                string at = $"activities[{i}].elapsedByCase[{k}]";
                if (rule.Next is { } next && next != RoutingModel.End && !activities.Contains(next))
                {
                    return ($"{at}.next", $"'{next}' is not one of the steps nor '{RoutingModel.End}'");
                }

                if (!(rule.AgeFrom >= 0) || !double.IsFinite(rule.AgeFrom))
                {
                    return ($"{at}.ageFrom", "expected an age of 0 seconds or more");
                }

                if (rule.AgeTo is { } to && !(to > rule.AgeFrom))
                {
                    return ($"{at}.ageTo", "expected an age above ageFrom, or no value for no upper bound");
                }

                if (rule.Continuation is { } carry && !(carry >= 0 && carry <= 1))
                {
                    return ($"{at}.continuation", "expected a share from 0 to 1");
                }

                if (rule.Elapsed is null)
                {
                    return ($"{at}.elapsed", "expected a distribution");
                }

                if (rule.Elapsed.Validate() is { } problem)
                {
                    return ($"{at}.elapsed", problem);
                }
            }
        }

        if (model.Routing.History < 1 || model.Routing.History > 8)
        {
            return ("routing.history", "expected a history of 1 to 8 steps");
        }

        bool hasStart = false;
        for (int i = 0; i < model.Routing.Rules.Count; i++)
        {
            var rule = model.Routing.Rules[i];
            string at = $"routing.rules[{i}]";
            hasStart |= rule.After.Count == 0;
            if (rule.After.Count > model.Routing.History)
            {
                return ($"{at}.after", $"a history has at most {model.Routing.History} steps");
            }

            foreach (var step in rule.After)
            {
                if (!activities.Contains(step))
                {
                    return ($"{at}.after", $"'{step}' is not one of the steps");
                }
            }

            double total = 0;
            foreach (var (next, p) in rule.Next)
            {
                if (next != RoutingModel.End && !activities.Contains(next))
                {
                    return ($"{at}.next", $"'{next}' is not one of the steps nor '{RoutingModel.End}'");
                }

                if (!(p >= 0))
                {
                    return ($"{at}.next.{next}", "expected a probability of 0 or more");
                }

                total += p;
            }

            if (Math.Abs(total - 1) > 1e-6)
            {
                return ($"{at}.next", string.Create(CultureInfo.InvariantCulture, $"the probabilities add up to {total:G6}; expected 1"));
            }
        }

        if (!hasStart)
        {
            return ("routing.rules", "expected a rule with an empty 'after' giving the first step of a case");
        }

        if (model.ServiceLevel is { } level && !(level.TargetSeconds >= 0))
        {
            return ("serviceLevel.targetSeconds", "expected a target of 0 seconds or more");
        }

        return null;
    }
}
