using Stepwise.Charts.Drawing;

namespace Stepwise.Charts;

/// <summary>
/// What a value is and in which unit, so that axes, labels and table headers always state the unit their values are
/// in (a duration in hours is labelled hours and written "12.5 h"). Build with the factory methods.
/// </summary>
public sealed record Measure
{
    private Measure(string name, MeasureKind kind, string unit, int decimals, TimeUnit timeUnit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 6);
        Name = name;
        Kind = kind;
        Unit = unit;
        Decimals = decimals;
        TimeUnit = timeUnit;
    }

    /// <summary>What is measured (<c>Waiting time</c>, <c>Satisfied</c>).</summary>
    public string Name { get; }

    /// <summary>How values are written.</summary>
    public MeasureKind Kind { get; }

    /// <summary>The unit's name in titles and headers (<c>hours</c>, <c>%</c>, <c>GBP</c>, <c>points of 5</c>);
    /// empty for counts and unitless numbers.</summary>
    public string Unit { get; }

    /// <summary>Decimals in value labels (percentages: of the percentage).</summary>
    public int Decimals { get; }

    /// <summary>The unit of a duration measure (values are in this unit).</summary>
    public TimeUnit TimeUnit { get; }

    /// <summary>The measure's title on an axis or in a header: the name and, where there is one, the unit in
    /// brackets (<c>Waiting time (hours)</c>).</summary>
    public string Title => Unit.Length == 0 ? Name : $"{Name} ({Unit})";

    /// <summary>A plain number, e.g. a mean score, with its unit (may be empty).</summary>
    public static Measure Number(string name, string unit = "", int decimals = 1) => new(name, MeasureKind.Number, unit, decimals, TimeUnit.Hours);

    /// <summary>A count (cases, responses).</summary>
    public static Measure Count(string name) => new(name, MeasureKind.Count, string.Empty, 0, TimeUnit.Hours);

    /// <summary>A share; values are fractions 0..1, written as percentages.</summary>
    public static Measure Percent(string name, int decimals = 0) => new(name, MeasureKind.Percent, "%", decimals, TimeUnit.Hours);

    /// <summary>A duration; values are in <paramref name="unit"/>.</summary>
    public static Measure Duration(string name, TimeUnit unit, int decimals = 1) => new(name, MeasureKind.Duration, TimeUnits.Name(unit), decimals, unit);

    /// <summary>Money; <paramref name="currency"/> is a symbol (£, €, $) or an ISO code (GBP), or empty when the data
    /// names none (the amounts are then written without one, never in a currency guessed for them).</summary>
    public static Measure Money(string name, string currency, int decimals = 0)
    {
        ArgumentNullException.ThrowIfNull(currency);
        return new(name, MeasureKind.Currency, currency.Trim(), decimals, TimeUnit.Hours);
    }

    /// <summary>The same measure under another name.</summary>
    public Measure Named(string name) => new(name, Kind, Unit, Decimals, TimeUnit);

    /// <summary>A value as a label, with its unit: <c>62%</c>, <c>12.5 h</c>, <c>£1,200</c>, <c>1,234</c>. NaN is
    /// written as an en dash.</summary>
    public string Format(double value) => Format(value, Decimals);

    /// <summary>A value as a label with <paramref name="decimals"/> decimals.</summary>
    public string Format(double value, int decimals)
    {
        if (!double.IsFinite(value))
        {
            return "\u2013";
        }

        return Kind switch
        {
            MeasureKind.Percent => NumberText.Grouped(value * 100, decimals) + "%",
            MeasureKind.Count => NumberText.Grouped(value, 0),
            MeasureKind.Duration => NumberText.Grouped(value, decimals) + " " + TimeUnits.Symbol(TimeUnit),
            MeasureKind.Currency => Money(value, decimals),
            _ => NumberText.Grouped(value, decimals),
        };
    }

    /// <summary>A tick label: the number only (the axis title carries the unit), percentages with their sign.</summary>
    /// <param name="value">The tick's value.</param>
    /// <param name="decimals">Decimals of the value (of the fraction, for a percentage).</param>
    public string Tick(double value, int decimals) => Kind switch
    {
        MeasureKind.Percent => NumberText.Grouped(value * 100, Math.Max(0, decimals - 2)) + "%",
        _ => NumberText.Grouped(value, decimals),
    };

    private string Money(double value, int decimals)
    {
        string sign = value < 0 ? "\u2212" : string.Empty;
        string amount = NumberText.Grouped(Math.Abs(value), decimals);
        return Unit.Length <= 1 || !char.IsLetter(Unit[0]) && Unit.Length <= 2 ? sign + Unit + amount : sign + amount + " " + Unit;
    }
}
