using System.Globalization;
using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Review.Common;
using Stepwise.Review.Testing;
using Stepwise.Testing;
using Stepwise.Web.Components.Pages;
using Stepwise.Web.Security;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Accounts;
using Stepwise.Workbench.Data;
using Stepwise.Workbench.Logs;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Web.Tests;

/// <summary>
/// The Analyse page's steps table: the median service time of each step when the log records when work started, and
/// a note in place of an empty column when it records completions only.
/// </summary>
public sealed class ReviewAnalysePageTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("stepwise-analyse-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void StartAndCompleteLog_ShowsTheMedianServiceTimeOfEachStep()
    {
        // The first 3,000 calls of the bank's call centre as a log of start and completion times: "Service" from
        // ser_start to ser_exit of each call an agent answered. The reference median is taken from the file's own
        // ser_time column (seconds), not from the times the log is built from.
        var serviceSeconds = new List<int>();
        var csv = new StringBuilder("call,activity,start,complete,agent\n");
        foreach (string line in File.ReadLines(SharedData.PathOf("contact-centre/anonymous_bank_february_1999.txt")).Skip(1).Take(3000))
        {
            var f = line.Split('\t');
            int seconds = int.Parse(f[15], CultureInfo.InvariantCulture);
            if (f[12] != "AGENT" || seconds <= 0 || Seconds(f[14]) - Seconds(f[13]) != seconds)
            {
                continue;
            }

            var day = DateTime.ParseExact(f[5], "yyMMdd", CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture, $"{f[1]},Service,{day.AddSeconds(Seconds(f[13])):yyyy-MM-ddTHH:mm:ss}Z,{day.AddSeconds(Seconds(f[14])):yyyy-MM-ddTHH:mm:ss}Z,{f[16]}\n");
            serviceSeconds.Add(seconds);
        }

        serviceSeconds.Sort();
        Assert.Equal(2426, serviceSeconds.Count);
        Assert.Equal(107, (serviceSeconds[1212] + serviceSeconds[1213]) / 2.0);
        string path = Path.Combine(_dir.FullName, "bank-calls.csv");
        File.WriteAllText(path, csv.ToString());
        var (bench, lead, id) = ReviewWith(new ImportRequest { Path = path, Read = new LogReadRequest { Case = "call", Activity = "activity", StartTimestamp = "start", Timestamp = "complete", Resource = "agent" } });
        using var context = Context(bench, lead);

        var page = context.Render<ReviewAnalyse>(p => p.Add(m => m.ReviewId, id));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("table[aria-label=Steps] tbody tr")));
        var headers = page.FindAll("table[aria-label=Steps] th").Select(h => h.TextContent).ToList();
        int column = headers.IndexOf("Median service time");
        Assert.True(column > 0, string.Join(" | ", headers));
        var service = page.FindAll("table[aria-label=Steps] tbody tr").Single(r => r.QuerySelector("td")!.TextContent == "Service");
        // 107 s is 1.78 min, shown to one decimal.
        Assert.Equal("1.8 min", service.QuerySelectorAll("td")[column].TextContent);
        Assert.Empty(page.FindAll("#service-time-note"));
    }

    [Fact]
    public void CompletionOnlyLog_SaysSoInsteadOfAnEmptyColumn()
    {
        var (bench, lead, id) = ReviewWith(new ImportRequest { Path = SharedData.PathOf("eventlogs/helpdesk.xes.gz") });
        using var context = Context(bench, lead);

        var page = context.Render<ReviewAnalyse>(p => p.Add(m => m.ReviewId, id));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("table[aria-label=Steps] tbody tr")));
        Assert.DoesNotContain(page.FindAll("table[aria-label=Steps] th"), h => h.TextContent.Contains("service", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("not recorded", page.Find("table[aria-label=Steps]").TextContent, StringComparison.Ordinal);
        Assert.Contains("records only when each step was completed", page.Find("#service-time-note").TextContent, StringComparison.Ordinal);
        var headers = page.FindAll("table[aria-label=Steps] thead th").Count;
        Assert.All(page.FindAll("table[aria-label=Steps] tbody tr"), r => Assert.Equal(headers, r.QuerySelectorAll("td").Length));
    }

    [Fact]
    public void MapCaption_ThePageSaysWhatTheMapShownSays_AtEverySliderSetting()
    {
        var (bench, lead, id) = ReviewWith(new ImportRequest { Path = SharedData.PathOf("eventlogs/helpdesk.xes.gz") });
        using var context = Context(bench, lead);
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var page = context.Render<ReviewAnalyse>(p => p.Add(m => m.ReviewId, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".map-view svg")));

        foreach (string? activities in new[] { null, "100", "60", "99" })
        {
            if (activities is not null)
            {
                page.Find("#m-activities").Change(activities);
            }

            // The page's account of the map is the caption drawn in the map on screen, word for word, once.
            string drawnCaption = string.Join(" ", page.FindAll(".map-view svg .caption-block text.caption").Select(t => t.TextContent.Trim()));
            var stated = page.FindAll("#map-coverage p").Select(p => p.TextContent.Trim()).ToList();
            Assert.Equal(drawnCaption, string.Join(" ", stated.SkipLast(1)));
            Assert.DoesNotContain(stated, p => p.StartsWith("Showing ", StringComparison.Ordinal));

            // And its count of steps is the count of step boxes drawn (Start and End are not steps), out of the 14
            // activities of the help-desk log.
            int boxes = page.FindAll(".map-view svg a.map-step").Count;
            string said = page.Find("#map-coverage").TextContent;
            Assert.True(said.Contains($"shows {boxes} of 14 steps", StringComparison.Ordinal) || (boxes == 14 && said.Contains("all 14 steps", StringComparison.Ordinal)), $"{boxes} boxes: {said}");
            Assert.Contains("Start and End mark where the cases begin and finish; they are not steps.", said, StringComparison.Ordinal);
        }
    }

    private static int Seconds(string time)
    {
        var parts = time.Split(':');
        return (int.Parse(parts[0], CultureInfo.InvariantCulture) * 3600) + (int.Parse(parts[1], CultureInfo.InvariantCulture) * 60) + int.Parse(parts[2], CultureInfo.InvariantCulture);
    }

    private static (Workbench.Workbench Bench, Actor Lead, Guid Review) ReviewWith(ImportRequest import)
    {
        var bench = new Workbench.Workbench(new InMemoryWorkspaceStore(), new ManualClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)), new SequentialIds());
        bench.Accounts.CreateFirstAdministrator(new NewUser { Name = "lead", DisplayName = "Lena Lead", Password = "correct horse battery" });
        var lead = bench.Accounts.CommandLineUser("lead");
        var id = bench.Reviews.Create(lead, new NewReview { Title = "Calls" }).Id;
        bench.Data.Import(lead, id, import);
        return (bench, lead, id);
    }

    private static BunitContext Context(Workbench.Workbench bench, Actor actor)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddLogging();
        context.Services.AddSingleton(bench);
        context.Services.AddSingleton<AuthenticationStateProvider>(new SignedIn(ActorPrincipal.From(actor)));
        context.Services.AddScoped<SignedInUser>();
        return context;
    }
}
