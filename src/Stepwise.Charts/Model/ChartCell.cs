namespace Stepwise.Charts;

/// <summary>One cell of a chart's data table: a number (in its column's measure) or a text.</summary>
public readonly record struct ChartCell
{
    private ChartCell(string? text, double number)
    {
        Text = text;
        Number = number;
    }

    /// <summary>The text, or null for a number cell.</summary>
    public string? Text { get; }

    /// <summary>The number (NaN for a text cell or a missing value).</summary>
    public double Number { get; }

    /// <summary>Whether this is a number cell.</summary>
    public bool IsNumber => Text is null;

    /// <summary>A text cell.</summary>
    public static ChartCell Of(string text) => new(text ?? string.Empty, double.NaN);

    /// <summary>A number cell (NaN for a missing value).</summary>
    public static ChartCell Of(double number) => new(null, number);
}
