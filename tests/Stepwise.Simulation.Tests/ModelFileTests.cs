using Stepwise.Simulation.Calendars;
using Stepwise.Simulation.Distributions;
using Stepwise.Simulation.Model;
using Stepwise.Simulation.Scenarios;

namespace Stepwise.Simulation.Tests;

public class ModelFileTests
{
    private static SimulationModel Sample() => TestModels.Queue(12, Distribution.Gamma(2, 90), 3, patience: Distribution.Empirical([0, 30, 90, 600]), priorities: [0.8, 0.2], discipline: QueueDiscipline.Priority) with
    {
        ServiceLevel = new ServiceLevel(ServiceLevelMeasure.Waiting, 20),
    };

    [Fact]
    public void SaveAndLoad_RoundTrip_GivesTheSameModelFile()
    {
        string json = ModelFile.ToJson(Sample());
        var loaded = ModelFile.Parse(json, "model.json");
        Assert.Equal(json, ModelFile.ToJson(loaded));
        Assert.Contains("\"kind\": \"gamma\"", json, StringComparison.Ordinal);
        Assert.Contains("\"discipline\": \"priority\"", json, StringComparison.Ordinal);
        Assert.Contains("\"mon\": [", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_ToDisk_ThenLoad()
    {
        string path = Path.Combine(Path.GetTempPath(), $"stepwise-model-{Guid.NewGuid():N}.json");
        try
        {
            ModelFile.Save(Sample(), path);
            Assert.Equal(ModelFile.ToJson(Sample()), ModelFile.ToJson(ModelFile.Load(path)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parse_BrokenJson_NamesFileAndLine()
    {
        string json = ModelFile.ToJson(Sample());
        string broken = json.Replace("\"horizonDays\": 365,", "\"horizonDays\": 365,,", StringComparison.Ordinal);
        var ex = Assert.Throws<SimulationFileException>(() => ModelFile.Parse(broken, "edited.json"));
        Assert.StartsWith("edited.json, line ", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.Line);
    }

    [Fact]
    public void Parse_UnknownField_IsRefused()
    {
        string json = ModelFile.ToJson(Sample()).Replace("\"horizonDays\"", "\"horizonDayz\"", StringComparison.Ordinal);
        var ex = Assert.Throws<SimulationFileException>(() => ModelFile.Parse(json, "edited.json"));
        Assert.Contains("horizonDayz", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadValues_NameTheField()
    {
        var model = Sample();
        void Refused(SimulationModel bad, string field, string words)
        {
            var ex = Assert.Throws<SimulationFileException>(() => ModelFile.Parse(ModelFile.ToJson(bad), "m.json"));
            Assert.Contains(field, ex.Message, StringComparison.Ordinal);
            Assert.Contains(words, ex.Message, StringComparison.Ordinal);
        }

        Refused(model with { Activities = [model.Activities[0] with { Pools = [new PoolAssignment("Ghosts", 1)] }] }, "activities[0].pools[0].pool", "'Ghosts' is not one of the pools");
        Refused(model with { Activities = [model.Activities[0] with { Duration = new Distribution { Kind = DistributionKind.LogNormal, Mu = 3 } }] }, "activities[0].duration", "needs 'mu' and 'sigma'");
        Refused(model with { Routing = model.Routing with { Rules = [.. model.Routing.Rules.Take(1), new RoutingRule(["Serve"], new Dictionary<string, double> { [RoutingModel.End] = 0.7 })] } }, "routing.rules[1].next", "add up to 0.7");
        Refused(model with { Arrivals = model.Arrivals with { CasesPerHour = WeekProfile.Constant(1) with { Tue = [1, 2] } } }, "arrivals.casesPerHour", "'tue' must have 24");
        Refused(model with { Routing = model.Routing with { Rules = [.. model.Routing.Rules.Skip(1)] } }, "routing.rules", "empty 'after'");
    }

    [Fact]
    public void ScenarioFile_EveryChangeType_IsRead()
    {
        var model = TestModels.Sequence(1, 10, ("Receive", 1), ("Check", 2), ("Reply", 0.5));
        const string json = """
            [
              { "name": "lean", "description": "all options", "changes": [
                { "type": "removeStep", "step": "Check" },
                { "type": "automateStep", "step": "Reply", "duration": { "kind": "constant", "value": 5 }, "costPerExecution": 0.1 },
                { "type": "mergeSteps", "first": "Receive", "second": "Reply", "name": "Receive and reply" },
                { "type": "moveStep", "step": "Reply", "before": "Receive" },
                { "type": "parallelSteps", "steps": ["Receive", "Check"] },
                { "type": "changeStaff", "pool": "Team", "change": -1 },
                { "type": "changeHours", "pool": "Team", "hours": "Mon-Fri 08:00-18:00", "staff": 4 },
                { "type": "reduceRework", "from": "Check", "to": "Receive", "reduction": 0.5 },
                { "type": "selfService", "share": 0.2 },
                { "type": "demandGrowth", "factor": 1.1 },
              ] },
              { "name": "second", "changes": [ { "type": "demandGrowth", "factor": 2 } ] }
            ]
            """;
        var scenarios = ScenarioFile.Parse(json, "s.json", model);
        Assert.Equal(2, scenarios.Count);
        Assert.Equal(10, scenarios[0].Changes.Count);
        Assert.IsType<ChangeHours>(scenarios[0].Changes[6]);
        Assert.Equal(0.1, ((AutomateStep)scenarios[0].Changes[1]).CostPerExecution);
        // Every change applies without error.
        Engine.Simulator.Run(model, new Engine.SimulationOptions { Replications = 2, Horizon = TimeSpan.FromDays(7) }, scenarios[0]);
    }

    [Fact]
    public void ScenarioFile_Problems_NameFileAndField()
    {
        var model = TestModels.Sequence(1, 10, ("Receive", 1), ("Check", 2));
        var unknownType = Assert.Throws<SimulationFileException>(() => ScenarioFile.Parse("""{ "name": "x", "changes": [ { "type": "fireEveryone" } ] }""", "s.json", model));
        Assert.Contains("s.json", unknownType.Message, StringComparison.Ordinal);
        Assert.Contains("fireEveryone", unknownType.Message, StringComparison.Ordinal);
        var missing = Assert.Throws<SimulationFileException>(() => ScenarioFile.Parse("""{ "name": "x", "changes": [ { "type": "removeStep" } ] }""", "s.json", model));
        Assert.Contains("step", missing.Message, StringComparison.Ordinal);
        // The type may come anywhere in the object.
        Assert.IsType<RemoveStep>(ScenarioFile.Parse("""{ "name": "x", "changes": [ { "step": "Check", "type": "removeStep" } ] }""", "s.json", model)[0].Changes[0]);
        var second = Assert.Throws<SimulationFileException>(() => ScenarioFile.Parse("""[ { "name": "a", "changes": [ { "type": "demandGrowth", "factor": 2 } ] }, { "name": "b", "changes": [ { "type": "removeStep", "step": "Nope" } ] } ]""", "s.json", model));
        Assert.Contains("[1].changes[0].step", second.Message, StringComparison.Ordinal);
    }
}
