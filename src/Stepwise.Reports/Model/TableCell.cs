namespace Stepwise.Reports;

/// <summary>One cell: text, a number, a date, or empty.</summary>
public readonly record struct TableCell
{
    private TableCell(TableCellKind kind, string? text, double number, DateOnly date)
    {
        Kind = kind;
        Text = text;
        Number = number;
        Date = date;
    }

    /// <summary>What it holds.</summary>
    public TableCellKind Kind { get; }

    /// <summary>The text of a text cell.</summary>
    public string? Text { get; }

    /// <summary>The number of a number cell (durations in seconds, shares as fractions).</summary>
    public double Number { get; }

    /// <summary>The date of a date cell.</summary>
    public DateOnly Date { get; }

    /// <summary>An empty cell.</summary>
    public static TableCell Empty => default;

    /// <summary>A text cell.</summary>
    public static TableCell Of(string? text) => text is null ? default : new(TableCellKind.Text, text, double.NaN, default);

    /// <summary>A number cell; NaN or infinity becomes an empty cell.</summary>
    public static TableCell Of(double number) => double.IsFinite(number) ? new(TableCellKind.Number, null, number, default) : default;

    /// <summary>A date cell.</summary>
    public static TableCell Of(DateOnly date) => new(TableCellKind.Date, null, double.NaN, date);

    /// <summary>Text as a cell.</summary>
    public static implicit operator TableCell(string? text) => Of(text);

    /// <summary>A number as a cell.</summary>
    public static implicit operator TableCell(double number) => Of(number);

    /// <summary>A date as a cell.</summary>
    public static implicit operator TableCell(DateOnly date) => Of(date);
}
