using System.Globalization;
using System.Text.RegularExpressions;
using Bunit;
using Stepwise.Review.Artefacts;
using Stepwise.Web.Components.Pages;
using Stepwise.Web.Components.Shared;
using Stepwise.Workbench.Monitoring;
using Stepwise.Workbench.Planning;

namespace Stepwise.Web.Tests;

/// <summary>
/// The History page of the help-desk review once its change is monitored and its plan has forty tasks: one page of
/// the newest changes at a time, the filters working across pages, numbers rounded for people, and long values
/// summarised with the whole value kept one click away.
/// </summary>
public sealed partial class ReviewHistoryPageTests
{
    [Fact]
    public void History_ManyChanges_PagedNewestFirst_FiltersStartAgainOnTheirFirstPage()
    {
        var (bench, lead, id) = Monitored();
        var all = bench.Reviews.History(lead, id);
        Assert.True(all.Count > 2 * HistoryView.PageSize, $"{all.Count} changes");
        using var context = PageContext.For(bench, lead);

        var page = context.Render<ReviewHistory>(p => p.Add(m => m.ReviewId, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".history-entry")));

        // The first page: the 25 newest changes, the newest first.
        int pages = (all.Count + 24) / 25;
        var newest = all.Reverse().ToList();
        Assert.Equal(25, page.FindAll(".history-entry").Count);
        Assert.Equal(Sequences(newest.Take(25)), Sequences(page));
        Assert.Equal($"{all.Count} changes shown of {all.Count}, newest first: 1 to 25 on this page.", page.Find("#history-count").TextContent.Trim());
        Assert.Equal($"Page 1 of {pages}", page.Find("#history-page").TextContent.Trim());

        // Older: the next 25.
        page.FindAll(".pager button").Single(b => b.TextContent.Contains("Older", StringComparison.Ordinal)).Click();
        Assert.Equal(Sequences(newest.Skip(25).Take(25)), Sequences(page));
        Assert.Equal($"Page 2 of {pages}", page.Find("#history-page").TextContent.Trim());

        // A filter chosen on page 2 shows its own newest changes from its first page.
        var plan = newest.Where(e => e.Artefact.Kind == ArtefactKind.ImplementationPlan).ToList();
        Assert.True(plan.Count > 25, $"{plan.Count} changes of the plan");
        page.Find("#filter-kind").Change(nameof(ArtefactKind.ImplementationPlan));
        Assert.Equal(Sequences(plan.Take(25)), Sequences(page));
        Assert.All(page.FindAll(".history-head span:not(.muted)"), s => Assert.EndsWith("implementation plan", s.TextContent, StringComparison.Ordinal));
        Assert.Equal($"Page 1 of {(plan.Count + 24) / 25}", page.Find("#history-page").TextContent.Trim());
        page.FindAll(".pager button").Single(b => b.TextContent.Contains("Oldest", StringComparison.Ordinal)).Click();
        Assert.Equal(Sequences(plan.Skip(25)), Sequences(page));

        // Who, on top of what: nobody else changed the plan, so the same pages.
        page.Find("#filter-person").Change("Lena Lead");
        Assert.Equal(Sequences(plan.Take(25)), Sequences(page));
        page.Find("#filter-kind").Change("");
        Assert.Equal($"{all.Count(e => e.By == "Lena Lead")} changes shown of {all.Count}, newest first: 1 to 25 on this page.", page.Find("#history-count").TextContent.Trim());
    }

    [Fact]
    public void History_MonitoringRun_NumbersRoundedAndLongValuesSummarisedWithTheWholeValueOnRequest()
    {
        var (bench, lead, id) = Monitored();
        using var context = PageContext.For(bench, lead);

        var page = context.Render<ReviewHistory>(p => p.Add(m => m.ReviewId, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".history-entry")));

        // The monitoring run is the newest change: its many fields are listed on request, not all at once.
        var run = page.FindAll(".history-entry")[0];
        Assert.Contains("created the monitoring of the change", run.TextContent, StringComparison.Ordinal);
        var fields = run.QuerySelector("details.history-fields");
        Assert.NotNull(fields);
        Assert.StartsWith($"{run.QuerySelectorAll("tbody tr").Length} fields changed: ", fields.QuerySelector("summary")!.TextContent, StringComparison.Ordinal);

        // No number with more digits than people read, not even in a whole value (the stored run has differences
        // such as 0.18612823189967778).
        Assert.Matches(LongNumber(), bench.Reviews.History(lead, id)[^1].Changes.Select(c => c.After).OfType<string>().First(LongNumber().IsMatch));
        Assert.DoesNotMatch(LongNumber(), page.Find(".history").TextContent);

        // A long value shows its size and its start; the whole value is in its disclosure.
        var values = page.FindAll("details.history-value");
        Assert.NotEmpty(values);
        foreach (var value in values)
        {
            string summary = value.QuerySelector("summary")!.TextContent;
            string full = value.QuerySelector(".history-full")!.TextContent;
            Assert.True(summary.Length <= HistoryView.ShortValue + 20, summary);
            Assert.Matches(@"^\d[\d,]* (fields?|items?): ", summary);
            Assert.EndsWith("…", summary, StringComparison.Ordinal);
            Assert.StartsWith(summary[(summary.IndexOf(": ", StringComparison.Ordinal) + 2)..^1], full, StringComparison.Ordinal);
            Assert.True(full.Length > HistoryView.ShortValue, full);
        }

        // Short values stay whole, with no disclosure.
        Assert.All(page.FindAll(".history-changes td:not(:first-child)").Where(td => td.QuerySelector("details") is null), td => Assert.True(td.TextContent.Length <= HistoryView.ShortValue, td.TextContent));
    }

    [Theory]
    [InlineData(0.18612823189967778, "0.186")]
    [InlineData(-35500.700000000004, "-35500.7")]
    [InlineData(3425490.2113821, "3425490.2")]
    [InlineData(3.14159, "3.14")]
    [InlineData(0.00123456, "0.00123")]
    [InlineData(0.000123456, "1.23\u00A0×\u00A010⁻⁴")]
    [InlineData(1.5241124239605054E-08, "1.52\u00A0×\u00A010⁻⁸")]
    [InlineData(-2.6E-08, "−2.6\u00A0×\u00A010⁻⁸")]
    [InlineData(0.5, "0.5")]
    [InlineData(25000, "25000")]
    public void Number_LongDecimals_RoundedToTheDigitsThatTell(double value, string expected) => Assert.Equal(expected, HistoryView.Number(value));

    [Theory]
    [InlineData("{\"difference\":0.18612823189967778,\"cases\":1161}", "difference: 0.186; cases: 1161")]
    [InlineData("[0.0017226528854435831,2]", "0.00172, 2")]
    [InlineData("1.5e3", "1500")]
    public void Value_NumbersInsideJson_Rounded(string json, string expected) => Assert.Equal(expected, HistoryView.Value(json));

    [Fact]
    public void Summary_ShortOrLong_WholeOrSizeAndStart()
    {
        Assert.Equal(("Closed", null), HistoryView.Summary("\"Closed\""));
        string json = "[" + string.Join(",", Enumerable.Range(1, 40).Select(i => $"\"Case {i}\"")) + "]";
        var (shown, full) = HistoryView.Summary(json);
        Assert.Equal(string.Join(", ", Enumerable.Range(1, 40).Select(i => $"Case {i}")), full);
        Assert.StartsWith("40 items: Case 1, Case 2, ", shown, StringComparison.Ordinal);
        Assert.EndsWith("…", shown, StringComparison.Ordinal);
        Assert.StartsWith(shown["40 items: ".Length..^1], full, StringComparison.Ordinal);
    }

    // Two or more digits more than the page writes: six decimals after a leading digit (0.186128...).
    [GeneratedRegex(@"\d\.\d{6,}")]
    private static partial Regex LongNumber();

    // The entries by their place in the workspace's history (every change of this test has the same clock time).
    private static List<string> Sequences(IEnumerable<Review.History.HistoryEntry> entries) => [.. entries.Select(e => e.Sequence.ToString(CultureInfo.InvariantCulture))];

    private static List<string> Sequences(IRenderedComponent<ReviewHistory> page) => [.. page.FindAll(".history-entry").Select(e => e.GetAttribute("data-sequence")!)];

    // The help-desk review at Implement with forty plan tasks, its change monitored (the newest change).
    private static (Workbench.Workbench Bench, Workbench.Access.Actor Lead, Guid Review) Monitored()
    {
        var (bench, lead, id) = PageContext.HelpdeskAtImplement();
        for (int i = 1; i <= 40; i++)
        {
            bench.Plan.SaveTask(lead, id, new TaskRequest { Title = $"Task {i}", Owner = "Lena Lead", Due = "2026-04-15" });
        }

        bench.Monitoring.Monitor(lead, id, new ChangeMonitoringRequest { ChangeDate = "2012-06-01", SettlingIn = "14d", Resamples = 1000 });
        return (bench, lead, id);
    }
}
