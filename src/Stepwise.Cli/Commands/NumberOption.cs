using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Stepwise.Cli.Commands;

/// <summary>
/// Numeric options whose parse errors speak the user's language ("--size: 'ten' is not a whole number"), never the
/// framework's ("as expected type 'System.Int32'", "System.Nullable`1[System.Double]").
/// </summary>
public static class NumberOption
{
    /// <summary>A whole-number option.</summary>
    public static Option<int> Whole(string name, string description, int? fallback = null, bool required = false)
    {
        var option = new Option<int>(name) { Description = description, Required = required, CustomParser = r => Parse<int>(r, name, "a whole number", s => int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v) ? v : null) };
        if (fallback is int f)
        {
            option.DefaultValueFactory = _ => f;
        }

        return option;
    }

    /// <summary>A count of rows to show: a whole number of at least 1.</summary>
    public static Option<int> Rows(string name, string description, int fallback)
        => new(name) { Description = description, DefaultValueFactory = _ => fallback, CustomParser = r => Parse<int>(r, name, "a whole number of at least 1", AtLeastOne) };

    /// <summary>An optional count of rows to show: a whole number of at least 1.</summary>
    public static Option<int?> OptionalRows(string name, string description)
        => new(name) { Description = description, CustomParser = r => Parse<int>(r, name, "a whole number of at least 1", AtLeastOne) };

    private static int? AtLeastOne(string s) => int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v) && v >= 1 ? v : null;

    /// <summary>A long whole-number option (seeds).</summary>
    public static Option<long> Long(string name, string description, long fallback)
        => new(name) { Description = description, DefaultValueFactory = _ => fallback, CustomParser = r => Parse<long>(r, name, "a whole number", s => long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v) ? v : null) };

    /// <summary>An optional long whole-number option.</summary>
    public static Option<long?> OptionalLong(string name, string description)
        => new(name) { Description = description, CustomParser = r => Parse<long>(r, name, "a whole number", s => long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v) ? v : null) };

    /// <summary>A number option.</summary>
    public static Option<double> Number(string name, string description, double? fallback = null, bool required = false)
    {
        var option = new Option<double>(name) { Description = description, Required = required, CustomParser = r => Parse<double>(r, name, "a number", ParseDouble) };
        if (fallback is double f)
        {
            option.DefaultValueFactory = _ => f;
        }

        return option;
    }

    /// <summary>An optional number option.</summary>
    public static Option<double?> OptionalNumber(string name, string description)
        => new(name) { Description = description, CustomParser = r => Parse<double>(r, name, "a number", ParseDouble) };

    private static double? ParseDouble(string s)
        => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) ? v : null;

    private static T Parse<T>(ArgumentResult result, string name, string what, Func<string, T?> parse)
        where T : struct
    {
        string token = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (parse(token) is T value)
        {
            return value;
        }

        result.AddError($"{name}: '{token}' is not {what}.");
        return default;
    }
}
