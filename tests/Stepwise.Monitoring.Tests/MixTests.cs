using Stepwise.Mining;
using Stepwise.Mining.Attributes;
using Stepwise.Monitoring.Comparison;
using Stepwise.Monitoring.Kpis;
using Stepwise.Monitoring.Periods;
using Stepwise.Statistics.Sampling;
using Xunit.Abstractions;

namespace Stepwise.Monitoring.Tests;

/// <summary>
/// A planted shift in the mix with no change within the case types: the help-desk cases of products 1 and 3 (medians
/// 38 and 44 days) are split into random halves; before takes its half's cases with product 3 at 20%, after with
/// product 3 at 80%. Nothing changed in how either product's cases run, so a raw change in throughput time must be
/// attributed to the mix, and no KPI to the process.
/// </summary>
public sealed class MixTests(ITestOutputHelper output)
{
    [Fact]
    public void Helpdesk_ProductShareShifted_ReportedAsMixNotProcess()
    {
        var log = Logs.Helpdesk;
        var (codes, values) = AttributeCodes.ForCases(log, "product");
        int p1 = values.IdOf("Value 1"), p3 = values.IdOf("Value 3");
        int mixChanges = 0, processChanges = 0, seeds = 8;
        for (int seed = 0; seed < seeds; seed++)
        {
            var (a, b) = Planting.Halves(log, 40 + seed);
            var before = Pick(a, codes, p1, p3, 0.2, 100 + seed);
            var after = Pick(b, codes, p1, p3, 0.8, 200 + seed);
            var result = ChangeMonitor.Run(new MonitorRequest
            {
                Periods = new SeparatePeriods { Before = before, After = after },
                Kpis = [.. new[] { KpiKind.ThroughputMedian, KpiKind.ThroughputMean, KpiKind.ReworkRate, KpiKind.HandoversPerCase }.Select(k => MonitoredKpi.Of(new KpiMeasure(k)))],
                Options = new MonitorOptions { MixBy = "product", Resamples = 2000, Seed = seed, Parts = MonitorParts.None },
            });

            Assert.True(result.Mix!.Changed, "the planted mix shift is reported");
            var shares = result.Mix.Strata.ToDictionary(s => s.Stratum);
            Assert.InRange(shares["Value 3"].BeforeShare, 0.17, 0.23);
            Assert.InRange(shares["Value 3"].AfterShare, 0.77, 0.83);
            foreach (var k in result.Kpis)
            {
                output.WriteLine($"seed {seed} {k.Key}: raw {k.Difference:0.###} [{k.Low:0.###}, {k.High:0.###}] {VerdictWords.Of(k.Verdict)}; adjusted {k.Mix!.Difference:0.###} [{k.Mix.Low:0.###}, {k.Mix.High:0.###}] {VerdictWords.Of(k.Mix.Verdict)}; from {k.Mix.Source}");
                mixChanges += k.Mix.Source == ChangeSource.Mix ? 1 : 0;
                processChanges += k.Mix.Source == ChangeSource.Process ? 1 : 0;
            }

            var median = result.Kpis.Single(k => k.Key == "throughput_median");
            Assert.True(median.Difference > 0, "more of the slower product makes the raw median longer");
        }

        output.WriteLine($"{mixChanges} KPI changes attributed to the mix, {processChanges} to the process, over {seeds} seeds");
        Assert.True(mixChanges >= seeds, "the raw throughput change is attributed to the mix in (nearly) every seed");
        Assert.True(processChanges <= 1, $"{processChanges} KPI changes were attributed to the process");
    }

    /// <summary>Cases of products 1 and 3 from <paramref name="half"/>, with product 3 at <paramref name="share"/>.</summary>
    private static LogView Pick(LogView half, int[] codes, int p1, int p3, double share, long seed)
    {
        var random = new SeededRandom(seed);
        var ones = new List<int>();
        var threes = new List<int>();
        for (int i = 0; i < half.CaseCount; i++)
        {
            int c = half.CaseAt(i);
            (codes[c] == p1 ? ones : codes[c] == p3 ? threes : []).Add(c);
        }

        // As many cases as the scarcer product allows at the wanted share.
        int total = (int)Math.Min(ones.Count / (1 - share), threes.Count / share);
        var chosen = Take(ones, total - (int)Math.Round(total * share), random).Concat(Take(threes, (int)Math.Round(total * share), random)).Order().ToArray();
        return new LogView(half.Log, chosen);
    }

    private static IEnumerable<int> Take(List<int> cases, int n, SeededRandom random)
    {
        var copy = cases.ToArray();
        for (int i = 0; i < n; i++)
        {
            int j = i + random.NextInt(copy.Length - i);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }

        return copy.Take(n);
    }
}
