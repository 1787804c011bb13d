using Stepwise.Simulation.Distributions;
using Stepwise.Simulation.Model;
using Stepwise.Simulation.Scenarios;

namespace Stepwise.Simulation.Tests;

public class YamlFileTests
{
    private static string Temp(string extension) => Path.Combine(Path.GetTempPath(), $"stepwise-yaml-{Guid.NewGuid():N}{extension}");

    [Fact]
    public void Model_SavedAsYaml_LoadsBackToTheSameModel()
    {
        var model = TestModels.Queue(12, Distribution.Empirical([0, 30.5, 90, 600]), 3, patience: Distribution.LogNormal(4, 1), priorities: [0.8, 0.2], discipline: QueueDiscipline.Priority) with
        {
            Name = "yes: a \"quoted\" name # not a comment",
            ServiceLevel = new ServiceLevel(ServiceLevelMeasure.Waiting, 20),
        };
        string path = Temp(".yaml");
        try
        {
            ModelFile.Save(model, path);
            string yaml = File.ReadAllText(path);
            Assert.DoesNotContain("{\"", yaml, StringComparison.Ordinal);
            Assert.Contains("discipline: priority", yaml, StringComparison.Ordinal);
            Assert.Equal(ModelFile.ToJson(model), ModelFile.ToJson(ModelFile.Load(path)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Scenario_WrittenInYaml_IsRead()
    {
        var model = TestModels.Sequence(1, 10, ("Receive", 1), ("Check", 2));
        string path = Temp(".yml");
        File.WriteAllText(path, """
            - name: no check
              description: "the check is done at receipt"
              changes:
                - type: removeStep
                  step: Check
            - name: growth
              changes:
                - {type: demandGrowth, factor: 1.25}
            """);
        try
        {
            var scenarios = ScenarioFile.Load(path, model);
            Assert.Equal("Check", Assert.IsType<RemoveStep>(scenarios[0].Changes[0]).Step);
            Assert.Equal(1.25, Assert.IsType<DemandGrowth>(scenarios[1].Changes[0]).Factor);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Yaml_BadSyntaxOrAliases_NameFileAndLine()
    {
        var model = TestModels.Sequence(1, 10, ("Receive", 1), ("Check", 2));
        var syntax = Assert.Throws<SimulationFileException>(() => ScenarioFile.Parse(SimulationYaml.ToJson("name: x\nchanges: [\n  - type: removeStep\n  step: Check", "s.yaml"), "s.yaml", model));
        Assert.StartsWith("s.yaml, line ", syntax.Message, StringComparison.Ordinal);
        var alias = Assert.Throws<SimulationFileException>(() => SimulationYaml.ToJson("a: &x [1, 2]\nb: *x\n", "s.yaml"));
        Assert.Contains("anchors and aliases", alias.Message, StringComparison.Ordinal);
        var field = Assert.Throws<SimulationFileException>(() => ScenarioFile.Parse(SimulationYaml.ToJson("name: x\nchanges:\n  - type: removeStep\n    step: Chek\n", "s.yaml"), "s.yaml", model));
        Assert.Contains("changes[0].step", field.Message, StringComparison.Ordinal);
    }
}
