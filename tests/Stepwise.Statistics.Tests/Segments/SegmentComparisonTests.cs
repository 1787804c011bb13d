using Stepwise.Statistics.Feedback;
using Stepwise.Statistics.Inference;
using Stepwise.Statistics.Segments;

namespace Stepwise.Statistics.Tests.Segments;

public class SegmentComparisonTests
{
    [Fact]
    public void Compare_OutcomeAndLikertAndLongScale_PicksTheTestByKindAndAdjustsTogether()
    {
        // Channel: 10 phone, 10 web. Phone: lower ratings and fewer yes answers.
        int n = 20;
        var channel = new SegmentColumn("channel", ["phone", "web"], [.. Enumerable.Range(0, n).Select(i => i < 10 ? 0 : 1)]);
        double[] likert = [.. Enumerable.Range(0, n).Select(i => i < 10 ? 1.0 + (i % 3) : 3.0 + (i % 3))];
        double[] nps = [.. Enumerable.Range(0, n).Select(i => i < 10 ? (double)(i % 7) : 4.0 + (i % 7))];
        bool?[] outcome = [.. Enumerable.Range(0, n).Select(i => (bool?)(i < 10 ? i % 4 == 0 : i % 4 != 0))];
        var table = new FeedbackTable("t.csv", [.. Enumerable.Range(0, n).Select(i => i.ToString())], [.. Enumerable.Range(2, n)],
            overall: new ScoreColumn("ltr", ScoreScale.ZeroToTen, nps),
            items: [new ScoreColumn("courtesy", ScoreScale.Likert5, likert)],
            segments: [channel], outcome: outcome, outcomeName: "resolved");
        var result = SegmentComparison.Compare(table, items: ["courtesy"]);

        // Two groups x three measures.
        Assert.Equal(6, result.Count);
        Assert.Equal("chi-square", result.Single(d => d.Group == "phone" && d.Measure == "resolved").Test.Test);
        Assert.Equal("Welch t", result.Single(d => d.Group == "phone" && d.Measure == "ltr").Test.Test);
        Assert.Equal("Mann-Whitney U", result.Single(d => d.Group == "phone" && d.Measure == "courtesy").Test.Test);
        var phoneLikert = result.Single(d => d.Group == "phone" && d.Measure == "courtesy");
        Assert.Equal(likert[..10].Average(), phoneLikert.GroupValue, 12);
        Assert.Equal(MannWhitneyTest.Compare(likert[..10], likert[10..]).PValue, phoneLikert.Test.PValue, 12);
        // Web against the rest is phone against the rest seen from the other side: the same p-value, reported for both
        // groups, counted once in Holm's adjustment (three tests, not six).
        var phone = result.Where(d => d.Group == "phone").ToList();
        var holm = MultipleComparisons.Adjust([.. phone.Select(d => d.Test.PValue)], Adjustment.Holm);
        Assert.Equal(holm, phone.Select(d => d.AdjustedPValue));
        Assert.All(phone, d => Assert.False(d.Repeats));
        foreach (var web in result.Where(d => d.Group == "web"))
        {
            var same = phone.Single(d => d.Measure == web.Measure);
            Assert.True(web.Repeats);
            Assert.Equal(same.Test.PValue, web.Test.PValue, 9);
            Assert.Equal(same.AdjustedPValue, web.AdjustedPValue);
            Assert.Equal(same.GroupValue, web.RestValue, 12);
        }

        Assert.All(result, d => Assert.True(d.AdjustedPValue >= d.Test.PValue - 1e-12));
    }

    [Fact]
    public void Compare_ThreeGroups_EachAgainstTheRestIsItsOwnTest_AllAdjustedTogether()
    {
        int n = 30;
        var team = new SegmentColumn("team", ["north", "south", "east"], [.. Enumerable.Range(0, n).Select(i => i % 3)]);
        double[] nps = [.. Enumerable.Range(0, n).Select(i => (double)((i * 7) % 11))];
        var table = new FeedbackTable("t.csv", [.. Enumerable.Range(0, n).Select(i => i.ToString())], [.. Enumerable.Range(2, n)],
            overall: new ScoreColumn("ltr", ScoreScale.ZeroToTen, nps), segments: [team]);
        var result = SegmentComparison.Compare(table);

        Assert.Equal(3, result.Count);
        Assert.All(result, d => Assert.False(d.Repeats));
        var holm = MultipleComparisons.Adjust([.. result.Select(d => d.Test.PValue)], Adjustment.Holm);
        Assert.Equal(holm, result.Select(d => d.AdjustedPValue));
    }
}
