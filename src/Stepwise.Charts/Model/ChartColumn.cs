namespace Stepwise.Charts;

/// <summary>A column of a chart's data table: text (no measure) or numbers in a measure.</summary>
/// <param name="Header">The header; for a number column, the measure's title with its unit.</param>
/// <param name="Measure">The measure of a number column, null for a text column.</param>
public sealed record ChartColumn(string Header, Measure? Measure)
{
    /// <summary>A text column.</summary>
    public static ChartColumn Text(string header) => new(header, null);

    /// <summary>A number column headed by the measure's title (name and unit).</summary>
    public static ChartColumn Of(Measure measure) => new(measure.Title, measure);
}
