using Stepwise.Simulation.Model;

namespace Stepwise.Simulation.Scenarios;

/// <summary>Reads scenario files: an object with a name and a list of changes, or a list of such objects, in JSON or
/// (when the name ends in .yaml or .yml) YAML.</summary>
public static class ScenarioFile
{
    /// <summary>Reads the scenarios at <paramref name="path"/> and checks them against <paramref name="model"/>.</summary>
    /// <exception cref="SimulationFileException">The file is not valid, or names a step or pool the model lacks.</exception>
    public static IReadOnlyList<Scenario> Load(string path, SimulationModel model)
    {
        string text = ModelFile.ReadBounded(path);
        string file = Path.GetFileName(path);
        return Parse(SimulationYaml.IsYaml(path) ? SimulationYaml.ToJson(text, file) : text, file, model);
    }

    /// <summary>Parses scenarios from JSON text and checks them against <paramref name="model"/>.</summary>
    public static IReadOnlyList<Scenario> Parse(string text, string file, SimulationModel model)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(model);
        var trimmed = text.AsSpan().TrimStart();
        IReadOnlyList<Scenario> scenarios = trimmed.Length > 0 && trimmed[0] == '['
            ? SimulationJson.Deserialize<List<Scenario>>(text, file)
            : [SimulationJson.Deserialize<Scenario>(text, file)];
        if (scenarios.Count == 0)
        {
            throw new SimulationFileException(file, null, "expected at least one scenario");
        }

        for (int i = 0; i < scenarios.Count; i++)
        {
            string prefix = scenarios.Count > 1 ? $"[{i}]." : string.Empty;
            ScenarioCheck.Check(scenarios[i], model, file, prefix);
        }

        return scenarios;
    }
}
