namespace Stepwise.Simulation.Randomness;

/// <summary>
/// A fast, seeded pseudo-random stream (xoshiro256**, seeded through SplitMix64). Every replication owns one, derived
/// from the experiment's seed and the replication's index only, so results never depend on thread scheduling.
/// Not thread-safe: one stream per replication.
/// </summary>
public sealed class RandomStream
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private double _spareNormal;
    private bool _hasSpare;

    /// <summary>Creates a stream from a seed.</summary>
    public RandomStream(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>The stream of replication <paramref name="replication"/> of an experiment seeded with <paramref name="seed"/>.</summary>
    public static RandomStream ForReplication(long seed, int replication)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(replication);
        ulong x = unchecked((ulong)seed ^ 0x5DEECE66DUL);
        ulong a = SplitMix(ref x);
        ulong mixed = a ^ unchecked((ulong)(replication + 1) * 0xD1B54A32D192ED03UL);
        return new RandomStream(mixed);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = BitRotate(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitRotate(_s3, 45);
        return result;
    }

    /// <summary>A uniform number in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform number in (0, 1), safe for logarithms.</summary>
    public double NextOpenDouble() => ((NextUInt64() >> 12) + 0.5) * (1.0 / (1UL << 52));

    /// <summary>An exponential number with mean 1.</summary>
    public double NextExponential() => -Math.Log(NextOpenDouble());

    /// <summary>A standard normal number (Marsaglia's polar method, pairs cached).</summary>
    public double NextNormal()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spareNormal;
        }

        double u, v, s;
        do
        {
            u = (2.0 * NextDouble()) - 1.0;
            v = (2.0 * NextDouble()) - 1.0;
            s = (u * u) + (v * v);
        }
        while (s >= 1.0 || s == 0.0);

        double f = Math.Sqrt(-2.0 * Math.Log(s) / s);
        _spareNormal = v * f;
        _hasSpare = true;
        return u * f;
    }

    /// <summary>A gamma number with the given shape and scale 1 (Marsaglia and Tsang).</summary>
    public double NextGamma(double shape)
    {
        if (shape < 1.0)
        {
            // Boost: Gamma(a) = Gamma(a + 1) * U^(1/a).
            return NextGamma(shape + 1.0) * Math.Pow(NextOpenDouble(), 1.0 / shape);
        }

        double d = shape - (1.0 / 3.0);
        double c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = NextNormal();
                v = 1.0 + (c * x);
            }
            while (v <= 0.0);

            v = v * v * v;
            double u = NextOpenDouble();
            if (u < 1.0 - (0.0331 * x * x * x * x) || Math.Log(u) < (0.5 * x * x) + (d * (1.0 - v + Math.Log(v))))
            {
                return d * v;
            }
        }
    }

    /// <summary>An integer in [0, <paramref name="maxExclusive"/>).</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)((NextUInt64() >> 33) * (ulong)maxExclusive >> 31);
    }

    private static ulong BitRotate(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
