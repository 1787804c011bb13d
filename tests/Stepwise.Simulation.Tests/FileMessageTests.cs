using Stepwise.Simulation.Model;
using Stepwise.Simulation.Scenarios;

namespace Stepwise.Simulation.Tests;

/// <summary>
/// Problems in model and scenario files are told in the file's terms: the line the user wrote (in YAML too), the field
/// as written, what was expected (the valid change types, the fields of a change, the kind of value), and never in the
/// serializer's words.
/// </summary>
public class FileMessageTests
{
    private static readonly string[] DotNetWords = ["System.", ".NET", "discriminator", "(Parameter", "could not be mapped", "Nullable", "Stepwise.", "JsonValue", "Path:", "LineNumber", "BytePosition"];

    private static SimulationModel Model() => TestModels.Sequence(1, 10, ("Receive", 1), ("Check", 2));

    private static string Temp(string extension, string text)
    {
        string path = Path.Combine(Path.GetTempPath(), $"stepwise-messages-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, text);
        return path;
    }

    private static SimulationFileException Scenario(string extension, string text)
    {
        string path = Temp(extension, text);
        try
        {
            var ex = Assert.Throws<SimulationFileException>(() => ScenarioFile.Load(path, Model()));
            Assert.All(DotNetWords, word => Assert.DoesNotContain(word, ex.Message, StringComparison.Ordinal));
            Assert.StartsWith(Path.GetFileName(path) + ", line ", ex.Message, StringComparison.Ordinal);
            return ex;
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void UnknownChangeType_ListsTheValidTypes_AtItsYamlLine()
    {
        var ex = Scenario(".yaml", "- name: more people\n  changes:\n    - type: addStaff\n      pool: Team\n      change: 2\n");

        Assert.Equal(3, ex.Line);
        Assert.Contains("[0].changes[0].type: 'addStaff' is not a type of change; expected one of: removeStep, automateStep, mergeSteps, moveStep, parallelSteps, changeStaff, changeHours, reduceRework, selfService, demandGrowth", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ScenarioFile.ChangeTypes, ["removeStep", "automateStep", "mergeSteps", "moveStep", "parallelSteps", "changeStaff", "changeHours", "reduceRework", "selfService", "demandGrowth"]);
    }

    [Fact]
    public void MisspeltField_NamesTheFieldsOfThatChange()
    {
        var ex = Scenario(".yaml", "- name: more people\n  changes:\n    - type: changeStaff\n      pool: Team\n      chnage: 2\n");

        Assert.Equal(5, ex.Line);
        Assert.Contains("[0].changes[0].chnage: 'chnage' is not a field of a changeStaff change; expected one of: pool, change", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongKindOfValue_SaysWhatWasExpectedAndFound()
    {
        var yaml = Scenario(".yml", "name: more people\nchanges:\n  - type: changeStaff\n    pool: Team\n    change: two\n");
        Assert.Equal(5, yaml.Line);
        Assert.Contains("changes[0].change: expected a whole number; found \"two\"", yaml.Message, StringComparison.Ordinal);

        var json = Scenario(".json", "{\n  \"name\": \"x\",\n  \"changes\": [\n    { \"type\": \"demandGrowth\", \"factor\": true }\n  ]\n}\n");
        Assert.Equal(4, json.Line);
        Assert.Contains("changes[0].factor: expected a number; found true", json.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingTypeOrField_SaysWhichIsExpected()
    {
        var type = Scenario(".yaml", "name: x\nchanges:\n  - step: Check\n");
        Assert.Equal(3, type.Line);
        Assert.Contains("changes[0]: expected a field 'type' saying which change this is: one of removeStep,", type.Message, StringComparison.Ordinal);

        var field = Scenario(".yaml", "name: x\nchanges:\n  - type: moveStep\n    step: Check\n");
        Assert.Contains("expected a field 'before'", field.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProblemFoundAfterReading_PointsToTheYamlLine()
    {
        var step = Scenario(".yaml", "name: x\nchanges:\n  - type: removeStep\n    step: Chek\n");
        Assert.Equal(4, step.Line);
        Assert.Contains("changes[0].step: 'Chek' is not a step of the model; expected one of: Receive, Check", step.Message, StringComparison.Ordinal);

        var share = Scenario(".yaml", "name: x\nchanges:\n  - type: selfService\n    share: 1.5\n");
        Assert.Equal(4, share.Line);
    }

    [Fact]
    public void ModelFile_BadValuesInYaml_PointToTheirLineInTheUsersWords()
    {
        string yaml = ModelFile.ToYaml(Model());
        string[] lines = yaml.Split('\n');
        int discipline = Array.FindIndex(lines, l => l.TrimStart().StartsWith("discipline:", StringComparison.Ordinal)) + 1;
        int horizon = Array.FindIndex(lines, l => l.StartsWith("horizonDays:", StringComparison.Ordinal)) + 1;
        void Refused(string text, int line, string words)
        {
            string path = Temp(".yaml", text);
            try
            {
                var ex = Assert.Throws<SimulationFileException>(() => ModelFile.Load(path));
                Assert.Equal(line, ex.Line);
                Assert.Contains(words, ex.Message, StringComparison.Ordinal);
                Assert.All(DotNetWords, word => Assert.DoesNotContain(word, ex.Message, StringComparison.Ordinal));
            }
            finally
            {
                File.Delete(path);
            }
        }

        Refused(yaml.Replace("discipline: fifo", "discipline: lifo", StringComparison.Ordinal), discipline, "pools[0].discipline: expected one of: fifo, priority; found \"lifo\"");
        Refused(yaml.Replace("discipline: fifo", "discipline: fifo\n    colour: red", StringComparison.Ordinal), discipline + 1, "pools[0].colour: 'colour' is not a field here; expected one of: name, capacity,");
        Refused(yaml.Replace("horizonDays: 365", "horizonDays: -1", StringComparison.Ordinal), horizon, "horizonDays: expected a number of days more than 0");
        Refused(yaml.Replace("horizonDays: 365", "horizonDays: soon", StringComparison.Ordinal), horizon, "horizonDays: expected a number; found \"soon\"");
    }

    [Fact]
    public void BrokenJson_KeepsTheReadersSentenceWithoutItsInternals()
    {
        string json = ModelFile.ToJson(Model()).Replace("\"horizonDays\": 365,", "\"horizonDays\": 365,,", StringComparison.Ordinal);

        var ex = Assert.Throws<SimulationFileException>(() => ModelFile.Parse(json, "edited.json"));

        Assert.StartsWith("edited.json, line ", ex.Message, StringComparison.Ordinal);
        Assert.All(DotNetWords, word => Assert.DoesNotContain(word, ex.Message, StringComparison.Ordinal));
    }
}
