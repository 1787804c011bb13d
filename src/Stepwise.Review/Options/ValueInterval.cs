namespace Stepwise.Review.Options;

/// <summary>A mean with its 95% confidence interval; a bound is null when it is not finite (e.g. one replication).</summary>
/// <param name="Mean">The mean.</param>
/// <param name="Low">The lower end.</param>
/// <param name="High">The upper end.</param>
public sealed record ValueInterval(double? Mean, double? Low, double? High)
{
    /// <summary>An interval from numbers that may be NaN or infinite (those become null).</summary>
    public static ValueInterval Of(double mean, double low, double high) => new(Finite(mean), Finite(low), Finite(high));

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
