using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Review.Common;
using Stepwise.Review.Testing;
using Stepwise.Testing;
using Stepwise.Web.Components.Pages;
using Stepwise.Web.Security;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Accounts;
using Stepwise.Workbench.Quality;
using Stepwise.Workbench.Reviews;
using Stepwise.Workbench.Survey;

namespace Stepwise.Web.Tests;

/// <summary>
/// The Reports page: a download link for every audience in each of its formats, pointing at the reports API; a team or
/// partner typed narrows the team leaders' or partners' links to it (a quality review offers its survey's segments);
/// and the evidence map shows each criterion of the unit the review serves with the layer's status.
/// </summary>
public sealed class ReviewReportsPageTests
{
    private static readonly string[] Audiences = ["senior-managers", "team-leaders", "front-line-staff", "partners", "analysts", "evidence-map"];

    [Fact]
    public void ProcessReview_LinksEveryPackInItsFormats_NarrowsToATeam_AndShowsTheEvidenceMap()
    {
        var (bench, lead) = Bench();
        var id = bench.Reviews.Create(lead, new NewReview { Title = "Help desk tickets", Aims = ["Resolve tickets faster"] }).Id;
        bench.Reviews.SaveStakeholder(lead, id, new NewStakeholder { Name = "Lena Lead", Group = "senior-managers", Role = "accountable", Account = "lead" });
        bench.Reviews.SaveStakeholder(lead, id, new NewStakeholder { Name = "Tia Teamlead", Group = "team-leaders", Role = "consulted" });
        bench.Reviews.SaveScope(lead, id, new ScopeRequest { End = ["Closed"], Allow = ["remove-step"] });
        bench.Reviews.SignOff(lead, id, new SignOffRequest { Artefact = "scope", Decision = "approve" });
        using var context = Context(bench, lead);

        var page = context.Render<ReviewReports>(p => p.Add(m => m.ReviewId, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("a.report-link")));

        var hrefs = page.FindAll("a.report-link").Select(a => a.GetAttribute("href")!).ToList();
        foreach (var audience in Audiences)
        {
            var formats = hrefs.Where(h => h.StartsWith($"/api/v1/reviews/{id:D}/reports/{audience}?", StringComparison.Ordinal)).Select(h => h.Split("format=")[1]).ToList();
            Assert.Equal(audience == "analysts" ? ["xlsx", "html", "pdf"] : ["pdf", "html", "pptx", "xlsx"], formats);
        }

        Assert.All(page.FindAll("a.report-link"), a => Assert.True(a.HasAttribute("download")));
        Assert.Contains("Tia Teamlead", page.FindAll("#report-teams option").Select(o => o.GetAttribute("value")));

        page.Find("#report-team").Input("Tia Teamlead");
        page.Find("#report-partner").Input("Field engineers");
        var narrowed = page.FindAll("a.report-link").Select(a => a.GetAttribute("href")!).ToList();
        Assert.All(narrowed.Where(h => h.Contains("/team-leaders?", StringComparison.Ordinal)), h => Assert.EndsWith("&team=Tia%20Teamlead", h, StringComparison.Ordinal));
        Assert.All(narrowed.Where(h => h.Contains("/partners?", StringComparison.Ordinal)), h => Assert.EndsWith("&partner=Field%20engineers", h, StringComparison.Ordinal));
        Assert.DoesNotContain(narrowed.Where(h => h.Contains("/senior-managers?", StringComparison.Ordinal)), h => h.Contains("team=", StringComparison.Ordinal));

        // The evidence map: one row per criterion of Unit 32, with the layer's status in words.
        var evidence = bench.Reports.Evidence(lead, id);
        var rows = page.FindAll("section[aria-labelledby=evidence-heading] tbody tr");
        Assert.Equal(evidence.Count, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal($"{evidence[i].Criterion.Unit} {evidence[i].Criterion.Number}", rows[i].QuerySelector("th")!.TextContent.Trim());
        }

        var scope = rows.Single(r => r.QuerySelector("th")!.TextContent.Trim() == "Unit 32 1.2");
        Assert.Contains("the scope v1", scope.TextContent, StringComparison.Ordinal);
        Assert.Contains("approved by Lena Lead", scope.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void QualityReview_OffersTheSurveysSegmentsAsTeams_AndTheUnitB14Map()
    {
        var (bench, lead) = Bench();
        var id = bench.Reviews.Create(lead, new NewReview { Title = "Passenger satisfaction", Quality = true }).Id;
        bench.Quality.SaveFeature(lead, id, new FeatureRequest { Name = "Overall satisfaction", Why = "What the airline is judged on." });
        bench.Quality.SaveMeasure(lead, id, new MeasureRequest { Metric = "Satisfied passengers", Feature = "Overall satisfaction", Statistic = "csat", Column = "satisfaction", Method = "survey", Target = ">=50%", Frequency = "quarterly", Owner = "Head of customer experience" });
        bench.Quality.Analyse(lead, id, new FeedbackAnalysisRequest { Title = "Passenger survey", File = SharedData.PathOf("surveys/airline_passenger_satisfaction_kaggle_test.csv"), Read = new FeedbackReadRequest { NotApplicable = ["0"] }, Discover = 0 });
        using var context = Context(bench, lead);

        var page = context.Render<ReviewReports>(p => p.Add(m => m.ReviewId, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("a.report-link")));

        var teams = page.FindAll("#report-teams option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains("Class=Business", teams);
        Assert.Contains("Head of customer experience", teams);
        page.Find("#report-team").Input("Class=Business");
        Assert.Contains(page.FindAll("a.report-link"), a => a.GetAttribute("href")!.EndsWith("/team-leaders?format=pdf&team=Class%3DBusiness", StringComparison.Ordinal));
        var rows = page.FindAll("section[aria-labelledby=evidence-heading] tbody tr");
        Assert.Equal(bench.Reports.Evidence(lead, id).Count, rows.Count);
        Assert.All(rows, r => Assert.StartsWith("Unit B14", r.QuerySelector("th")!.TextContent.Trim(), StringComparison.Ordinal));
    }

    private static (Workbench.Workbench Bench, Actor Lead) Bench()
    {
        var bench = new Workbench.Workbench(new InMemoryWorkspaceStore(), new ManualClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)), new SequentialIds());
        bench.Accounts.CreateFirstAdministrator(new NewUser { Name = "lead", DisplayName = "Lena Lead", Password = "correct horse battery" });
        return (bench, bench.Accounts.CommandLineUser("lead"));
    }

    private static BunitContext Context(Workbench.Workbench bench, Actor lead)
    {
        var context = new BunitContext();
        context.Services.AddLogging();
        context.Services.AddSingleton(bench);
        context.Services.AddSingleton<AuthenticationStateProvider>(new SignedIn(ActorPrincipal.From(lead)));
        context.Services.AddScoped<SignedInUser>();
        return context;
    }
}
