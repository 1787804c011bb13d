using Stepwise.Simulation.Model;

namespace Stepwise.Simulation.Scenarios;

/// <summary>Reads scenario files: an object with a name and a list of changes, or a list of such objects, in JSON or
/// (when the name ends in .yaml or .yml) YAML.</summary>
public static class ScenarioFile
{
    /// <summary>The 'type' of each kind of change, as written in scenario files.</summary>
    public static IReadOnlyList<string> ChangeTypes { get; } = SimulationJson.Discriminators(typeof(ScenarioChange));

    /// <summary>Reads the scenarios at <paramref name="path"/> and checks them against <paramref name="model"/>.</summary>
    /// <exception cref="SimulationFileException">The file is not valid, or names a step or pool the model lacks: the
    /// message names the file, the line and the field as written, and what was expected.</exception>
    public static IReadOnlyList<Scenario> Load(string path, SimulationModel model)
    {
        string text = ModelFile.ReadBounded(path);
        string file = Path.GetFileName(path);
        if (SimulationYaml.IsYaml(path))
        {
            var positions = new SourceMap();
            string json = SimulationYaml.ToJson(text, file, positions);
            return Parse(json, file, model, positions);
        }

        return Parse(text, file, model);
    }

    /// <summary>
    /// Reads the scenarios at <paramref name="path"/> without a model to check them against (names of steps and pools
    /// are checked when a model is at hand, see <see cref="ScenarioCheck"/>): each needs a name and at least one change.
    /// </summary>
    /// <exception cref="SimulationFileException">The file is not a valid scenario file.</exception>
    public static IReadOnlyList<Scenario> LoadUnchecked(string path)
    {
        string text = ModelFile.ReadBounded(path);
        string file = Path.GetFileName(path);
        string json = SimulationYaml.IsYaml(path) ? SimulationYaml.ToJson(text, file) : text;
        var trimmed = json.AsSpan().TrimStart();
        IReadOnlyList<Scenario> scenarios = trimmed.Length > 0 && trimmed[0] == '['
            ? SimulationJson.Deserialize<List<Scenario>>(json, file)
            : [SimulationJson.Deserialize<Scenario>(json, file)];
        for (int i = 0; i < scenarios.Count; i++)
        {
            string prefix = scenarios.Count > 1 ? $"[{i}]." : string.Empty;
            if (string.IsNullOrWhiteSpace(scenarios[i].Name))
            {
                throw new SimulationFileException(file, prefix + "name", "expected a scenario name");
            }

            if (scenarios[i].Changes is null || scenarios[i].Changes.Count == 0 || scenarios[i].Changes.Any(c => c is null))
            {
                throw new SimulationFileException(file, prefix + "changes", "expected at least one change");
            }
        }

        return scenarios.Count == 0 ? throw new SimulationFileException(file, null, "expected at least one scenario") : scenarios;
    }

    /// <summary>
    /// Reads the changes of one improvement option from <paramref name="path"/>: a list of changes, or one scenario
    /// object with <c>changes</c>; not checked against a model.
    /// </summary>
    /// <exception cref="SimulationFileException">The file is not a list of changes or one scenario.</exception>
    public static IReadOnlyList<ScenarioChange> LoadChanges(string path)
    {
        string text = ModelFile.ReadBounded(path);
        string file = Path.GetFileName(path);
        string json = SimulationYaml.IsYaml(path) ? SimulationYaml.ToJson(text, file) : text;
        var trimmed = json.AsSpan().TrimStart();
        if (trimmed.Length > 0 && trimmed[0] == '[')
        {
            var changes = SimulationJson.Deserialize<List<ScenarioChange>>(json, file);
            return changes.Count == 0 || changes.Any(c => c is null) ? throw new SimulationFileException(file, null, "expected at least one change") : changes;
        }

        var scenario = SimulationJson.Deserialize<Scenario>(json, file);
        return scenario.Changes is null || scenario.Changes.Count == 0 || scenario.Changes.Any(c => c is null)
            ? throw new SimulationFileException(file, "changes", "expected at least one change")
            : scenario.Changes;
    }

    /// <summary>Parses scenarios from JSON text and checks them against <paramref name="model"/>.</summary>
    /// <exception cref="SimulationFileException">As for <see cref="Load"/>.</exception>
    public static IReadOnlyList<Scenario> Parse(string text, string file, SimulationModel model) => Parse(text, file, model, null);

    private static IReadOnlyList<Scenario> Parse(string text, string file, SimulationModel model, SourceMap? positions)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(model);
        positions ??= SourceMap.FromJson(text);
        var trimmed = text.AsSpan().TrimStart();
        bool list = trimmed.Length > 0 && trimmed[0] == '[';
        IReadOnlyList<Scenario> scenarios = list
            ? SimulationJson.Deserialize<List<Scenario>>(text, file, positions)
            : [SimulationJson.Deserialize<Scenario>(text, file, positions)];
        if (scenarios.Count == 0)
        {
            throw new SimulationFileException(file, null, "expected at least one scenario");
        }

        for (int i = 0; i < scenarios.Count; i++)
        {
            string prefix = list ? $"[{i}]." : string.Empty;
            try
            {
                ScenarioCheck.Check(scenarios[i], model, file, prefix);
            }
            catch (SimulationFileException ex) when (ex.Line is null && positions.Find(ex.Field) is { } at)
            {
                throw new SimulationFileException(file, ex.Field, ex.Problem, at.Line, at.Column, ex);
            }
        }

        return scenarios;
    }
}
