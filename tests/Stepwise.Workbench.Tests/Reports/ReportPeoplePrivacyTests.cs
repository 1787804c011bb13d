using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Stepwise.Reports;
using Stepwise.Reports.Privacy;
using Stepwise.Workbench.Analyses;
using Stepwise.Workbench.Data;
using Stepwise.Workbench.Reports;
using Stepwise.Workbench.Reviews;
using Stepwise.Workbench.Steps;

namespace Stepwise.Workbench.Tests.Reports;

/// <summary>
/// The names of the people who did the work (the log's resources) never reach a pack that leaves personal data out,
/// whatever wrote them: a stored question naming two people is shown with their pseudonyms, the same in every pack,
/// while team names stay; a pack that keeps personal data in keeps the names.
/// </summary>
public sealed class ReportPeoplePrivacyTests
{
    private static readonly string[] People = ["Dinesh", "Earl", "Mira"];

    private const string QuestionText = "Resolving ranges from 6s (Dinesh, 107 instances) to 15d 3h (Earl, 69); why does G97 take longer?";

    [Fact]
    public void EveryPack_ReplacesResourceNamesInEveryText_WithTheSamePseudonyms_AndKeepsTeams()
    {
        var (bench, lead, id) = Review();
        var pseudonymOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var audience in Enum.GetValues<ReportAudience>())
        {
            var doc = bench.Reports.Document(lead, id, new ReportRequest { Audience = ReportUseCases.Name(audience) });
            var texts = ReportTexts.All(doc).ToList();
            Assert.NotEmpty(texts);
            foreach (string text in texts)
            {
                foreach (string person in People)
                {
                    Assert.False(Regex.IsMatch(text, $@"\b{person}\b"), $"{audience}: '{text}' names {person}");
                }
            }

            // The question's text, wherever a pack shows it, holds the two pseudonyms (different people, different
            // numbers) and the team, which is not personal data.
            foreach (string text in texts.Where(t => t.Contains("why does G97 take longer?", StringComparison.Ordinal)))
            {
                var m = Regex.Match(text, @"ranges from 6s \((Resource \d+), 107 instances\) to 15d 3h \((Resource \d+), 69\)");
                Assert.True(m.Success, text);
                Assert.NotEqual(m.Groups[1].Value, m.Groups[2].Value);
                Assert.Equal(m.Groups[1].Value, pseudonymOf.GetValueOrDefault("Dinesh", m.Groups[1].Value));
                Assert.Equal(m.Groups[2].Value, pseudonymOf.GetValueOrDefault("Earl", m.Groups[2].Value));
                pseudonymOf["Dinesh"] = m.Groups[1].Value;
                pseudonymOf["Earl"] = m.Groups[2].Value;
            }
        }

        // The team leaders' pack shows the questions, so the pseudonyms were seen.
        Assert.Equal(2, pseudonymOf.Count);

        // An owner who keeps personal data in sees the names.
        var kept = bench.Reports.Document(lead, id, new ReportRequest { Audience = "team-leaders", IncludePersonalData = true });
        Assert.Contains(ReportTexts.All(kept), t => t.Contains("(Dinesh, 107 instances)", StringComparison.Ordinal));
    }

    [Fact]
    public void SeniorManagers_HandOversAndPingPongBetweenTeams()
    {
        var (bench, lead, id) = Review();
        var doc = bench.Reports.Document(lead, id, new ReportRequest { Audience = "senior-managers" });
        var bullets = doc.Sections.SelectMany(s => s.Blocks).OfType<BulletList>().SelectMany(b => b.Items).ToList();
        // Counted from the log as written: 20 cases with one hand-over (G12 to G97), 10 with two (and back to G12).
        Assert.Contains("Hand-overs between org:group values: 1.33 per case; ping-pong in 33% (10 of 30 cases).", bullets);
    }

    [Fact]
    public void PeoplePseudonyms_WholeWordsOnly_NamesWithoutALetterLeftAlone()
    {
        var people = new PeoplePseudonyms(["Earl", "Ann Marie", "Ann", "112", "-", "Earl"]);
        Assert.Equal(3, people.Count);
        Assert.Equal("Resource 1", people.Of("Earl"));
        Assert.Null(people.Of("112"));
        Assert.Equal(
            "Resource 1 handed 112 cases to Resource 2 and Resource 3 (Earlier: Resource 1's team, earl, Annex, G97 - Resource 1).",
            people.Replace("Earl handed 112 cases to Ann Marie and Ann (Earlier: Earl's team, earl, Annex, G97 - Earl)."));
        Assert.Equal("Resource 1's team", people.Replace("Earl's team"));
    }

    private static (Workbench Bench, Access.Actor Lead, Guid Id) Review()
    {
        var f = new BenchFixture();
        var lead = f.User("lead", "Lena Lead");
        var id = f.Bench.Reviews.Create(lead, new NewReview { Title = "Service desk", Aims = ["Cut ping-pong between support teams"] }).Id;
        f.Bench.Reviews.SaveScope(lead, id, new ScopeRequest());
        f.Bench.Reviews.MoveStage(lead, id, "analyse");
        f.Bench.Data.Import(lead, id, new ImportRequest { Path = Log() });
        f.Bench.Steps.Assess(lead, id, new AnalysisRequest(), new StepReviewRequest());
        f.Bench.Steps.Ask(lead, id, new NewQuestion { Step = "Resolve", Text = QuestionText });
        return (f.Bench, lead, id);
    }

    // Thirty tickets taken in by one of the people in G12 and resolved by another in G97; every third is checked
    // again by the one who took it in, in G12 (work handed straight back: 10 cases of ping-pong, 40 hand-overs).
    private static string Log()
    {
        var xes = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<log xes.version=\"1.0\">\n");
        for (int c = 0; c < 30; c++)
        {
            var day = new DateTime(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc).AddDays(c);
            string At(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+00:00'", CultureInfo.InvariantCulture);
            string Event(string step, string person, string team, DateTime at)
                => $"<event><string key=\"concept:name\" value=\"{step}\"/><string key=\"org:resource\" value=\"{person}\"/><string key=\"org:group\" value=\"{team}\"/><date key=\"time:timestamp\" value=\"{At(at)}\"/></event>";
            xes.Append(CultureInfo.InvariantCulture, $"<trace><string key=\"concept:name\" value=\"T{c}\"/>")
                .Append(Event("Take in", People[c % 3], "G12", day))
                .Append(Event("Resolve", People[(c + 1) % 3], "G97", day.AddHours(1 + (c % 5))))
                .Append(c % 3 == 0 ? Event("Check", People[c % 3], "G12", day.AddHours(8)) : string.Empty)
                .Append("</trace>\n");
        }

        xes.Append("</log>\n");
        string path = Path.Combine(Path.GetTempPath(), $"stepwise-people-{Guid.NewGuid():N}.xes");
        File.WriteAllText(path, xes.ToString());
        return path;
    }
}
