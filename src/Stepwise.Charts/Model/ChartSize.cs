namespace Stepwise.Charts;

/// <summary>
/// The size a chart is drawn for, in CSS pixels, and its base font size. Charts with many categories grow taller
/// than <see cref="Height"/> rather than squeeze their labels.
/// </summary>
public sealed record ChartSize
{
    /// <summary>The text width of an A4 page with 20 mm margins (170 mm at 96 px per inch), 11 px text
    /// (about 8 pt when printed).</summary>
    public static ChartSize A4 { get; } = new(640, 360, 11);

    /// <summary>A 16:9 slide below its headline, text large enough to read from the back of a room.</summary>
    public static ChartSize Slide { get; } = new(960, 470, 16);

    /// <summary>A screen panel in the web app.</summary>
    public static ChartSize Screen { get; } = new(720, 400, 12);

    /// <summary>A size; width 240..4000, height 160..4000, font 6..40 px.</summary>
    public ChartSize(double width, double height, double fontSize)
    {
        if (!(width >= 240 && width <= 4000))
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "A chart is 240 to 4000 px wide.");
        }

        if (!(height >= 160 && height <= 4000))
        {
            throw new ArgumentOutOfRangeException(nameof(height), height, "A chart is 160 to 4000 px high.");
        }

        if (!(fontSize >= 6 && fontSize <= 40))
        {
            throw new ArgumentOutOfRangeException(nameof(fontSize), fontSize, "The font size is 6 to 40 px.");
        }

        Width = width;
        Height = height;
        FontSize = fontSize;
    }

    /// <summary>Width in CSS pixels.</summary>
    public double Width { get; }

    /// <summary>Height in CSS pixels: a chart may grow to fit its categories, and a chart of horizontal bars with few
    /// categories is only as tall as its bars need.</summary>
    public double Height { get; }

    /// <summary>The base font size in CSS pixels (tick and category labels); titles are larger.</summary>
    public double FontSize { get; }
}
