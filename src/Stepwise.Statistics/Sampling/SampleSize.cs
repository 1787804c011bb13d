namespace Stepwise.Statistics.Sampling;

/// <summary>
/// Sample sizes for estimating a proportion or a mean to a margin of error at a confidence level (Cochran, Sampling
/// Techniques, 3rd ed., 1977, §4.4): n₀ = z² p(1 - p) / e² or n₀ = z² σ² / e², corrected for a finite population
/// of N as n = n₀ / (1 + (n₀ - 1) / N), then divided by the expected response rate.
/// </summary>
public static class SampleSize
{
    /// <summary>The size to estimate a proportion within ± <paramref name="margin"/> (a share, e.g. 0.05).</summary>
    /// <param name="margin">The margin of error, as a share between 0 and 1.</param>
    /// <param name="confidence">The confidence level, e.g. 0.95.</param>
    /// <param name="expectedProportion">The proportion expected; 0.5, the default, is the most conservative.</param>
    /// <param name="population">The population size, or <see langword="null"/> when it is large or unknown.</param>
    /// <param name="responseRate">The share of invited units expected to respond (1 when every sampled unit is measured).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range.</exception>
    public static SampleSizeResult ForProportion(double margin, double confidence = 0.95, double expectedProportion = 0.5, long? population = null, double responseRate = 1)
    {
        if (!(margin > 0 && margin < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(margin), margin, "The margin of error of a proportion must be between 0 and 1 (e.g. 0.05 for ±5 points).");
        }

        if (!(expectedProportion > 0 && expectedProportion < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(expectedProportion), expectedProportion, "The expected proportion must be between 0 and 1.");
        }

        double z = Estimates.Critical.Z(confidence);
        return Finish(z * z * expectedProportion * (1 - expectedProportion) / (margin * margin), population, responseRate);
    }

    /// <summary>The size to estimate a mean within ± <paramref name="margin"/> given the standard deviation expected.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range.</exception>
    public static SampleSizeResult ForMean(double margin, double standardDeviation, double confidence = 0.95, long? population = null, double responseRate = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(margin);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(standardDeviation);
        double z = Estimates.Critical.Z(confidence);
        return Finish(z * z * standardDeviation * standardDeviation / (margin * margin), population, responseRate);
    }

    private static SampleSizeResult Finish(double n0, long? population, double responseRate)
    {
        if (!(responseRate > 0 && responseRate <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(responseRate), responseRate, "The response rate must be above 0 and at most 1.");
        }

        double n = n0;
        if (population is long size)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size, nameof(population));
            n = n0 / (1 + ((n0 - 1) / size));
        }

        // Round up, but not past a value that is whole up to rounding error (384.0000000001 is 384).
        int required = (int)Math.Ceiling(n - 1e-9);
        if (population is long cap)
        {
            required = (int)Math.Min(required, cap);
        }

        long uncapped = (long)Math.Ceiling((required / responseRate) - 1e-9);
        int invitations = (int)Math.Min(uncapped, int.MaxValue);
        if (population is long limit)
        {
            invitations = (int)Math.Min(invitations, limit);
        }

        return new SampleSizeResult(n0, required, invitations) { Uncapped = uncapped, PopulationResponses = population * responseRate };
    }
}
