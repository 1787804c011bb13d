using System.Text.Json.Nodes;
using Stepwise.Review.Common;
using Stepwise.Review.History;
using Stepwise.Review.Options;
using Stepwise.Review.Scoping;

namespace Stepwise.Review.Tests;

public sealed class CanonicalJsonTests
{
    [Fact]
    public void Hash_KnownInput_MatchesPublishedSha256()
        // FIPS 180-2 example: SHA-256("abc").
        => Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ContentHash.Of("abc"u8).Hex);

    [Fact]
    public void Canonicalize_KeysInAnyOrder_SameText()
    {
        string a = CanonicalJson.Canonicalize(JsonNode.Parse("""{ "b": 1, "a": { "d": [1, 2], "c": "x" } }"""));
        string b = CanonicalJson.Canonicalize(JsonNode.Parse("""{"a":{"c":"x","d":[1,2]},"b":1}"""));
        Assert.Equal("""{"a":{"c":"x","d":[1,2]},"b":1}""", a);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Serialize_Scope_RoundTripsToEqualJson()
    {
        var scope = new Scope
        {
            Id = Guid.Parse("0190a000-0000-7000-8000-000000000001"),
            Filter = new ScopeFilter
            {
                StartActivities = ["Assign seriousness"],
                EndActivities = ["Closed"],
                Attributes = [new AttributeCondition("channel", ["phone", "chat"]), new AttributeCondition("product", ["PROD 1"], exclude: true)],
                Window = new TimeWindow(new DateTimeOffset(2012, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2013, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeWindowMode.Starting),
                MaxThroughput = TimeSpan.FromDays(60),
            },
            InScope = ["Tickets from customers"],
            Change = new ChangeParameters
            {
                AllowedChanges = [ChangeType.Automate, ChangeType.RemoveStep],
                BudgetCap = 50_000m,
                RequiredSteps = [new RequiredStep("Verify identity", "FCA rules require it")],
            },
        };
        string json = CanonicalJson.Serialize(scope);
        var back = CanonicalJson.Deserialize<Scope>(json, "scope");
        Assert.Equal(json, CanonicalJson.Serialize(back));
        Assert.Contains("\"allowed_changes\":[\"automate\",\"remove_step\"]", json);
        Assert.Equal(TimeWindowMode.Starting, back.Filter.Window!.Mode);
    }

    [Fact]
    public void Deserialize_InvalidStoredValue_RefusedByTheSameRules()
    {
        string json = """{"changes":[],"description":null,"id":"0190a000-0000-7000-8000-000000000001","question_ids":[],"simulation":null,"step_ids":[],"title":"  "}""";
        Assert.Throws<ReviewRuleException>(() => CanonicalJson.Deserialize<ImprovementOption>(json, "option"));
    }

    [Fact]
    public void Serialize_OptionWithScenarioChanges_RoundTripsWithTheSimulationsOwnChangeTypes()
    {
        var option = new ImprovementOption
        {
            Id = Guid.Parse("0190a000-0000-7000-8000-000000000001"),
            Title = "Automate triage",
            Changes = [new Simulation.Scenarios.AutomateStep("Assign seriousness", Simulation.Distributions.Distribution.Constant(60), 0.05), new Simulation.Scenarios.ReduceRework("Resolve ticket", "Take in charge ticket", 0.5)],
        };
        string json = CanonicalJson.Serialize(option);
        Assert.Contains("\"type\":\"automateStep\"", json);
        Assert.Contains("\"type\":\"reduceRework\"", json);
        var back = CanonicalJson.Deserialize<ImprovementOption>(json, "option");
        Assert.Equal(json, CanonicalJson.Serialize(back));
        Assert.Equal(option.ChangesHash, back.ChangesHash);
        Assert.Equal(new Simulation.Scenarios.ReduceRework("Resolve ticket", "Take in charge ticket", 0.5), back.Changes[1]);
    }

    [Fact]
    public void Compare_ListOfItemsWithIds_ComparedItemByItem()
    {
        string before = """{"tasks":[{"id":"a","status":"not_started","title":"Rule"},{"id":"b","status":"not_started","title":"Brief"}]}""";
        string after = """{"tasks":[{"id":"a","status":"done","title":"Rule"},{"id":"c","status":"not_started","title":"Train"}]}""";
        var changes = JsonDiff.Compare(before, after);
        Assert.Equal(
            [new FieldChange("tasks[a].status", "\"not_started\"", "\"done\""), new FieldChange("tasks[b]", """{"id":"b","status":"not_started","title":"Brief"}""", null), new FieldChange("tasks[c]", null, """{"id":"c","status":"not_started","title":"Train"}""")],
            changes);
    }

    [Fact]
    public void Compare_NewDocument_ListsEachField()
    {
        var changes = JsonDiff.Compare(null, """{"b":[1],"a":"x"}""");
        Assert.Equal([new FieldChange("a", null, "\"x\""), new FieldChange("b", null, "[1]")], changes);
    }

    [Fact]
    public void Compare_ChangedNestedField_ReportsPathBeforeAndAfter()
    {
        var changes = JsonDiff.Compare("""{"a":{"b":1,"c":[1]},"d":"x"}""", """{"a":{"b":2,"c":[1]},"d":"x","e":true}""");
        Assert.Equal(2, changes.Count);
        Assert.Equal(new FieldChange("a.b", "1", "2"), changes[0]);
        Assert.Equal(new FieldChange("e", null, "true"), changes[1]);
    }

    [Fact]
    public void Scope_TimeWindowEndingBeforeStart_Refused()
        => Assert.Throws<ReviewRuleException>(() => new TimeWindow(DateTimeOffset.UnixEpoch.AddDays(1), DateTimeOffset.UnixEpoch, TimeWindowMode.Contained));

    [Fact]
    public void ScopeFilter_ActivityRequiredAndExcluded_Refused()
        => Assert.Throws<ReviewRuleException>(() => new Scope { Id = Guid.NewGuid(), Filter = new ScopeFilter { ContainsActivities = ["Resolve"], ExcludesActivities = ["Resolve"] } });

    [Fact]
    public void ChangeParameters_NegativeBudget_Refused()
        => Assert.Contains("Budget cap", Assert.Throws<ReviewRuleException>(() => new ChangeParameters { BudgetCap = -5m }).Message);
}
