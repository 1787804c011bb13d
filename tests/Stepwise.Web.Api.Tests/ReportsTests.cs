using System.Net;
using System.Text;
using Stepwise.Review.History;
using Stepwise.Testing;
using Stepwise.Web.Api.Tests.Support;
using Stepwise.Workbench.Analyses;
using Stepwise.Workbench.Data;
using Stepwise.Workbench.Reviews;
using Stepwise.Workbench.Steps;

namespace Stepwise.Web.Api.Tests;

/// <summary>
/// The reports API on every database, over a review of the real help-desk log whose data lives in that database: every
/// audience as a download with its media type, file name and magic bytes; the same report twice byte for byte; personal
/// data redacted unless an owner asks, and then recorded in the history; a team's pack; a bad team or audience named in
/// the problem; and the evidence map as JSON.
/// </summary>
public abstract class Reports(TestDatabase database) : ApiTestBase(database)
{
    private const string Phone = "020 7946 0958";

    [SkippableFact]
    public async Task EveryPack_DownloadsRedactedDeterministic_PersonalDataOnlyForOwnersAndRecorded()
    {
        using var lead = Api.ClientFor("lead");
        using var tia = Api.ClientFor("tia");
        var b = Api.Bench;
        var owner = b.Accounts.CommandLineUser("lead");
        var id = b.Reviews.Create(owner, new NewReview { Title = "Help desk tickets", Aims = ["Resolve tickets faster"] }).Id;
        b.Reviews.SetMember(owner, id, new NewMember { User = "tia", Role = "contributor" });
        b.Reviews.SaveStakeholder(owner, id, new NewStakeholder { Name = "Lena Lead", Group = "senior-managers", Role = "accountable", Account = "lead" });
        b.Reviews.SaveStakeholder(owner, id, new NewStakeholder { Name = "Tia Teamlead", Group = "team-leaders", Role = "consulted", Account = "tia" });
        b.Reviews.SaveScope(owner, id, new ScopeRequest { End = ["Closed"], Allow = ["remove-step"] });
        b.Reviews.SignOff(owner, id, new SignOffRequest { Artefact = "scope", Decision = "approve" });
        b.Reviews.MoveStage(owner, id, "analyse");
        b.Data.Import(owner, id, new ImportRequest { Path = SharedData.PathOf("eventlogs/helpdesk.xes.gz") });
        b.Steps.Assess(owner, id, new AnalysisRequest(), new StepReviewRequest());
        b.Reviews.MoveStage(owner, id, "challenge");
        var question = b.Steps.Ask(owner, id, new NewQuestion { Step = "Wait", Text = "Why do tickets sit in Wait?", AskedOf = ["Tia Teamlead"] });
        b.Steps.Answer(b.Accounts.CommandLineUser("tia"), id, new AnswerRequest { Question = question.Value.Id.ToString("D"), Text = $"Nobody chases the customer; call me on {Phone}." });
        string r = $"/api/v1/reviews/{id:D}";

        var magic = new Dictionary<string, byte[]> { ["pdf"] = "%PDF"u8.ToArray(), ["xlsx"] = "PK"u8.ToArray(), ["pptx"] = "PK"u8.ToArray(), ["html"] = "<!DOCTYPE"u8.ToArray() };
        foreach (var (audience, format, media) in new[]
        {
            ("senior-managers", "pdf", "application/pdf"),
            ("team-leaders", "html", "text/html"),
            ("front-line-staff", "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            ("partners", "pdf", "application/pdf"),
            ("analysts", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            ("evidence-map", "html", "text/html"),
        })
        {
            using var response = await tia.GetAsync(new Uri($"{r}/reports/{audience}?format={format}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(media, response.Content.Headers.ContentType!.MediaType);
            Assert.Contains($"help-desk-tickets-{audience}.{format}", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
            Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.True(bytes.AsSpan().StartsWith(magic[format]) || (format == "html" && Encoding.UTF8.GetString(bytes).TrimStart().StartsWith("<!doctype", StringComparison.OrdinalIgnoreCase)), $"{audience} {format}");
        }

        // The same review gives the same bytes; the answer's phone number is redacted for everyone by default.
        var once = await tia.GetByteArrayAsync(new Uri($"{r}/reports/front-line-staff?format=html", UriKind.Relative));
        var twice = await lead.GetByteArrayAsync(new Uri($"{r}/reports/front-line-staff?format=html", UriKind.Relative));
        Assert.Equal(once, twice);
        string redacted = Encoding.UTF8.GetString(once);
        Assert.DoesNotContain(Phone, redacted, StringComparison.Ordinal);
        Assert.Contains("Nobody chases the customer", redacted, StringComparison.Ordinal);
        int history = b.Reviews.HistoryLines(owner, id).Count;
        Assert.Equal(history, b.Reviews.HistoryLines(owner, id).Count);

        // Personal data: refused to a contributor, given to an owner and recorded.
        using var refused = await tia.GetAsync(new Uri($"{r}/reports/front-line-staff?format=html&include_personal_data=true", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(history, b.Reviews.HistoryLines(owner, id).Count);
        string withPersonal = await lead.GetStringAsync(new Uri($"{r}/reports/front-line-staff?format=html&include_personal_data=true", UriKind.Relative));
        Assert.Contains(Phone, withPersonal, StringComparison.Ordinal);
        var entry = b.Reviews.HistoryLines(owner, id).Last();
        Assert.Equal(HistoryAction.Reported, entry.Action);
        Assert.Contains("front-line-staff report (html)", entry.Summary, StringComparison.Ordinal);
        // A report made is not a change: the next plain report is the same as before.
        Assert.Equal(once, await tia.GetByteArrayAsync(new Uri($"{r}/reports/front-line-staff?format=html", UriKind.Relative)));

        // One team's pack, and a team the review does not know named in the problem.
        using var team = await lead.GetAsync(new Uri($"{r}/reports/team-leaders?format=pdf&team=Tia%20Teamlead", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, team.StatusCode);
        Assert.Contains("help-desk-tickets-team-leaders-tia-teamlead.pdf", team.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        var unknown = await lead.SendAsync(HttpMethod.Get, $"{r}/reports/team-leaders?format=pdf&team=Night%20shift");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Contains("Tia Teamlead", unknown.Body!.ToJsonString(), StringComparison.Ordinal);
        var badFormat = await lead.SendAsync(HttpMethod.Get, $"{r}/reports/senior-managers?format=docx");
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.Status);
        Assert.Contains("pdf", badFormat.Body!.ToJsonString(), StringComparison.Ordinal);

        // The evidence map as JSON, the same as the layer's, and refused to someone outside the review.
        var evidence = await lead.SendAsync(HttpMethod.Get, $"{r}/evidence");
        Assert.Equal(HttpStatusCode.OK, evidence.Status);
        var lines = evidence.Body!.AsArray();
        var expected = b.Reports.Evidence(owner, id);
        Assert.Equal(expected.Count, lines.Count);
        Assert.Equal(expected.Select(e => e.Criterion.Number), lines.Select(l => (string?)l!["criterion"]!["number"]));
        using var stranger = Api.ClientFor("stranger");
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.SendAsync(HttpMethod.Get, $"{r}/evidence")).Status);
        using var strangerReport = await stranger.GetAsync(new Uri($"{r}/reports/senior-managers?format=pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, strangerReport.StatusCode);
    }
}

/// <summary>The reports API on SQLite.</summary>
public sealed class SqliteReports() : Reports(new SqliteDatabase());

/// <summary>The reports API on PostgreSQL.</summary>
public sealed class PostgresReports() : Reports(new PostgresDatabase());
