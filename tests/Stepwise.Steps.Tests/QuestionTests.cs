using Stepwise.Mining;
using Stepwise.Mining.Discovery;
using Stepwise.Steps.Evidence;
using Stepwise.Steps.Files;
using Stepwise.Steps.Questions;
using Stepwise.Steps.Value;

namespace Stepwise.Steps.Tests;

public class QuestionTests
{
    /// <summary>Four cases: Check is repeated in two of them; waits before Check are 1h, 1h, 3h, 1h, 5h, 1h.</summary>
    private static EventLog Small() => new EventLogBuilder()
        .Add("c1", "Open", Logs.At(8), "ann").Add("c1", "Check", Logs.At(9), "bob").Add("c1", "Check", Logs.At(10), "bob")
        .Add("c2", "Open", Logs.At(8), "ann").Add("c2", "Check", Logs.At(11), "bob").Add("c2", "Check", Logs.At(12), "bob")
        .Add("c3", "Open", Logs.At(8), "ann").Add("c3", "Check", Logs.At(13), "bob")
        .Add("c4", "Open", Logs.At(8), "ann").Add("c4", "Check", Logs.At(9), "bob")
        .Build();

    // Check comes back after Fix in c1 and c4; c2 and c4 also repeat it straight after itself.
    private static EventLog Returning() => new EventLogBuilder()
        .Add("c1", "Open", Logs.At(8), "ann").Add("c1", "Check", Logs.At(9), "bob").Add("c1", "Fix", Logs.At(10), "ann").Add("c1", "Check", Logs.At(11), "bob")
        .Add("c2", "Open", Logs.At(8), "ann").Add("c2", "Check", Logs.At(9), "bob").Add("c2", "Check", Logs.At(10), "bob")
        .Add("c3", "Open", Logs.At(8), "ann").Add("c3", "Check", Logs.At(12), "bob")
        .Add("c4", "Open", Logs.At(8), "ann").Add("c4", "Check", Logs.At(9), "bob").Add("c4", "Fix", Logs.At(10), "ann").Add("c4", "Check", Logs.At(12), "bob").Add("c4", "Check", Logs.At(13), "bob")
        .Build();

    private static QuestionEvidence EvidenceOf(EventLog log)
    {
        var steps = StepEvidenceSet.Compute(log);
        var handling = HandlingTimes.Resolve(log, new HandlingTimeOptions { Estimate = false });
        return new QuestionEvidence(steps, handling, ValueClassifier.Suggest(steps), DirectlyFollowsGraph.Discover(log));
    }

    [Fact]
    public void Generate_ReworkAtTheThreshold_RaisedWithItsNumbersAndImpact()
    {
        var evidence = EvidenceOf(Returning());

        var questions = QuestionGenerator.Generate(evidence, new QuestionSettings { ReworkShare = 0.5, MinCases = 1 });

        // Check: 4 cases; c1 and c4 come back to it after Fix (2 of 4, 2 times); c2 and c4 also repeat it straight after
        // itself (2 instances), which is not rework.
        var rework = questions.Single(q => q.Id == "rework/Check");
        Assert.Equal(ChallengeKind.Eliminate, rework.Challenge);
        Assert.Equal("'Check' is done again after another step in 50.0% of its cases (2 of 4; 2 times). Why is it not right the first time, and can the repeat be eliminated?", rework.Text);
        Assert.Contains("2 returns after another step; 2 repeats straight after itself not counted", rework.Evidence, StringComparison.Ordinal);
        Assert.Equal(2, rework.CasesAffected);

        // By hand: waits before Check are 1, 1 (c1), 1, 1 (c2), 4 (c3), 1, 2, 1 (c4) hours: mean 1.5h; no handling time is
        // known, so a return is worth 1.5h; 2 returns over 2 cases = 1.5h per case. Throughput: 3 + 2 + 4 + 5 = 14h.
        Assert.Equal(ImpactUnit.Time, rework.Unit);
        Assert.Equal(5400, rework.StakePerCase, 9);
        Assert.Equal(2 * 1.5 / 14.0, rework.Impact, 9);
    }

    [Fact]
    public void Generate_ReworkJustBelowTheThreshold_NotRaised()
    {
        var questions = QuestionGenerator.Generate(EvidenceOf(Returning()), new QuestionSettings { ReworkShare = 0.51, MinCases = 1 });

        Assert.DoesNotContain(questions, q => q.Trigger == QuestionTrigger.Rework);
    }

    [Fact]
    public void Generate_RepeatsStraightAfterItselfOnly_NoReworkQuestion()
    {
        // Half of Check's cases repeat it, but only straight after itself (a second update in the same state).
        var evidence = EvidenceOf(Small());
        var check = evidence.Steps.Find("Check")!;
        Assert.Equal((2, 0, 2L), (check.CasesWithRepeats, check.CasesWithReturns, check.SelfLoops));

        var questions = QuestionGenerator.Generate(evidence, new QuestionSettings { ReworkShare = 0.01, MinCases = 1 });

        Assert.DoesNotContain(questions, q => q.Trigger == QuestionTrigger.Rework);
    }

    [Fact]
    public void Generate_Waiting_RaisedWhenTheMedianWaitReachesTheThreshold()
    {
        var evidence = EvidenceOf(Small());

        // Median of 1, 1, 1, 1, 3, 5 hours is 1h.
        Assert.Contains(QuestionGenerator.Generate(evidence, new QuestionSettings { WaitingMedian = TimeSpan.FromHours(1), MinCases = 1 }), q => q.Id == "waiting/Check");
        Assert.DoesNotContain(QuestionGenerator.Generate(evidence, new QuestionSettings { WaitingMedian = TimeSpan.FromMinutes(61), MinCases = 1 }), q => q.Id == "waiting/Check");
    }

    [Fact]
    public void Generate_RealHelpdesk_ResourceSpreadNeverAMeaninglessRatio()
    {
        var log = Logs.Helpdesk;
        var steps = StepEvidenceSet.Compute(log);
        var evidence = new QuestionEvidence(steps, HandlingTimes.Resolve(log), ValueClassifier.Suggest(steps), DirectlyFollowsGraph.Discover(log));

        var spreads = QuestionGenerator.Generate(evidence).Where(q => q.Trigger == QuestionTrigger.ResourceVariation).ToList();

        // Against a fastest median of a second, a ratio such as "15763.1x" says nothing; above 100 it reads "over 100x".
        Assert.NotEmpty(spreads);
        foreach (var q in spreads)
        {
            var m = System.Text.RegularExpressions.Regex.Match(q.Evidence, @"^spread (over 100x|(\d+(\.\d)?)x) ");
            Assert.True(m.Success, q.Evidence);
            Assert.True(m.Groups[2].Value.Length == 0 || double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) <= 100, q.Evidence);
        }

        Assert.Contains(spreads, q => q.Evidence.StartsWith("spread over 100x", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0.0004, "q < 0.001")]
    [InlineData(0.0123, "q = 0.012")]
    public void Wording_NamedValue_ReadsAsASentence(double q, string expected) => Assert.Equal(expected, Wording.Named("q", q));

    [Fact]
    public void Generate_RealHelpdesk_RankedByImpactEachWithEvidence()
    {
        var log = Logs.Helpdesk;
        var steps = StepEvidenceSet.Compute(log);
        var handling = HandlingTimes.Resolve(log);
        var evidence = new QuestionEvidence(steps, handling, ValueClassifier.Suggest(steps), DirectlyFollowsGraph.Discover(log));

        var questions = QuestionGenerator.Generate(evidence);

        Assert.True(questions.Count >= 5);
        Assert.Contains(questions, q => q.Id == "rework/Take in charge ticket");
        Assert.Contains(questions, q => q.Id == "non-value-adding/Wait");
        for (int i = 1; i < questions.Count; i++)
        {
            Assert.True(questions[i - 1].Impact >= questions[i].Impact);
        }

        Assert.All(questions, q =>
        {
            Assert.False(string.IsNullOrWhiteSpace(q.Evidence));
            Assert.Matches("[0-9]", q.Text);
            Assert.InRange(q.Impact, 0, 1);
        });
        Assert.Equal(questions.Count, questions.Select(q => q.Id).Distinct().Count());
    }

    [Fact]
    public void Generate_QuestionBook_AnswersAttachOwnQuestionsFollowAndNoAnswerIsLost()
    {
        var book = QuestionBookFile.Parse(
            """
            questions:
              - id: rework/Check
                answer: The first check misses the attachments.
                answered_by: Team leader
                option: Checklist at intake
              - step: Open
                question: Why do customers have to phone to open a case?
                challenge: self-service
              - id: waiting/Nowhere
                answer: Kept although the question is no longer raised.
            """,
            "book.yaml");

        var questions = QuestionGenerator.Generate(EvidenceOf(Returning()), new QuestionSettings { ReworkShare = 0.5, MinCases = 1 }, book);

        var rework = questions.Single(q => q.Id == "rework/Check");
        Assert.Equal(("The first check misses the attachments.", "Team leader", "Checklist at intake"), (rework.Answer, rework.AnsweredBy, rework.Option));
        var own = questions.Single(q => q.Origin == QuestionOrigin.User && q.Step == "Open");
        Assert.Equal(ChallengeKind.SelfService, own.Challenge);
        Assert.Contains(questions, q => q.Id == "waiting/Nowhere" && q.Answer == "Kept although the question is no longer raised.");
        Assert.Equal(QuestionOrigin.User, questions[^1].Origin);
    }

    [Fact]
    public void ParseSettings_ThresholdsAndValueClasses_Read()
    {
        var settings = StepSettingsFile.Parse("{\"thresholds\": {\"rework_share\": 0.2, \"waiting_median\": \"8h\"}, \"value_classes\": {\"Wait\": \"NVA\", \"Closed\": \"business-value-adding\"}}", "settings.json");

        Assert.Equal(0.2, settings.Questions.ReworkShare);
        Assert.Equal(TimeSpan.FromHours(8), settings.Questions.WaitingMedian);
        Assert.Equal(ValueClass.NonValueAdding, settings.ValueClasses["Wait"]);
        Assert.Equal(ValueClass.BusinessValueAdding, settings.ValueClasses["Closed"]);
    }

    [Theory]
    [InlineData("thresholds:\n  rework_share: 1.5\n", 2, "rework_share", "expected a share between 0 and 1; found '1.5'")]
    [InlineData("thresholds:\n  rework: 0.2\n", 2, "rework", "unknown threshold")]
    [InlineData("value_classes:\n  Wait: waste\n", 2, "value_classes/Wait", "expected VA, BVA or NVA; found 'waste'")]
    public void ParseSettings_BadValue_NamesLineAndField(string text, int line, string field, string expected)
    {
        var error = Assert.Throws<StepsFileException>(() => StepSettingsFile.Parse(text, "settings.yaml"));

        Assert.Equal((line, field), (error.Line, error.Field));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseBook_EntryWithoutIdOrQuestion_NamesTheLine()
    {
        var error = Assert.Throws<StepsFileException>(() => QuestionBookFile.Parse("questions:\n  - answer: orphan\n", "book.yaml"));

        Assert.Equal(2, error.Line);
        Assert.Contains("needs the id of a generated question, or a step and a question", error.Message, StringComparison.Ordinal);
    }
}
