using Stepwise.Charts;

namespace Stepwise.Reports;

/// <summary>One headline number with its measure (which carries the unit) and, optionally, its interval.</summary>
/// <param name="Label">What it is.</param>
/// <param name="Value">The value, in the measure's unit.</param>
/// <param name="Measure">The measure (unit and format).</param>
/// <param name="Interval">The confidence interval, if any.</param>
/// <param name="Note">A short note (e.g. <c>target 80%</c>, <c>median</c>).</param>
public sealed record KeyFigure(string Label, double Value, Measure Measure, ValueInterval? Interval = null, string? Note = null)
{
    /// <summary>The value written with its unit.</summary>
    public string Text => Measure.Format(Value);

    /// <summary>The interval written with its unit, or null.</summary>
    public string? IntervalText => Interval is { HasInterval: true } i ? $"{Measure.Format(i.Lower)} to {Measure.Format(i.Upper)}" : null;
}
