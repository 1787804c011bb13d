using FsCheck;
using FsCheck.Xunit;
using Stepwise.Statistics.Sampling;

namespace Stepwise.Statistics.Tests.Sampling;

public class AllocationProperties
{
    [Property(MaxTest = 300)]
    public bool Allocate_AnySharesAndCapacities_AddsUpToTotalWithinCapacity(PositiveInt[] capacities, NonNegativeInt[] weights, NonNegativeInt wanted)
    {
        if (capacities.Length == 0)
        {
            return true;
        }

        var capacity = capacities.Select(c => c.Get % 1000).ToArray();
        var shares = capacity.Select((_, h) => h < weights.Length ? (double)weights[h].Get : 1.0).ToArray();
        int total = capacity.Sum() == 0 ? 0 : wanted.Get % (capacity.Sum() + 1);
        var counts = StratifiedSampler.Allocate(total, shares, capacity);
        return counts.Sum() == total && counts.Zip(capacity).All(p => p.First >= 0 && p.First <= p.Second);
    }

    [Property(MaxTest = 200)]
    public bool Allocate_RoomEverywhere_NoStratumFurtherThanOneFromItsExactShare(PositiveInt[] weights, PositiveInt wanted)
    {
        if (weights.Length == 0)
        {
            return true;
        }

        var shares = weights.Select(w => (double)(w.Get % 100 + 1)).ToArray();
        int total = wanted.Get % 500;
        var counts = StratifiedSampler.Allocate(total, shares, [.. shares.Select(_ => 10_000)]);
        double sum = shares.Sum();
        return counts.Select((c, h) => Math.Abs(c - (total * shares[h] / sum))).All(d => d < 1 + 1e-9);
    }

    [Property(MaxTest = 300)]
    public bool Allocate_EqualSharesWithSmallStrata_OpenStrataDifferByAtMostOne(PositiveInt[] capacities, NonNegativeInt wanted)
    {
        if (capacities.Length == 0)
        {
            return true;
        }

        var capacity = capacities.Select(c => (c.Get % 12) + 1).ToArray();
        int total = wanted.Get % (capacity.Sum() + 1);
        var counts = StratifiedSampler.Allocate(total, [.. capacity.Select(_ => 1.0)], capacity);
        var notFull = Enumerable.Range(0, capacity.Length).Where(h => counts[h] < capacity[h]).ToList();
        if (notFull.Count == 0)
        {
            return counts.Sum() == total;
        }

        // Every stratum not at its size holds m or m + 1; a full stratum holds no more than m + 1.
        int m = notFull.Min(h => counts[h]);
        return counts.Sum() == total && notFull.All(h => counts[h] <= m + 1) && counts.All(c => c <= m + 1);
    }
}
