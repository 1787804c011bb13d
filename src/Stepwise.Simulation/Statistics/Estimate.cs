using Stepwise.Simulation.Distributions;

namespace Stepwise.Simulation.Statistics;

/// <summary>A mean over replications with its 95% confidence interval (Student's t).</summary>
/// <param name="Mean">The mean of the replications' values.</param>
/// <param name="Low">The lower end of the 95% interval.</param>
/// <param name="High">The upper end.</param>
/// <param name="Count">Replications with a value.</param>
public readonly record struct Estimate(double Mean, double Low, double High, int Count)
{
    /// <summary>Half the width of the interval.</summary>
    public double HalfWidth => (High - Low) / 2;

    /// <summary>The mean and 95% interval of <paramref name="values"/>, ignoring NaN; the interval is infinite with one value.</summary>
    public static Estimate Of(ReadOnlySpan<double> values)
    {
        int n = 0;
        double sum = 0;
        foreach (double v in values)
        {
            if (!double.IsNaN(v))
            {
                n++;
                sum += v;
            }
        }

        if (n == 0)
        {
            return new Estimate(double.NaN, double.NaN, double.NaN, 0);
        }

        double mean = sum / n;
        if (n == 1)
        {
            return new Estimate(mean, double.NegativeInfinity, double.PositiveInfinity, 1);
        }

        double ss = 0;
        foreach (double v in values)
        {
            if (!double.IsNaN(v))
            {
                ss += (v - mean) * (v - mean);
            }
        }

        double half = SpecialFunctions.StudentTQuantile(0.975, n - 1) * Math.Sqrt(ss / (n - 1) / n);
        return new Estimate(mean, mean - half, mean + half, n);
    }

    /// <summary>The 97.5% quantile of Student's t with <paramref name="degrees"/> degrees of freedom.</summary>
    public static double TQuantile975(int degrees) => SpecialFunctions.StudentTQuantile(0.975, degrees);
}
