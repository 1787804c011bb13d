using Stepwise.Simulation.Distributions;
using Stepwise.Simulation.Model;

namespace Stepwise.Simulation.Discovery;

/// <summary>
/// Builds a step's <see cref="ElapsedRule"/>s from its observed times: one group over all of them and one per next
/// step with enough observations, each cut by the case's age into bins of equal counts, each bin the empirical
/// distribution of its times.
/// </summary>
internal static class ElapsedRules
{
    /// <summary>Quantiles kept per bin: enough that the long tail of a bin (the top 0.5%) does not stretch the
    /// throughput times (with 41, the BPI 2013 model's p90 was 50% too long).</summary>
    public const int PointsPerBin = 201;

    /// <summary>Builds the rules (empty when the step is done too rarely to split its times) and the plain time (null
    /// when the rules cover every case or the step always takes no time).</summary>
    public static (IReadOnlyList<ElapsedRule> Rules, Distribution? Plain) Build(List<ElapsedObservation> observations, Func<int, string> nameOf, DiscoveryOptions options)
    {
        if (observations.Count == 0 || observations.All(o => o.Elapsed <= 0))
        {
            return ([], null);
        }

        if (observations.Count < 2 * options.MinPerAgeBin)
        {
            var all = observations.Select(o => o.Elapsed).Order().ToArray();
            return ([], DistributionFitter.EmpiricalOf(all, PointsPerBin));
        }

        var rules = new List<ElapsedRule>();
        var byNext = observations.GroupBy(o => o.Next).Where(g => g.Count() >= options.MinByNextStep).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).ToList();
        if (byNext.Count > 1 || (byNext.Count == 1 && byNext[0].Count() < observations.Count))
        {
            foreach (var group in byNext)
            {
                string next = group.Key < 0 ? RoutingModel.End : nameOf(group.Key);
                rules.AddRange(Binned([.. group], next, options));
            }
        }

        rules.AddRange(Binned(observations, null, options));
        return (rules, null);
    }

    private static IEnumerable<ElapsedRule> Binned(List<ElapsedObservation> observations, string? next, DiscoveryOptions options)
    {
        var sorted = observations.OrderBy(o => o.Age).ThenBy(o => o.Elapsed).ToList();
        int n = sorted.Count;
        int bins = Math.Clamp(n / options.MinPerAgeBin, 1, options.MaxAgeBins);
        int start = 0;
        double ageFrom = 0;
        for (int b = 0; b < bins && start < n; b++)
        {
            int end = b == bins - 1 ? n : (int)((long)n * (b + 1) / bins);

            // A bin ends between two different ages, so that its age range holds exactly its cases.
            while (end < n && end > start && sorted[end].Age == sorted[end - 1].Age)
            {
                end++;
            }

            if (end <= start)
            {
                continue;
            }

            bool last = end >= n;
            double? ageTo = last ? null : sorted[end].Age;
            var times = new double[end - start];
            for (int i = start; i < end; i++)
            {
                times[i - start] = Math.Max(0, sorted[i].Elapsed);
            }

            Array.Sort(times);
            int named = 0, continued = 0;
            for (int i = start; i < end; i++)
            {
                if (sorted[i].Continued is { } same)
                {
                    named++;
                    continued += same ? 1 : 0;
                }
            }

            double from = Math.Round(ageFrom, 3);
            double? to = ageTo is { } t ? Math.Max(Math.Round(t, 3), from + 0.001) : null;
            yield return new ElapsedRule
            {
                Next = next,
                AgeFrom = from,
                AgeTo = to,
                Elapsed = DistributionFitter.EmpiricalOf(times, PointsPerBin),
                Continuation = named == 0 ? null : Math.Round((double)continued / named, 4),
            };
            ageFrom = to ?? ageFrom;
            start = end;
        }
    }
}
