using System.Globalization;

namespace Stepwise.Cli.Output;

/// <summary>
/// The one place a CSV cell is written: raw values (never the table view's readable forms), numbers in fixed notation
/// with no thousands separators and never in scientific notation, durations in seconds to the millisecond, shares
/// as fractions to six decimals, instants in ISO-8601, then quoted as RFC 4180 asks.
/// </summary>
public static class CsvCell
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The field for <paramref name="value"/> in <paramref name="column"/>, quoted where needed.</summary>
    public static string Format(object? value, ResultColumn column, CsvDialect dialect) => Quote(Text(value, column, dialect), dialect);

    /// <summary>The unquoted text of a value.</summary>
    public static string Text(object? value, ResultColumn column, CsvDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(dialect);
        return value switch
        {
            null => string.Empty,
            string s => NeutraliseFormula(s),
            bool b => b ? "true" : "false",
            DateTime dt => dt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Invariant),
            DateTimeOffset dto => dto.ToString("yyyy-MM-dd'T'HH:mm:sszzz", Invariant),
            DateOnly d => d.ToString("yyyy-MM-dd", Invariant),
            double d => Number(d, column, dialect),
            float f => Number(f, column, dialect),
            decimal m => Number((double)m, column, dialect),
            int or long or short or byte or uint or ulong => Convert.ToString(value, Invariant)!,
            IFormattable f => f.ToString(null, Invariant),
            _ => value.ToString() ?? string.Empty,
        };
    }

    /// <summary>
    /// Text that a spreadsheet would run as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a
    /// carriage return) gets a leading apostrophe, which spreadsheets show as text (OWASP's advice on CSV injection).
    /// Text that is a plain number (<c>-12.5</c>, <c>+44</c>) is left as it is: it cannot run anything.
    /// </summary>
    public static string NeutraliseFormula(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || text[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r'))
        {
            return text;
        }

        return double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, Invariant, out _) ? text : "'" + text;
    }

    /// <summary>Quotes a field when it holds the delimiter, a quote or a line break (RFC 4180).</summary>
    public static string Quote(string? text, CsvDialect dialect)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        bool quote = text.Contains(dialect.Delimiter, StringComparison.Ordinal) || text.AsSpan().IndexOfAny("\"\r\n") >= 0;
        return quote ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static string Number(double value, ResultColumn column, CsvDialect dialect)
    {
        if (!double.IsFinite(value))
        {
            return string.Empty;
        }

        int decimals = column.Kind switch
        {
            CellKind.Integer => 0,
            CellKind.Duration => 3,
            CellKind.Share => 6,
            _ => Math.Max(column.Decimals, 6),
        };
        double rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        if (rounded == 0)
        {
            rounded = 0; // no "-0"
        }

        // A custom format never switches to scientific notation; "R" does above 1e15 and below 1e-5.
        string text = rounded.ToString(decimals == 0 ? "0" : "0." + new string('#', decimals), Invariant);
        return dialect.DecimalComma ? text.Replace('.', ',') : text;
    }
}
