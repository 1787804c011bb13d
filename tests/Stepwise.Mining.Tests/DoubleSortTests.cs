using Stepwise.Mining.Statistics;

namespace Stepwise.Mining.Tests;

/// <summary>The radix sort of doubles against the framework's sort, on random values of every kind and size.</summary>
public sealed class DoubleSortTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(1_000)]
    [InlineData(100_000)]
    public void Sort_RandomValues_SameOrderAsTheFrameworksSort(int n)
    {
        for (int seed = 0; seed < 5; seed++)
        {
            var random = new Random((seed * 1000) + n);
            var values = new double[n];
            for (int i = 0; i < n; i++)
            {
                values[i] = (seed, random.Next(12)) switch
                {
                    (_, 0) => double.NaN,
                    (_, 1) => double.PositiveInfinity,
                    (_, 2) => double.NegativeInfinity,
                    (_, 3) => 0.0,
                    (_, 4) => -(random.NextDouble() * 1e-300), // tiny negatives
                    (_, 5) => double.Epsilon * random.Next(1, 5), // subnormals
                    (0, _) => Math.Round(random.NextDouble() * 100) * 3600, // durations in whole hours: many ties
                    (1, _) => (random.NextDouble() - 0.5) * 1e12,
                    _ => random.NextDouble() * Math.Pow(10, random.Next(-5, 9)),
                };
            }

            var expected = (double[])values.Clone();
            Array.Sort(expected);
            DoubleSort.Sort(values);
            for (int i = 0; i < n; i++)
            {
                Assert.True(expected[i].Equals(values[i]), $"n={n} seed={seed} at {i}: {values[i]:R} where the framework has {expected[i]:R}");
            }
        }
    }

    [Fact]
    public void Sort_HandWorked()
    {
        double[] values = [3, double.NaN, -1, 2.5, -7, 0, 1e300, -1e-300];
        DoubleSort.Sort(values);
        Assert.Equal([double.NaN, -7, -1, -1e-300, 0, 2.5, 3, 1e300], values);

        var many = Enumerable.Range(0, 200).Select(i => (double)((i * 37) % 200) - 100).ToArray();
        DoubleSort.Sort(many);
        Assert.Equal(Enumerable.Range(-100, 200).Select(i => (double)i), many);
    }
}
