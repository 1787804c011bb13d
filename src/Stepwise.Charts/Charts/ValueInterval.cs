namespace Stepwise.Charts;

/// <summary>A value with its confidence interval (NaN bounds when there is none).</summary>
public readonly record struct ValueInterval(double Value, double Lower = double.NaN, double Upper = double.NaN)
{
    /// <summary>Whether there is an interval.</summary>
    public bool HasInterval => double.IsFinite(Lower) && double.IsFinite(Upper);
}
