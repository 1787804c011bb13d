using System.Text;
using Stepwise.Statistics.Inference;
using Stepwise.Statistics.Sampling;
using Stepwise.Statistics.Tabular;

namespace Stepwise.Statistics.Tests.Sampling;

public class SamplingTests
{
    // Krejcie, R. V. and Morgan, D. W. (1970) Determining sample size for research activities. Educational and
    // Psychological Measurement 30, 607-610, Table 1 (p = 0.5, d = 0.05, 95 % confidence). The table rounds to the
    // nearest unit, we round up: where the exact size is 217.5 (N = 500) the table says 217 and we say 218, so that
    // row is checked on the exact size instead.
    [Theory]
    [InlineData(100, 80)]
    [InlineData(200, 132)]
    [InlineData(1000, 278)]
    [InlineData(10000, 370)]
    public void ForProportion_KrejcieMorganTable_MatchesPublishedSizes(long population, int expected)
        => Assert.Equal(expected, SampleSize.ForProportion(0.05, 0.95, 0.5, population).Required);

    [Fact]
    public void ForProportion_Population500_ExactSizeIsKrejcieMorgansUnrounded()
    {
        // Krejcie and Morgan's formula: s = X² N P (1 - P) / (d² (N - 1) + X² P (1 - P)) with X² = 3.841.
        double s = 3.841 * 500 * 0.25 / ((0.0025 * 499) + (3.841 * 0.25));
        Assert.Equal((int)Math.Ceiling(s), SampleSize.ForProportion(0.05, 0.95, 0.5, 500).Required);
    }

    [Fact]
    public void ForProportion_UnlimitedPopulationAndResponseRate_CochranN0AndInvitations()
    {
        // Cochran: n0 = 1.96² x 0.25 / 0.05² = 384.1 -> 385 responses; at a 25 % response rate, 1,540 invitations.
        var size = SampleSize.ForProportion(0.05, 0.95, 0.5, null, 0.25);
        Assert.Equal(384.1459, size.Unadjusted, 3);
        Assert.Equal(385, size.Required);
        Assert.Equal(1540, size.Invitations);
    }

    [Fact]
    public void ForMean_HandWorked()
    {
        // z = 1.959964, sigma = 1.2, e = 0.1: n0 = (1.959964 x 1.2 / 0.1)² = 553.17 -> 554.
        Assert.Equal(554, SampleSize.ForMean(0.1, 1.2, 0.95).Required);
    }

    [Fact]
    public void Allocate_Proportional_LargestRemainder()
    {
        // Exact 3.5, 2.1, 1.4: floors 3, 2, 1, and the largest remainder (0.5) gets the last unit.
        Assert.Equal([4, 2, 1], StratifiedSampler.Allocate(7, [50, 30, 20], [50, 30, 20]));
    }

    [Fact]
    public void Allocate_StratumTooSmall_RedistributesToTheOthers()
        => Assert.Equal([2, 8], StratifiedSampler.Allocate(10, [50, 50], [2, 100]));

    [Fact]
    public void Allocate_EqualWithCappedStrata_HandWorkedLevels()
    {
        // 14 over 6 strata is 2.33 each; the two strata of one unit take 1, the 12 left give 3 to each of the others.
        Assert.Equal([1, 1, 3, 3, 3, 3], StratifiedSampler.Allocate(14, [1, 1, 1, 1, 1, 1], [1, 1, 10, 10, 10, 10]));
        // 25 over 7 is 3.57; strata of 1 and 2 are full; 22 over 5 is 4.4: two strata of 5 (first by order), three of 4.
        Assert.Equal([1, 2, 5, 5, 4, 4, 4], StratifiedSampler.Allocate(25, [1, 1, 1, 1, 1, 1, 1], [1, 2, 10, 10, 10, 10, 10]));
        // 10 strata, 25 units, three strata of one unit: 22 over 7 is 3.14, so one stratum of 4 is right; never 2 to 4.
        var counts = StratifiedSampler.Allocate(25, [.. Enumerable.Repeat(1.0, 10)], [1, 1, 1, 50, 50, 50, 50, 50, 50, 50]);
        Assert.Equal([1, 1, 1, 4, 3, 3, 3, 3, 3, 3], counts);
    }

    [Fact]
    public void Draw_Optimal_NeymanSharesByStandardDeviation()
    {
        // Two strata of 100 units with standard deviations 1 and 3: Neyman gives n_h ∝ N_h S_h = 100 : 300.
        var frame = Frame(200, i => i < 100 ? "a" : "b", i => i < 100 ? (i % 2 == 0 ? -1.0 : 1.0) : (i % 2 == 0 ? -3.0 : 3.0));
        var a = StratifiedSampler.Draw(frame, ["group"], 40, Allocation.Optimal, 1, "score");
        double sdA = Math.Sqrt(100.0 / 99), sdB = 3 * sdA;
        Assert.Equal(40 * sdA / (sdA + sdB), a.Strata[0].SampleCount, 6);
        Assert.Equal(30, a.Strata[1].SampleCount);
        Assert.Equal(sdA, a.Strata[0].StandardDeviation, 10);
    }

    [Fact]
    public void Draw_SameSeed_SameSample_DifferentSeed_Different()
    {
        var frame = Frame(1000, i => (i % 3).ToString(), i => i);
        var first = StratifiedSampler.Draw(frame, ["group"], 100, Allocation.Proportional, 42);
        var again = StratifiedSampler.Draw(frame, ["group"], 100, Allocation.Proportional, 42);
        var other = StratifiedSampler.Draw(frame, ["group"], 100, Allocation.Proportional, 43);
        Assert.Equal(first.Units, again.Units);
        Assert.NotEqual(first.Units, other.Units);
        Assert.Equal(100, first.Units.Distinct().Count());
        Assert.All(first.Units.Zip(first.UnitStrata), p => Assert.Equal(frame.Attributes[0].Labels[frame.Attributes[0].Codes[p.First]], first.Strata[p.Second].Label));
    }

    [Fact]
    public void Draw_ManySeeds_EveryUnitEquallyLikely()
    {
        var frame = Frame(5, _ => "x", i => i);
        var hits = new long[5];
        for (int seed = 0; seed < 5000; seed++)
        {
            hits[StratifiedSampler.Draw(frame, [], 1, Allocation.Proportional, seed).Units[0]]++;
        }

        Assert.True(ChiSquareTest.GoodnessOfFit(hits, [1, 1, 1, 1, 1]).PValue > 0.001);
    }

    [Fact]
    public void DrawAndCheck_AirlinePassengersByClass_ProportionalSampleIsBalanced()
    {
        var table = DelimitedTextReader.Read(SurveyFiles.AirlinePath);
        var population = SamplingFrame.FromTable(table, "id");
        var sample = StratifiedSampler.Draw(population, ["Class"], 400, Allocation.Proportional, 2024);
        foreach (var stratum in sample.Strata)
        {
            Assert.InRange(stratum.SampleCount, (400.0 * stratum.PopulationCount / 25976) - 1, (400.0 * stratum.PopulationCount / 25976) + 1);
        }

        var check = Representativeness.Check(population, Representativeness.Subset(population, sample.Units), ["Class"]);
        Assert.False(check[0].IsUnbalanced());
    }

    [Fact]
    public void Check_ResponsesMissingEconomy_FlagsItAndWeightsIt()
    {
        // Population: 60 Eco, 40 Business. Responses: 10 Eco, 30 Business.
        var population = Frame(100, i => i < 60 ? "Eco" : "Business", i => 0);
        var responses = Frame(40, i => i < 10 ? "Eco" : "Business", i => 0);
        var check = Representativeness.Check(population, responses, ["group"])[0];
        var eco = check.Groups.Single(g => g.Label == "Eco");
        Assert.True(eco.UnderRepresented);
        Assert.Equal(0.6 / 0.25, eco.Weight, 10);
        double d = (0.25 - 0.6) / Math.Sqrt(((0.25 * 0.75) + (0.6 * 0.4)) / 2);
        Assert.Equal(d, eco.StandardisedDifference, 10);
        // Goodness of fit by hand: expected 24 and 16; (10-24)²/24 + (30-16)²/16.
        Assert.Equal((196.0 / 24) + (196.0 / 16), check.Test!.Statistic, 10);
    }

    [Fact]
    public void RakingWeights_TwoAttributes_WeightedMarginsMatchPopulation()
    {
        var population = Frame2(400, i => i % 4 == 0 ? "phone" : "web", i => i % 5 < 2 ? "north" : "south");
        var sample = Frame2(100, i => i % 2 == 0 ? "phone" : "web", i => i % 10 < 7 ? "north" : "south");
        var w = Representativeness.RakingWeights(population, sample, ["channel", "region"]);
        double Share(string attribute, string label)
        {
            var a = sample.Attribute(attribute);
            return Enumerable.Range(0, sample.Count).Where(i => a.Labels[a.Codes[i]] == label).Sum(i => w[i]) / w.Sum();
        }

        Assert.Equal(0.25, Share("channel", "phone"), 5);
        Assert.Equal(0.4, Share("region", "north"), 5);
        Assert.Equal(1.0, w.Average(), 10);
    }

    private static SamplingFrame Frame(int n, Func<int, string> group, Func<int, double> score)
    {
        var csv = new StringBuilder("id,group,score\n");
        for (int i = 0; i < n; i++)
        {
            csv.Append(i).Append(',').Append(group(i)).Append(',').Append(score(i).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        return SamplingFrame.FromTable(DelimitedTextReader.Parse(Encoding.UTF8.GetBytes(csv.ToString()), "frame.csv"), "id");
    }

    private static SamplingFrame Frame2(int n, Func<int, string> channel, Func<int, string> region)
        => new([.. Enumerable.Range(0, n).Select(i => i.ToString())], [
            FrameAttribute.FromValues("channel", [.. Enumerable.Range(0, n).Select(channel)]),
            FrameAttribute.FromValues("region", [.. Enumerable.Range(0, n).Select(region)])]);
}
