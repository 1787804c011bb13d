using Stepwise.Statistics.Sampling;

namespace Stepwise.Monitoring.Inference;

/// <summary>
/// Draws from Beta and Gamma distributions with a <see cref="SeededRandom"/>, so that every draw is fixed by the seed
/// and this code: Gamma by Marsaglia and Tsang's squeeze method (2000) for shapes of at least 1, normals by the polar
/// method, Beta(a, b) as X / (X + Y) with X ~ Gamma(a) and Y ~ Gamma(b).
/// </summary>
internal sealed class BetaSampler(SeededRandom random)
{
    private double _spareNormal = double.NaN;

    /// <summary>A uniform draw in (0, 1), never 0.</summary>
    public double Uniform()
    {
        double u;
        do
        {
            u = random.NextDouble();
        }
        while (u <= 0);
        return u;
    }

    /// <summary>A standard normal draw.</summary>
    public double Normal()
    {
        if (!double.IsNaN(_spareNormal))
        {
            double spare = _spareNormal;
            _spareNormal = double.NaN;
            return spare;
        }

        double u, v, s;
        do
        {
            u = (2 * random.NextDouble()) - 1;
            v = (2 * random.NextDouble()) - 1;
            s = (u * u) + (v * v);
        }
        while (s >= 1 || s == 0);
        double factor = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareNormal = v * factor;
        return u * factor;
    }

    /// <summary>A Gamma(<paramref name="shape"/>, 1) draw; the shape must be at least 1.</summary>
    public double Gamma(double shape)
    {
        double d = shape - (1.0 / 3), c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal();
                v = 1 + (c * x);
            }
            while (v <= 0);
            v = v * v * v;
            double u = Uniform();
            if (u < 1 - (0.0331 * x * x * x * x) || Math.Log(u) < (0.5 * x * x) + (d * (1 - v + Math.Log(v))))
            {
                return d * v;
            }
        }
    }

    /// <summary>A Beta(<paramref name="a"/>, <paramref name="b"/>) draw; both must be at least 1.</summary>
    public double Beta(double a, double b)
    {
        double x = Gamma(a), y = Gamma(b);
        return x / (x + y);
    }
}
