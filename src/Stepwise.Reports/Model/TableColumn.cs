using Stepwise.Charts;

namespace Stepwise.Reports;

/// <summary>A typed column of a report table.</summary>
public sealed record TableColumn
{
    private TableColumn(string name, ColumnKind kind, int decimals, TimeUnit timeUnit, string unit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Kind = kind;
        Decimals = decimals;
        TimeUnit = timeUnit;
        Unit = unit;
    }

    /// <summary>The column's name, without its unit.</summary>
    public string Name { get; }

    /// <summary>What it holds.</summary>
    public ColumnKind Kind { get; }

    /// <summary>Decimals shown.</summary>
    public int Decimals { get; }

    /// <summary>The unit durations are shown in.</summary>
    public TimeUnit TimeUnit { get; }

    /// <summary>The unit of a number or money column (may be empty).</summary>
    public string Unit { get; }

    /// <summary>The header: the name with the unit in brackets where there is one (<c>Waiting time (hours)</c>).</summary>
    public string Header => Kind switch
    {
        ColumnKind.Duration => $"{Name} ({TimeUnits.Name(TimeUnit)})",
        ColumnKind.Percent => $"{Name} (%)",
        ColumnKind.Number or ColumnKind.Money when Unit.Length > 0 => $"{Name} ({Unit})",
        _ => Name,
    };

    /// <summary>Whether cells are numbers.</summary>
    public bool IsNumeric => Kind is ColumnKind.Number or ColumnKind.Count or ColumnKind.Percent or ColumnKind.Duration or ColumnKind.Money;

    /// <summary>A text column.</summary>
    public static TableColumn Text(string name) => new(name, ColumnKind.Text, 0, TimeUnit.Hours, string.Empty);

    /// <summary>A free-text column that may hold personal data.</summary>
    public static TableColumn Comment(string name) => new(name, ColumnKind.Comment, 0, TimeUnit.Hours, string.Empty);

    /// <summary>A number column.</summary>
    public static TableColumn Number(string name, int decimals = 1, string unit = "") => new(name, ColumnKind.Number, decimals, TimeUnit.Hours, unit);

    /// <summary>A count column.</summary>
    public static TableColumn Count(string name) => new(name, ColumnKind.Count, 0, TimeUnit.Hours, string.Empty);

    /// <summary>A percentage column (cells are fractions 0..1).</summary>
    public static TableColumn Percent(string name, int decimals = 1) => new(name, ColumnKind.Percent, decimals, TimeUnit.Hours, "%");

    /// <summary>A duration column: cells hold seconds, shown in <paramref name="unit"/>.</summary>
    public static TableColumn Duration(string name, TimeUnit unit, int decimals = 1) => new(name, ColumnKind.Duration, decimals, unit, TimeUnits.Name(unit));

    /// <summary>A date column.</summary>
    public static TableColumn Date(string name) => new(name, ColumnKind.Date, 0, TimeUnit.Hours, string.Empty);

    /// <summary>A money column.</summary>
    public static TableColumn Money(string name, string currency, int decimals = 0) => new(name, ColumnKind.Money, decimals, TimeUnit.Hours, currency);

    /// <summary>The same column written with <paramref name="decimals"/> decimals.</summary>
    public TableColumn WithDecimals(int decimals) => new(Name, Kind, decimals, TimeUnit, Unit);

    /// <summary>The measure a numeric column's values are written with (durations in the column's unit).</summary>
    public Measure? Measure => Kind switch
    {
        ColumnKind.Number => Charts.Measure.Number(Name, Unit, Decimals),
        ColumnKind.Count => Charts.Measure.Count(Name),
        ColumnKind.Percent => Charts.Measure.Percent(Name, Decimals),
        ColumnKind.Duration => Charts.Measure.Duration(Name, TimeUnit, Decimals),
        ColumnKind.Money => Charts.Measure.Money(Name, Unit, Decimals),
        _ => null,
    };

    /// <summary>The number shown for a cell: durations converted from seconds to the column's unit.</summary>
    public double Shown(double value) => Kind == ColumnKind.Duration ? TimeUnits.FromSeconds(value, TimeUnit) : value;

    /// <summary>A cell as text for reading (numbers with their unit, dates as ISO dates).</summary>
    public string Format(TableCell cell) => cell.Kind switch
    {
        TableCellKind.Number => Measure?.Format(Shown(cell.Number)) ?? cell.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        TableCellKind.Date => cell.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        TableCellKind.Text => cell.Text!,
        _ => string.Empty,
    };
}
