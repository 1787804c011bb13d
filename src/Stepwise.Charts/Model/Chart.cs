namespace Stepwise.Charts;

/// <summary>
/// A chart described by its data: each kind of chart is a record of what it shows, drawn by <see cref="Render"/> at
/// the size a page, a slide or a screen needs. The same record and size always give the same SVG.
/// </summary>
public abstract record Chart
{
    private readonly string _title = "Chart";

    /// <summary>What the chart shows; drawn at its top and used as its accessible name.</summary>
    public required string Title
    {
        get => _title;
        init
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value, nameof(Title));
            _title = value;
        }
    }

    /// <summary>A line under the title: the population, the period, the method.</summary>
    public string? Subtitle { get; init; }

    /// <summary>Notes under the chart (sources, what was left out and why).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Draws the chart.</summary>
    /// <param name="size">The size to draw for (default <see cref="ChartSize.A4"/>).</param>
    /// <param name="id">The id prefix of the SVG's elements; unique within a page that shows several charts.</param>
    public Figure Render(ChartSize? size = null, string id = "chart")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Draw(size ?? ChartSize.A4, id);
    }

    /// <summary>Draws the chart at <paramref name="size"/>.</summary>
    private protected abstract Figure Draw(ChartSize size, string id);
}
