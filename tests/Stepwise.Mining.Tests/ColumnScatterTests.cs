using Stepwise.Mining.Assembly;

namespace Stepwise.Mining.Tests;

/// <summary>The in-place scatter against a copy made entry by entry: eight-byte values whose two halves both matter
/// (negative, with the low half's sign bit set, the extremes), columns longer than the entries moved, and a spare
/// handed on from one scatter to the next; and scatters large enough to be split among the processors.</summary>
public class ColumnScatterTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 5)]
    [InlineData(1000, 0)]
    [InlineData(100_003, 17)]
    [InlineData(ColumnScatter.ParallelFrom, 0)]
    [InlineData(ColumnScatter.ParallelFrom + 12_345, 9)]
    public void Apply_RandomPermutation_MovesEveryEntryToItsDestination(int count, int slack)
    {
        var random = new Random(count);
        var destination = Enumerable.Range(0, count).ToArray();
        random.Shuffle(destination);
        var longs = new long[count + slack];
        var ints = new int[count + slack];
        for (int i = 0; i < longs.Length; i++)
        {
            longs[i] = (i % 7) switch
            {
                0 => long.MinValue + i,
                1 => long.MaxValue - i,
                2 => -i,
                3 => ((long)i << 32) | 0x8000_0000L | (uint)i,
                _ => random.NextInt64(long.MinValue, long.MaxValue),
            };
            ints[i] = random.Next(int.MinValue, int.MaxValue);
        }

        var expectedLongs = (long[])longs.Clone();
        var expectedInts = (int[])ints.Clone();
        for (int i = 0; i < count; i++)
        {
            expectedLongs[destination[i]] = longs[i];
            expectedInts[destination[i]] = ints[i];
        }

        var scatter = new ColumnScatter(destination, count);
        scatter.Apply(longs);
        var moved = ints;
        scatter.Apply(ref moved);

        Assert.Equal(expectedLongs, longs);
        Assert.Equal(expectedInts.AsSpan(0, count).ToArray(), moved.AsSpan(0, count).ToArray());
        Assert.NotSame(ints, moved);
        Assert.Same(ints, scatter.Spare);
    }

    [Fact]
    public void Apply_SpareHandedOn_SecondScatterUsesItAndStaysCorrect()
    {
        const int count = 5000;
        var random = new Random(3);
        var first = Enumerable.Range(0, count).ToArray();
        var second = Enumerable.Range(0, count).ToArray();
        random.Shuffle(first);
        random.Shuffle(second);
        var values = Enumerable.Range(0, count).Select(i => i * 3 - 7000).ToArray();
        var times = Enumerable.Range(0, count).Select(i => (long)i * 1_000_000_007L - 5).ToArray();

        var scatter = new ColumnScatter(first, count);
        scatter.Apply(times);
        scatter.Apply(ref values);
        var spare = scatter.Spare;
        var again = new ColumnScatter(second, count, spare);
        Assert.Same(spare, again.Spare);
        again.Apply(times);
        again.Apply(ref values);

        for (int i = 0; i < count; i++)
        {
            int at = second[first[i]];
            Assert.Equal(i * 3 - 7000, values[at]);
            Assert.Equal((long)i * 1_000_000_007L - 5, times[at]);
        }
    }
}
