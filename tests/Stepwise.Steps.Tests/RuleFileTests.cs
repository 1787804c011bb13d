using Stepwise.Mining.Compliance;
using Stepwise.Steps.Compliance;
using Stepwise.Steps.Files;

namespace Stepwise.Steps.Tests;

public class RuleFileTests
{
    [Fact]
    public void Load_EveryShippedPack_IsAMarkedExampleNamingItsSource()
    {
        Assert.Equal(["it-service-desk", "uk-consumer-rights-reject", "uk-fca-complaints", "uk-gdpr-subject-access"], RulePacks.Names);
        foreach (string name in RulePacks.Names)
        {
            var pack = RulePacks.Load(name);
            Assert.True(pack.IsExample, name);
            Assert.False(string.IsNullOrWhiteSpace(pack.Source), name);
            Assert.StartsWith("EXAMPLE ONLY", pack.Notice, StringComparison.Ordinal);
            Assert.NotEmpty(pack.Rules);
            Assert.All(pack.Rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Source), r.Id));
        }
    }

    [Fact]
    public void Load_ShippedPacks_CarryTheLegalLimits()
    {
        var fca = RulePacks.Load("uk-fca-complaints");
        var finalResponse = Assert.IsType<TimeLimitRule>(fca.Rules.Single(r => r.Id == "disp-final-response-8-weeks"));
        Assert.Equal(TimeSpan.FromDays(56), finalResponse.Within);
        Assert.Contains("DISP 1.6.2R", finalResponse.Source, StringComparison.Ordinal);

        var sar = Assert.IsType<TimeLimitRule>(RulePacks.Load("uk-gdpr-subject-access").Rules.Single(r => r.Id == "sar-one-month"));
        Assert.Equal(TimeSpan.FromDays(30), sar.Within);
        Assert.Contains("Article 12(3)", sar.Source, StringComparison.Ordinal);

        var cra = RulePacks.Load("uk-consumer-rights-reject");
        Assert.Equal(TimeSpan.FromDays(30), Assert.IsType<TimeLimitRule>(cra.Rules.Single(r => r.Id == "cra-short-term-reject-within-30-days")).Within);
        Assert.IsType<SeparationOfDutiesRule>(cra.Rules.Single(r => r.Id == "refund-four-eyes"));
    }

    [Fact]
    public void Parse_EveryRuleType_MapsOntoTheEngineRules()
    {
        const string text = """
            name: Refunds
            calendars:
              office: { hours: "Mon-Fri 09:00-17:00", timezone: Europe/London, holidays: [2024-12-25, 2024-12-26] }
            rules:
              - id: ack
                title: Acknowledge within 3 working days
                type: time-limit
                from: Received
                to: Acknowledged
                within: 3d
                calendar: office
                to_occurrence: last
                when: { priority: [1, 2] }
                unless: { channel: web }
                step: Acknowledged
              - { id: id-first, type: order, before: Identity verified, after: Refund issued }
              - { id: answered, type: presence, activity: Final response }
              - { id: opt-out, type: absence, activity: Contact, after: Opted out }
              - { id: four-eyes, type: separation-of-duties, first: Refund raised, second: Refund approved }
            """;

        var pack = RuleFile.Parse(text, "rules.yaml");

        Assert.Equal("Refunds", pack.Name);
        Assert.False(pack.IsExample);
        var ack = Assert.IsType<TimeLimitRule>(pack.Rules[0]);
        Assert.Equal(("Received", "Acknowledged", TimeSpan.FromDays(3), "office", Occurrence.Last), (ack.From, ack.To, ack.Within, ack.Calendar, ack.ToOccurrence));
        Assert.Equal(new[] { "1", "2" }, ack.When[0].Values);
        Assert.False(ack.When[0].Negate);
        Assert.Equal(("channel", true), (ack.When[1].Attribute, ack.When[1].Negate));
        Assert.Equal("Acknowledge within 3 working days", ack.Title);
        Assert.Equal(("Identity verified", "Refund issued"), (Assert.IsType<OrderRule>(pack.Rules[1]).Before, ((OrderRule)pack.Rules[1]).After));
        Assert.Equal("Final response", Assert.IsType<PresenceRule>(pack.Rules[2]).Activity);
        Assert.Equal("Opted out", Assert.IsType<AbsenceRule>(pack.Rules[3]).After);
        Assert.Equal("Refund approved", Assert.IsType<SeparationOfDutiesRule>(pack.Rules[4]).Second);
        Assert.True(pack.Calendars.ContainsKey("office"));
    }

    [Theory]
    [InlineData("rules:\n  - id: a\n    type: time-limit\n    from: A\n    to: B\n    within: eight weeks\n", 6, 13, "within", "expected a duration such as 90m, 36h, 3d or 8w; found 'eight weeks'")]
    [InlineData("rules:\n  - id: a\n    type: time-limit\n    from: A\n    to: B\n    withn: 8w\n", 6, 5, "withn", "unknown field in rule 'a'")]
    [InlineData("rules:\n  - id: a\n    type: deadline\n", 3, 11, "type", "expected one of time-limit, order, presence, absence, separation-of-duties; found 'deadline'")]
    [InlineData("rules:\n  - id: a\n    type: time-limit\n    from: A\n    to: B\n    within: 3d\n    calendar: office\n", 7, 15, "calendar", "the calendar 'office' is not defined")]
    [InlineData("rules:\n  - id: a\n    type: order\n    before: A\n", 2, 5, "after", "the field is missing")]
    [InlineData("rules:\n  - { id: a, type: presence, activity: A }\n  - { id: a, type: presence, activity: B }\n", 3, 11, "id", "the id 'a' is already used by the rule on line 2")]
    [InlineData("rules:\n  - id: a\n    type: presence\n    activity: A\n    when: { priority: [] }\n", 5, 23, "when/priority", "expected at least one value")]
    [InlineData("calendars:\n  office: { hours: \"Mon-Funday 9-5\" }\nrules: []\n", 2, 20, "hours", "expected working hours")]
    [InlineData("name: x\n", 1, 1, "rules", "the field is missing")]
    [InlineData("rules:\n  - id: a\n    type: time-limit\n    from: A\n    to: B\n    within: 3d\n    only_if_reached: maybe\n", 7, 22, "only_if_reached", "expected true or false; found 'maybe'")]
    [InlineData("rules:\n  - id: a\n    type: time-limit\n    from: A\n    to: B\n    within: 3d\n    only_if_reached: true\n    skipped_by: [C]\n", 8, 17, "skipped_by", "give skipped_by or only_if_reached, not both")]
    [InlineData("rules:\n  - id: a\n    type: time-limit\n    from: A\n    to: B\n    within: 3d\n    skipped_by: []\n", 7, 17, "skipped_by", "expected at least one activity")]
    [InlineData("rules:\n  - id: a\n    type: order\n    before: A\n    after: B\n    skipped_by: [C]\n", 6, 5, "skipped_by", "unknown field in rule 'a'")]
    public void Parse_BadRuleFile_NamesFileLineColumnFieldAndWhatWasExpected(string text, int line, int column, string field, string expected)
    {
        var error = Assert.Throws<StepsFileException>(() => RuleFile.Parse(text, "rules.yaml"));

        Assert.Equal((line, column, field), (error.Line, error.Column, error.Field));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"rules.yaml, line {line}, column {column}, field '{field}': ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotYaml_ReportsTheSyntaxErrorWithItsLine()
    {
        var error = Assert.Throws<StepsFileException>(() => RuleFile.Parse("rules:\n  - id: a\n   type: [order\n", "rules.yaml"));

        Assert.True(error.Line >= 2);
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RulesFor_Aliases_PickTheNamesTheLogHas()
    {
        var pack = RulePacks.Load("it-service-desk");

        var rules = pack.RulesFor(Logs.Bpic2013);

        var p3 = Assert.IsType<TimeLimitRule>(rules.Single(r => r.Id == "resolve-p3-3d"));
        Assert.Equal((TimeLimitRule.CaseStart, "Completed"), (p3.From, p3.To));
        Assert.Equal("impact", p3.When.Single().Attribute);
        var started = Assert.IsType<TimeLimitRule>(rules.Single(r => r.Id == "work-starts-within-business-day"));
        Assert.Equal("Accepted", started.To);
    }
}
