using Stepwise.Steps.Satisfaction;
using Xunit.Abstractions;
using Stepwise.Steps.Synthetic;

namespace Stepwise.Steps.Tests;

/// <summary>
/// The satisfaction analysis against a known truth: survey responses generated for the real help-desk log with two
/// planted effects (repeating "Take in charge ticket": -1.5 points; a hand-over from Value 1 to Value 2: -1 point) and
/// no effect anywhere else.
/// </summary>
public class PlantedEffectTests(ITestOutputHelper output)
{
    private const int Seeds = 100;

    // One-sided z for 0.1%: the tolerance of the binomial-type bounds below, so that a correct analysis fails a bound
    // about once in a thousand runs of the whole test.
    private const double Z = 3.09;

    [Fact]
    public void Compute_PlantedEffects_FoundWithRightSignAndSizeInsideTheInterval()
    {
        var (truth, report) = PlantedFeedbackRun.Analyse(Logs.Helpdesk, seed: 7);

        var rework = report.ReworkGap("Take in charge ticket");
        Assert.NotNull(rework);
        Assert.True(rework.Flagged);
        Assert.True(rework.AdjustedDifference < 0);
        Assert.InRange(-1.5, rework.AdjustedLower, rework.AdjustedUpper);

        var handover = report.Gaps.Single(g => g.Kind == FactorKind.Handover && g.Subject == "Value 1 -> Value 2");
        Assert.True(handover.Flagged);
        Assert.True(handover.AdjustedDifference < 0);
        Assert.InRange(-1.0, handover.AdjustedLower, handover.AdjustedUpper);

        // The raw (unadjusted) difference mixes the effects of factors travelling together; its expected value is the
        // difference of the mean planted shift between the two groups of responding cases, computed from the truth.
        var shiftOf = truth.Responses.ToDictionary(r => r.TrueCase, r => r.PlantedShift);
        var member = PlantedFeedbackGenerator.Members(Logs.Helpdesk, PlantedEffect.Repeat("Take in charge ticket", 0));
        var once = PlantedFeedbackGenerator.Members(Logs.Helpdesk, PlantedEffect.Step("Take in charge ticket", 0));
        double expectedRaw = shiftOf.Where(kv => member[kv.Key]).Average(kv => kv.Value) - shiftOf.Where(kv => once[kv.Key] && !member[kv.Key]).Average(kv => kv.Value);
        Assert.InRange(expectedRaw, rework.Lower, rework.Upper);
    }

    [Fact]
    public void Compute_ManySeeds_FactorsWithoutEffectFlaggedAtNoMoreThanTheFalseDiscoveryRate()
    {
        // Variants are left out: a variant's cases differ from the rest whenever it contains (or avoids) a planted
        // factor, so every variant is a true difference and none can be a false discovery. Every other factor is in
        // the joint model, where a factor without a planted effect has a true coefficient of exactly zero.
        var options = new SatisfactionOptions { Variants = 0 };
        double sumFdp = 0;
        int plantedFound = 0, plantedCovered = 0, plantedTests = 0;
        var nullSmallP = new List<double>();
        int nullTests = 0;
        for (int seed = 1; seed <= Seeds; seed++)
        {
            var (_, report) = PlantedFeedbackRun.Analyse(Logs.Helpdesk, seed, options);
            int flagged = 0, falseFlags = 0, smallP = 0, nulls = 0;
            foreach (var gap in report.Gaps)
            {
                double? planted = gap.Kind switch
                {
                    FactorKind.Rework when gap.Subject == "Take in charge ticket" => -1.5,
                    FactorKind.Handover when gap.Subject == "Value 1 -> Value 2" => -1.0,
                    _ => null,
                };
                if (double.IsNaN(gap.AdjustedPValue))
                {
                    continue;
                }

                flagged += gap.Flagged ? 1 : 0;
                if (planted is double effect)
                {
                    plantedTests++;
                    plantedFound += gap.Flagged && gap.AdjustedDifference < 0 ? 1 : 0;
                    plantedCovered += effect >= gap.AdjustedLower && effect <= gap.AdjustedUpper ? 1 : 0;
                }
                else
                {
                    nulls++;
                    falseFlags += gap.Flagged ? 1 : 0;
                    smallP += gap.AdjustedPValue < 0.05 ? 1 : 0;
                }
            }

            sumFdp += flagged == 0 ? 0 : falseFlags / (double)flagged;
            nullSmallP.Add(smallP / (double)nulls);
            nullTests += nulls;
        }

        // The false-discovery proportion of a run lies in [0, 1]; if its mean is at most q = 0.05, its variance is at
        // most q(1 - q) (Bhatia-Davis), so the mean over S runs exceeds q + Z sqrt(q(1 - q)/S) with probability about
        // 0.1% (normal approximation).
        double fdr = sumFdp / Seeds;
        output.WriteLine($"seeds {Seeds}: false-discovery rate {fdr:0.0000}; planted found {plantedFound}/{plantedTests}, covered {plantedCovered}/{plantedTests}; no-effect tests {nullTests}, mean share with p < 0.05 {nullSmallP.Average():0.0000}");
        Assert.True(fdr <= 0.05 + (Z * Math.Sqrt(0.05 * 0.95 / Seeds)), $"false-discovery rate {fdr:0.000} over {Seeds} seeds");

        // Calibration: the share of no-effect factors with p < 0.05 is 5% in expectation; runs are independent, so
        // the mean share over runs lies within Z standard errors (estimated from the runs) of 0.05.
        double mean = nullSmallP.Average();
        double se = Math.Sqrt(nullSmallP.Sum(x => (x - mean) * (x - mean)) / (Seeds - 1) / Seeds);
        Assert.True(Math.Abs(mean - 0.05) <= (Z * se) + 0.005, $"share of p < 0.05 among {nullTests} no-effect tests: {mean:0.0000} (se {se:0.0000})");

        // Power and coverage of the planted effects: found in (nearly) every run; the 95% intervals hold the planted
        // size in 95% of cases, so at least 95% - Z sqrt(0.95 x 0.05 / n) of them.
        Assert.Equal(2 * Seeds, plantedTests);
        Assert.True(plantedFound >= 0.99 * plantedTests, $"planted effects found in {plantedFound} of {plantedTests}");
        double coverage = plantedCovered / (double)plantedTests;
        Assert.True(coverage >= 0.95 - (Z * Math.Sqrt(0.95 * 0.05 / plantedTests)), $"coverage {coverage:0.000}");
    }

    [Fact]
    public void Generate_SameSeed_SameResponses()
    {
        var options = new PlantedFeedbackOptions { Seed = 42, Effects = PlantedFeedbackRun.Effects };
        var a = PlantedFeedbackGenerator.Generate(Logs.Helpdesk, options);
        var b = PlantedFeedbackGenerator.Generate(Logs.Helpdesk, options);
        var c = PlantedFeedbackGenerator.Generate(Logs.Helpdesk, options with { Seed = 43 });

        Assert.Equal(a.Responses, b.Responses);
        Assert.NotEqual(a.Responses.Select(r => r.Overall), c.Responses.Select(r => r.Overall));
    }

    [Fact]
    public void Generate_ResponseRate_AboutTheShareAsked()
    {
        var planted = PlantedFeedbackGenerator.Generate(Logs.Helpdesk, new PlantedFeedbackOptions { Seed = 3, ResponseRate = 0.6 });

        // Binomial(4,580, 0.6): standard deviation 33; allow 4 of them.
        Assert.InRange(planted.Responses.Count, (0.6 * 4580) - 132, (0.6 * 4580) + 132);
        Assert.All(planted.Responses, r => Assert.InRange(r.Overall, 0, 10));
    }

    [Fact]
    public void Generate_Comments_ToneFollowsScoreAsTheSentimentAnalyserReadsIt()
    {
        var (truth, table) = PlantedFeedbackRun.Generate(Logs.Helpdesk, new PlantedFeedbackOptions { Seed = 5, Effects = PlantedFeedbackRun.Effects });
        var linked = FeedbackLinker.Link(Logs.Helpdesk, table);

        foreach (var response in truth.Responses.Take(500))
        {
            bool? negative = linked.CaseNegativeComment[response.TrueCase];
            Assert.Equal(response.Overall <= 4, negative);
        }
    }
}
