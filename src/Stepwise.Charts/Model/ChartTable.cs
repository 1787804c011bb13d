namespace Stepwise.Charts;

/// <summary>
/// The data a chart shows, as a table: what a screen reader reads instead of the picture, what the HTML report shows
/// under a chart, and what a spreadsheet receives. Every number is in the measure of its column.
/// </summary>
/// <param name="Caption">What the table holds.</param>
/// <param name="Columns">The columns.</param>
/// <param name="Rows">The rows, one cell per column.</param>
public sealed record ChartTable(string Caption, IReadOnlyList<ChartColumn> Columns, IReadOnlyList<IReadOnlyList<ChartCell>> Rows)
{
    /// <summary>A cell written for reading: numbers in their measure's format, texts as they are.</summary>
    public string Format(int row, int column)
    {
        var cell = Rows[row][column];
        return cell.IsNumber ? Columns[column].Measure?.Format(cell.Number) ?? cell.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) : cell.Text!;
    }
}
