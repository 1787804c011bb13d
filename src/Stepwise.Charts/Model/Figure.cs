using Stepwise.Charts.Drawing;

namespace Stepwise.Charts;

/// <summary>A drawn chart: its SVG, what it shows in words, and its data as a table.</summary>
public sealed class Figure
{
    internal Figure(string id, string title, string description, string svg, double width, double height, ChartTable table, IReadOnlyList<LabelBox> labels, LabelBox plot)
    {
        Id = id;
        Title = title;
        Description = description;
        Svg = svg;
        Width = width;
        Height = height;
        Table = table;
        Labels = labels;
        Plot = plot;
    }

    /// <summary>The id prefix of the SVG's elements (unique within a page that shows several charts).</summary>
    public string Id { get; }

    /// <summary>The chart's title.</summary>
    public string Title { get; }

    /// <summary>What the chart shows, in a sentence or two (the SVG's description for screen readers).</summary>
    public string Description { get; }

    /// <summary>The stand-alone SVG document.</summary>
    public string Svg { get; }

    /// <summary>Width in CSS pixels.</summary>
    public double Width { get; }

    /// <summary>Height in CSS pixels.</summary>
    public double Height { get; }

    /// <summary>The data shown, as a table.</summary>
    public ChartTable Table { get; }

    /// <summary>Every text's box, for layout checks.</summary>
    internal IReadOnlyList<LabelBox> Labels { get; }

    /// <summary>The plot area.</summary>
    internal LabelBox Plot { get; }
}
