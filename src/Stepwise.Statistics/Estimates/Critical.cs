using MathNet.Numerics.Distributions;

namespace Stepwise.Statistics.Estimates;

/// <summary>Critical values of the normal and Student t distributions for two-sided intervals.</summary>
public static class Critical
{
    /// <summary>The z such that P(-z &lt; Z &lt; z) = <paramref name="confidence"/> (1.959964 for 0.95).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The confidence is not strictly between 0 and 1.</exception>
    public static double Z(double confidence)
    {
        CheckConfidence(confidence);
        return Normal.InvCDF(0, 1, 1 - ((1 - confidence) / 2));
    }

    /// <summary>The t with <paramref name="degreesOfFreedom"/> such that P(-t &lt; T &lt; t) = <paramref name="confidence"/>.</summary>
    public static double T(double confidence, double degreesOfFreedom)
    {
        CheckConfidence(confidence);
        return StudentT.InvCDF(0, 1, degreesOfFreedom, 1 - ((1 - confidence) / 2));
    }

    internal static void CheckConfidence(double confidence)
    {
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence level must be between 0 and 1 (e.g. 0.95).");
        }
    }
}
