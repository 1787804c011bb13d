namespace Stepwise.Statistics.Sampling;

/// <summary>
/// Draws stratified simple random samples without replacement, reproducibly from a seed. Sizes are allocated by
/// the largest-remainder method so that they add up exactly to the total; a stratum never gets more than its size,
/// and what it cannot take is shared among the others.
/// </summary>
public static class StratifiedSampler
{
    /// <summary>Draws <paramref name="size"/> units from <paramref name="frame"/>, stratified by <paramref name="strataBy"/>.</summary>
    /// <param name="frame">The units.</param>
    /// <param name="strataBy">Attributes whose combinations are the strata (none: a simple random sample).</param>
    /// <param name="size">The total sample size.</param>
    /// <param name="allocation">How the size is shared.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="variabilityBy">For optimal allocation: a numeric attribute whose standard deviation per stratum
    /// is used (e.g. last period's score); required for <see cref="Allocation.Optimal"/>.</param>
    /// <exception cref="ArgumentException">The size exceeds the units available, or optimal allocation lacks its attribute.</exception>
    public static StratifiedSample Draw(SamplingFrame frame, IReadOnlyList<string> strataBy, int size, Allocation allocation, long seed, string? variabilityBy = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var (codes, labels) = frame.Strata(strataBy);
        var members = new List<int>[labels.Count];
        for (int h = 0; h < labels.Count; h++)
        {
            members[h] = [];
        }

        int without = 0;
        for (int i = 0; i < codes.Length; i++)
        {
            if (codes[i] < 0)
            {
                without++;
            }
            else
            {
                members[codes[i]].Add(i);
            }
        }

        int available = frame.Count - without;
        if (size > available)
        {
            throw new ArgumentException($"A sample of {size} was asked for, but only {available} units have every stratum attribute.", nameof(size));
        }

        var sd = new double[labels.Count];
        Array.Fill(sd, double.NaN);
        double[] shares;
        switch (allocation)
        {
            case Allocation.Optimal:
                {
                    if (variabilityBy is null)
                    {
                        throw new ArgumentException("Optimal allocation needs a numeric attribute whose spread per stratum sets the shares.", nameof(variabilityBy));
                    }

                    var values = frame.Number(variabilityBy);
                    for (int h = 0; h < labels.Count; h++)
                    {
                        sd[h] = StandardDeviation(values, members[h]);
                    }

                    shares = [.. members.Select((m, h) => m.Count * (double.IsNaN(sd[h]) ? 0 : sd[h]))];
                    if (shares.Sum() <= 0)
                    {
                        shares = [.. members.Select(m => (double)m.Count)];
                    }

                    break;
                }

            case Allocation.Equal:
                shares = [.. members.Select(_ => 1.0)];
                break;
            default:
                shares = [.. members.Select(m => (double)m.Count)];
                break;
        }

        var counts = Allocate(size, shares, [.. members.Select(m => m.Count)]);
        var random = new SeededRandom(seed);
        var units = new List<int>(size);
        var unitStrata = new List<int>(size);
        var strata = new List<Stratum>(labels.Count);
        for (int h = 0; h < labels.Count; h++)
        {
            // Partial Fisher-Yates over a copy: the first counts[h] entries are a uniform sample without replacement.
            var pool = members[h].ToArray();
            for (int k = 0; k < counts[h]; k++)
            {
                int j = k + random.NextInt(pool.Length - k);
                (pool[k], pool[j]) = (pool[j], pool[k]);
                units.Add(pool[k]);
                unitStrata.Add(h);
            }

            strata.Add(new Stratum(labels[h], pool.Length, counts[h], sd[h], counts[h] == 0 ? double.NaN : (double)pool.Length / counts[h]));
        }

        return new StratifiedSample(units, unitStrata, strata, allocation, seed, without);
    }

    /// <summary>
    /// Shares <paramref name="total"/> in proportion to <paramref name="shares"/>, capped by <paramref name="capacity"/>,
    /// rounding by largest remainder so that the counts add up to the total exactly.
    /// </summary>
    /// <remarks>
    /// Caps are applied before rounding (water-filling): a stratum whose exact share exceeds its size takes its size,
    /// and the rest is shared again among the others until no cap binds; only then are the open strata rounded, once.
    /// So every open stratum is within one unit of its exact share of what the capped strata left, and an equal
    /// allocation gives open strata counts that differ by at most one (never 2 to 4 when some strata are small).
    /// Strata with a zero share take units only when the others are full, in proportion to their room.
    /// </remarks>
    /// <exception cref="ArgumentException">The total exceeds the total capacity.</exception>
    public static int[] Allocate(int total, IReadOnlyList<double> shares, IReadOnlyList<int> capacity)
    {
        ArgumentNullException.ThrowIfNull(shares);
        ArgumentNullException.ThrowIfNull(capacity);
        int k = shares.Count;
        if (total > capacity.Sum())
        {
            throw new ArgumentException($"Cannot place {total} units in strata holding {capacity.Sum()}.", nameof(total));
        }

        var counts = new int[k];
        var open = new bool[k];
        for (int h = 0; h < k; h++)
        {
            open[h] = capacity[h] > 0;
        }

        int remaining = total;
        while (remaining > 0)
        {
            double shareSum = 0;
            for (int h = 0; h < k; h++)
            {
                if (open[h])
                {
                    shareSum += shares[h];
                }
            }

            // Strata with no share left can still take units once the others are full.
            bool useCapacity = shareSum <= 0;
            double Weight(int h) => useCapacity ? capacity[h] - counts[h] : shares[h];
            if (useCapacity)
            {
                for (int h = 0; h < k; h++)
                {
                    if (open[h])
                    {
                        shareSum += capacity[h] - counts[h];
                    }
                }
            }

            // Cap every stratum whose exact share does not fit, then share again what is left.
            bool capped = false;
            for (int h = 0; h < k; h++)
            {
                if (open[h] && remaining * Weight(h) / shareSum >= capacity[h] - counts[h])
                {
                    remaining -= capacity[h] - counts[h];
                    counts[h] = capacity[h];
                    open[h] = false;
                    capped = true;
                }
            }

            if (capped)
            {
                continue;
            }

            // No cap binds: round once by largest remainder (each open count stays within its capacity, since its
            // exact share is below it).
            var exact = new double[k];
            var add = new int[k];
            int placed = 0;
            for (int h = 0; h < k; h++)
            {
                if (open[h])
                {
                    exact[h] = remaining * Weight(h) / shareSum;
                    add[h] = (int)Math.Floor(exact[h]);
                    placed += add[h];
                }
            }

            var order = Enumerable.Range(0, k).Where(h => open[h]).OrderByDescending(h => exact[h] - add[h]).ThenBy(h => h).ToArray();
            for (int i = 0; placed < remaining && i < order.Length; i++)
            {
                add[order[i]]++;
                placed++;
            }

            for (int h = 0; h < k; h++)
            {
                counts[h] += add[h];
            }

            remaining = 0;
        }

        return counts;
    }

    private static double StandardDeviation(double[] values, List<int> members)
    {
        int n = 0;
        double mean = 0, m2 = 0;
        foreach (int i in members)
        {
            double v = values[i];
            if (double.IsNaN(v))
            {
                continue;
            }

            n++;
            double d = v - mean;
            mean += d / n;
            m2 += d * (v - mean);
        }

        return n > 1 ? Math.Sqrt(m2 / (n - 1)) : double.NaN;
    }
}
