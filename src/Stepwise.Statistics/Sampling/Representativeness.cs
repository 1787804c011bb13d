using Stepwise.Statistics.Inference;

namespace Stepwise.Statistics.Sampling;

/// <summary>
/// Checks whether a sample (or the responses actually received) mirrors its population attribute by attribute, flags
/// under-represented groups, and offers weights that correct for them: post-stratification weights per attribute,
/// and raking weights (iterative proportional fitting) that match several attributes at once.
/// </summary>
public static class Representativeness
{
    /// <summary>Threshold of |standardised difference| above which a group is out of balance.</summary>
    public const double ImbalanceThreshold = 0.1;

    /// <summary>Compares <paramref name="sample"/> with <paramref name="population"/> on each named attribute; groups are
    /// matched by label, so the sample may come from another file (the responses received).</summary>
    /// <exception cref="ArgumentException">An attribute is missing from either frame.</exception>
    public static IReadOnlyList<AttributeBalance> Check(SamplingFrame population, SamplingFrame sample, IReadOnlyList<string> attributes)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(attributes);
        var result = new List<AttributeBalance>(attributes.Count);
        foreach (string name in attributes)
        {
            var pop = population.Attribute(name);
            var smp = sample.Attribute(name);
            var popCounts = Count(pop);
            var smpCounts = Count(smp);
            var labels = pop.Labels.ToList();
            var notes = new List<string>();
            foreach (string label in smp.Labels)
            {
                if (!popCounts.ContainsKey(label))
                {
                    labels.Add(label);
                    notes.Add($"'{label}' is in the sample but not in the population");
                }
            }

            double popTotal = popCounts.Values.Sum(), smpTotal = smpCounts.Values.Sum();
            var groups = new List<GroupBalance>(labels.Count);
            var observed = new long[labels.Count];
            var expected = new double[labels.Count];
            bool testable = notes.Count == 0 && smpTotal > 0;
            for (int g = 0; g < labels.Count; g++)
            {
                int pc = popCounts.GetValueOrDefault(labels[g]), sc = smpCounts.GetValueOrDefault(labels[g]);
                double ps = popTotal == 0 ? double.NaN : pc / popTotal, ss = smpTotal == 0 ? double.NaN : sc / smpTotal;
                double pooled = Math.Sqrt(((ps * (1 - ps)) + (ss * (1 - ss))) / 2);
                double d = pooled > 0 ? (ss - ps) / pooled : 0;
                bool under = pc > 0 && (sc == 0 || d <= -ImbalanceThreshold);
                groups.Add(new GroupBalance(labels[g], pc, ps, sc, ss, d, under, sc == 0 ? double.NaN : ps / ss));
                observed[g] = sc;
                expected[g] = ps;
            }

            TestResult? test = null;
            if (testable && expected.Count(e => e > 0) >= 2)
            {
                test = ChiSquareTest.GoodnessOfFit(observed, expected);
            }

            result.Add(new AttributeBalance(pop.Name, test, groups, notes));
        }

        return result;
    }

    /// <summary>
    /// Raking weights for the sample units, one per unit, so that the weighted sample matches the population's shares
    /// on every attribute at once (Deming and Stephan, 1940). Weights average 1; units with a missing attribute keep
    /// weight 1 for it. Stops when every margin is within <paramref name="tolerance"/> or after
    /// <paramref name="maxIterations"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A sample group is absent from the population, or a population group is absent from the sample.</exception>
    public static double[] RakingWeights(SamplingFrame population, SamplingFrame sample, IReadOnlyList<string> attributes, int maxIterations = 100, double tolerance = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(attributes);
        var weights = new double[sample.Count];
        Array.Fill(weights, 1.0);
        var targets = new List<(FrameAttribute Attribute, double[] Shares)>();
        foreach (string name in attributes)
        {
            var pop = population.Attribute(name);
            var smp = sample.Attribute(name);
            var popCounts = Count(pop);
            double popTotal = popCounts.Values.Sum();
            var shares = new double[smp.Labels.Count];
            for (int g = 0; g < smp.Labels.Count; g++)
            {
                if (!popCounts.TryGetValue(smp.Labels[g], out int pc))
                {
                    throw new ArgumentException($"Group '{smp.Labels[g]}' of '{name}' is in the sample but not in the population.", nameof(attributes));
                }

                shares[g] = pc / popTotal;
            }

            var sampleLabels = new HashSet<string>(smp.Labels, StringComparer.Ordinal);
            foreach (var (label, count) in popCounts)
            {
                if (count > 0 && !sampleLabels.Contains(label))
                {
                    throw new ArgumentException($"Group '{label}' of '{name}' has no units in the sample; weights cannot make up for it.", nameof(attributes));
                }
            }

            targets.Add((smp, shares));
        }

        for (int iteration = 0; iteration < maxIterations; iteration++)
        {
            double worst = 0;
            foreach (var (attribute, shares) in targets)
            {
                var totals = new double[shares.Length];
                double all = 0;
                for (int i = 0; i < weights.Length; i++)
                {
                    int code = attribute.Codes[i];
                    if (code >= 0)
                    {
                        totals[code] += weights[i];
                        all += weights[i];
                    }
                }

                for (int g = 0; g < shares.Length; g++)
                {
                    worst = Math.Max(worst, Math.Abs((totals[g] / all) - shares[g]));
                }

                for (int i = 0; i < weights.Length; i++)
                {
                    int code = attribute.Codes[i];
                    if (code >= 0)
                    {
                        weights[i] *= shares[code] * all / totals[code];
                    }
                }
            }

            if (worst < tolerance)
            {
                break;
            }
        }

        double mean = weights.Length == 0 ? 1 : weights.Average();
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] /= mean;
        }

        return weights;
    }

    /// <summary>A frame of the units of <paramref name="population"/> at <paramref name="units"/> (e.g. a drawn sample).</summary>
    public static SamplingFrame Subset(SamplingFrame population, IReadOnlyList<int> units)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(units);
        var ids = units.Select(u => population.Ids[u]).ToArray();
        var attributes = population.Attributes.Select(a => FrameAttribute.FromValues(a.Name, [.. units.Select(u => a.Codes[u] < 0 ? null : a.Labels[a.Codes[u]])])).ToArray();
        var numbers = population.Numbers.Select(n => (n.Name, units.Select(u => n.Values[u]).ToArray())).ToArray();
        return new SamplingFrame(ids, attributes, numbers);
    }

    private static Dictionary<string, int> Count(FrameAttribute attribute)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string label in attribute.Labels)
        {
            counts[label] = 0;
        }

        foreach (int code in attribute.Codes)
        {
            if (code >= 0)
            {
                counts[attribute.Labels[code]]++;
            }
        }

        return counts;
    }
}
