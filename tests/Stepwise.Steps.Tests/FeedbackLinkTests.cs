using Stepwise.Mining;
using Stepwise.Statistics.Feedback;
using Stepwise.Steps.Satisfaction;
using Stepwise.Steps.Synthetic;

namespace Stepwise.Steps.Tests;

public class FeedbackLinkTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void Link_ByCaseIdAndByCustomer_MatchesABruteForceSearch()
    {
        var log = Logs.Helpdesk;
        var (truth, table) = PlantedFeedbackRun.Generate(log, new PlantedFeedbackOptions { Seed = 11, CustomerAttribute = "customer", CustomerOnlyShare = 0.3 });
        var window = TimeSpan.FromDays(14);

        var linked = FeedbackLinker.Link(log, table, new FeedbackLinkOptions { CustomerAttribute = "customer", Window = window });

        // Brute force: the customer of each case is the value of its first event that has one; a response without a
        // case id links to the customer's case that ended most recently at or before the response, within the window.
        var customerColumn = (Stepwise.Mining.Attributes.StringColumn)log.EventAttributes["customer"];
        string? CustomerOf(int c) => Enumerable.Range(log.CaseStart(c), log.CaseLength(c)).Select(customerColumn.GetString).FirstOrDefault(v => v is not null);
        var casesOf = Enumerable.Range(0, log.CaseCount).GroupBy(CustomerOf).Where(g => g.Key is not null).ToDictionary(g => g.Key!, g => g.ToList());
        int byCustomer = 0, rightCase = 0;
        var used = new HashSet<int>();
        for (int r = 0; r < truth.Responses.Count; r++)
        {
            var response = truth.Responses[r];
            int expected;
            if (response.CaseId is not null)
            {
                expected = log.IndexOfCase(response.CaseId);
                Assert.Equal(response.TrueCase, expected);
            }
            else
            {
                long at = response.Date.Ticks;
                expected = casesOf[response.CustomerId!]
                    .Where(c => log.CaseEndTime(c) <= at && at - log.CaseEndTime(c) <= window.Ticks)
                    .OrderByDescending(log.CaseEndTime)
                    .First();
            }

            if (!used.Add(expected))
            {
                Assert.Equal(LinkOutcome.DuplicateCase, linked.Outcomes[r]);
                continue;
            }

            Assert.Equal(response.CaseId is null ? LinkOutcome.ByCustomer : LinkOutcome.ByCaseId, linked.Outcomes[r]);
            Assert.Equal(expected, linked.CaseOfResponse[r]);
            if (response.CaseId is null)
            {
                byCustomer++;
                rightCase += expected == response.TrueCase ? 1 : 0;
            }
        }

        // Customers of this help desk often have several tickets open at once, so linking by time can pick the wrong
        // one; most links still find the ticket the response was about.
        output.WriteLine($"{byCustomer} responses linked by customer, {rightCase} to the case they were about");
        Assert.True(byCustomer > 500);
        Assert.True(rightCase > byCustomer / 2, $"{rightCase} of {byCustomer} customer links found the true case");
    }

    [Fact]
    public void Link_EveryReasonNotToLink_IsReported()
    {
        var log = new EventLogBuilder()
            .Add("c1", "Open", Logs.At(9), "ann")
            .Add("c1", "Close", Logs.At(10), "ann")
            .Add("c2", "Open", Logs.At(9, days: 1), "bob")
            .Add("c2", "Close", Logs.At(12, days: 1), "bob")
            .Add("c3", "Open", Logs.At(9, days: 2), "bob")
            .Add("c3", "Close", Logs.At(10, days: 2), "bob")
            .SetCaseAttribute("c1", "customer", "k1")
            .SetCaseAttribute("c2", "customer", "k2")
            .SetCaseAttribute("c3", "customer", "k3")
            .Build();
        DateTime? Day(int d, int h = 12) => new DateTime(2024, 3, 1 + d, h, 0, 0, DateTimeKind.Utc);
        var table = new FeedbackTable(
            "hand.csv",
            ["r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10"],
            [2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
            caseIds: ["c1", "c1", "zz", null, null, null, null, "c3", null, "c2"],
            customerIds: [null, null, null, "k2", "k9", "k2", null, null, "k1", null],
            responseDates: [Day(0), Day(0), Day(0), Day(1), Day(1), null, Day(1), Day(2), new DateTime(2024, 3, 20, 0, 0, 0, DateTimeKind.Utc), Day(3)],
            overall: new ScoreColumn("overall", ScoreScale.Likert5, [5, 4, 3, 2, 1, 5, 4, 3, 2, double.NaN]));
        var view = log.All.Where(c => log.CaseIds[c] != "c3");

        var linked = FeedbackLinker.Link(view, table, new FeedbackLinkOptions { CustomerAttribute = "customer", Window = TimeSpan.FromDays(14) });

        Assert.Equal(
            [LinkOutcome.ByCaseId, LinkOutcome.DuplicateCase, LinkOutcome.UnknownCase, LinkOutcome.ByCustomer, LinkOutcome.UnknownCustomer, LinkOutcome.NoDate, LinkOutcome.NoKey, LinkOutcome.OutsideScope, LinkOutcome.NoCaseInWindow, LinkOutcome.DuplicateCase],
            linked.Outcomes);
        Assert.Equal(5.0, linked.CaseScores[0]);
        Assert.Equal(2.0, linked.CaseScores[1]);
        Assert.Equal(2, linked.ScoredCases);
        Assert.Equal(2, linked.Linked);
    }

    [Fact]
    public void Link_ResponseWithoutScore_LinkedButNotScored()
    {
        var log = new EventLogBuilder().Add("c1", "Open", Logs.At(9)).Add("c2", "Open", Logs.At(10)).Build();
        var table = new FeedbackTable("hand.csv", ["r1", "r2"], [2, 3], caseIds: ["c1", "c2"], overall: new ScoreColumn("overall", ScoreScale.Likert5, [double.NaN, 4]));

        var linked = FeedbackLinker.Link(log, table);

        Assert.Equal([LinkOutcome.NoScore, LinkOutcome.ByCaseId], linked.Outcomes);
        Assert.Equal(1, linked.ScoredCases);
        Assert.Equal(2, linked.Linked);
    }

    [Fact]
    public void Link_NoCaseOrCustomerColumn_ExplainsWhy()
    {
        var log = new EventLogBuilder().Add("c1", "Open", Logs.At(9)).Build();
        var table = new FeedbackTable("survey.csv", ["r1"], [2], overall: new ScoreColumn("overall", ScoreScale.Likert5, [4]));

        var error = Assert.Throws<ArgumentException>(() => FeedbackLinker.Link(log, table));

        Assert.Contains("survey.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("no case id column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Link_UnknownScoreName_ListsTheScores()
    {
        var log = new EventLogBuilder().Add("c1", "Open", Logs.At(9)).Build();
        var table = new FeedbackTable("survey.csv", ["r1"], [2], caseIds: ["c1"], overall: new ScoreColumn("overall", ScoreScale.Likert5, [4]), items: [new ScoreColumn("speed", ScoreScale.Likert5, [3])]);

        var error = Assert.Throws<ArgumentException>(() => FeedbackLinker.Link(log, table, new FeedbackLinkOptions { Score = "courtesy" }));

        Assert.Contains("overall, speed", error.Message, StringComparison.Ordinal);
        Assert.Equal(3.0, FeedbackLinker.Link(log, table, new FeedbackLinkOptions { Score = "speed" }).CaseScores[0]);
    }
}
