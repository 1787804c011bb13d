using System.Globalization;

namespace Stepwise.Workbench.Sampling;

/// <summary>
/// One field of a CSV file Stepwise writes for people to open (RFC 4180 quoting; text a spreadsheet would run as a
/// formula gets a leading apostrophe, as OWASP advises; numbers in fixed notation).
/// </summary>
internal static class CsvField
{
    public static string Of(object? value) => value switch
    {
        null => string.Empty,
        double d => double.IsFinite(d) ? d.ToString("0.######", CultureInfo.InvariantCulture) : string.Empty,
        string s => Quote(Neutralise(s)),
        IFormattable f => Quote(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => Quote(value.ToString() ?? string.Empty),
    };

    private static string Neutralise(string text)
    {
        if (text.Length == 0 || text[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r'))
        {
            return text;
        }

        return double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out _) ? text : "'" + text;
    }

    private static string Quote(string text)
        => text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
