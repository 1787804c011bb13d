namespace Stepwise.Charts;

/// <summary>One bar: a category's value with an optional confidence interval.</summary>
/// <param name="Label">The category.</param>
/// <param name="Value">The value, in the chart's measure.</param>
/// <param name="Lower">The interval's lower bound (NaN when there is none).</param>
/// <param name="Upper">The interval's upper bound (NaN when there is none).</param>
public sealed record Bar(string Label, double Value, double Lower = double.NaN, double Upper = double.NaN)
{
    /// <summary>Whether the bar has an interval.</summary>
    public bool HasInterval => double.IsFinite(Lower) && double.IsFinite(Upper);
}
