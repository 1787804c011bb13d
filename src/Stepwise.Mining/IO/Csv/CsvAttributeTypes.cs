using System.Globalization;
using Stepwise.Mining.Attributes;
using Stepwise.Mining.Time;

namespace Stepwise.Mining.IO.Csv;

/// <summary>
/// Gives a text attribute column a type when every distinct value has it: whole numbers, then numbers, then
/// booleans, then timestamps (in the log's timestamp layout or ISO-8601); else it stays text. Deciding on the
/// distinct values costs little, since a column's dictionary is usually small.
/// </summary>
internal static class CsvAttributeTypes
{
    public static AttributeColumn Infer(string name, int[] codes, int count, NameTable values, TimestampFormat timeFormat)
    {
        if (values.Count == 0)
        {
            return StringColumn.Trusted(name, codes, values, count);
        }

        if (TryAll(values, (string s, out long v) => long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out v) && !HasLeadingZero(s), out long[] longs))
        {
            return new IntegerColumn(name, Expand(codes, count, longs, out var nulls), nulls);
        }

        if (TryAll(values, (string s, out double v) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v) && !HasLeadingZero(s) && double.IsFinite(v), out double[] doubles))
        {
            return new FloatColumn(name, Expand(codes, count, doubles, out var nulls), nulls);
        }

        if (TryAll(values, (string s, out bool v) => bool.TryParse(s, out v), out bool[] bools))
        {
            return new BooleanColumn(name, Expand(codes, count, bools, out var nulls), nulls);
        }

        var iso = timeFormat with { Layout = TimestampLayout.Iso8601 };
        if (values.Any(v => v.Length >= 8 && v.Any(char.IsDigit))
            && (TryAll(values, (string s, out long v) => TimestampParser.TryParse(s, timeFormat, out v), out long[] times)
                || TryAll(values, (string s, out long v) => TimestampParser.TryParse(s, iso, out v), out times)))
        {
            return new TimestampColumn(name, Expand(codes, count, times, out var nulls), nulls);
        }

        return StringColumn.Trusted(name, codes, values, count);
    }

    // An identifier such as 007 or 0123 must stay text, or its leading zeros would be lost.
    private static bool HasLeadingZero(string s)
    {
        var digits = s.AsSpan().TrimStart('-');
        return digits.Length > 1 && digits[0] == '0' && digits[1] != '.';
    }

    private delegate bool Parser<T>(string text, out T value);

    private static bool TryAll<T>(NameTable values, Parser<T> parse, out T[] parsed)
    {
        parsed = new T[values.Count];
        for (int i = 0; i < values.Count; i++)
        {
            if (!parse(values[i], out parsed[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static T[] Expand<T>(int[] codes, int count, T[] byCode, out NullMask? nulls)
    {
        var result = new T[count];
        nulls = null;
        for (int i = 0; i < count; i++)
        {
            int code = codes[i];
            if (code < 0)
            {
                nulls ??= new NullMask(count);
                nulls.SetNull(i);
            }
            else
            {
                result[i] = byCode[code];
            }
        }

        return result;
    }
}
