namespace Stepwise.Charts;

/// <summary>One line of a trend chart: a value per period, with optional interval bounds.</summary>
/// <param name="Name">The series' name in the legend.</param>
/// <param name="Values">One value per period (NaN where there is none).</param>
/// <param name="Lower">Lower interval bounds per period, or null.</param>
/// <param name="Upper">Upper interval bounds per period, or null.</param>
public sealed record TrendSeries(string Name, IReadOnlyList<double> Values, IReadOnlyList<double>? Lower = null, IReadOnlyList<double>? Upper = null)
{
    /// <summary>Whether the series has intervals.</summary>
    public bool HasInterval => Lower is not null && Upper is not null;
}
