using System.Globalization;

namespace Stepwise.Statistics.Feedback;

/// <summary>Reads response dates with a list of formats, after removing ordinal suffixes (<c>19th November 2023</c>).</summary>
internal sealed class DateReader
{
    /// <summary>Formats tried when none are given: ISO-8601 first, then day-first (UK) forms, then month-first.</summary>
    internal static readonly string[] DefaultFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "dd/MM/yyyy", "d/M/yyyy", "dd/MM/yyyy HH:mm", "dd/MM/yyyy HH:mm:ss",
        "d MMMM yyyy", "d MMM yyyy", "dd-MMM-yyyy", "d.M.yyyy", "MMMM d yyyy", "MMM d yyyy", "M/d/yyyy", "M/d/yyyy H:mm",
    ];

    private string[] _formats;

    public DateReader(IReadOnlyList<string> formats)
    {
        _formats = formats.Count == 0 ? DefaultFormats : [.. formats];
    }

    /// <summary>The formats, narrowed by <see cref="Narrow"/> to those that read every value seen.</summary>
    public IReadOnlyList<string> Formats => _formats;

    /// <summary>Picks the first format that reads every one of <paramref name="values"/>; returns it, or null.</summary>
    public string? Narrow(IEnumerable<string> values)
    {
        foreach (string format in _formats)
        {
            bool all = true;
            bool any = false;
            foreach (string value in values)
            {
                any = true;
                if (!TryParseExact(value, format, out _))
                {
                    all = false;
                    break;
                }
            }

            if (all && any)
            {
                return format;
            }
        }

        return null;
    }

    /// <summary>From now on reads only with <paramref name="format"/>, so that a column is read one way throughout
    /// (03/11/2023 is not read day-first in one row and month-first in another).</summary>
    public void Restrict(string format) => _formats = [format];

    public bool TryParse(string value, out DateTime date)
    {
        foreach (string format in _formats)
        {
            if (TryParseExact(value, format, out date))
            {
                return true;
            }
        }

        date = default;
        return false;
    }

    private static bool TryParseExact(string value, string format, out DateTime date)
    {
        string cleaned = StripOrdinals(value.Trim()).Replace(",", string.Empty, StringComparison.Ordinal);
        return DateTime.TryParseExact(cleaned, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out date);
    }

    /// <summary>Removes st/nd/rd/th after a day number: <c>21st August 2017</c> becomes <c>21 August 2017</c>.</summary>
    internal static string StripOrdinals(string value)
    {
        for (int i = 0; i + 2 < value.Length; i++)
        {
            if (!char.IsDigit(value[i]))
            {
                continue;
            }

            var next = value.AsSpan(i + 1, 2);
            bool suffix = next.Equals("st", StringComparison.OrdinalIgnoreCase) || next.Equals("nd", StringComparison.OrdinalIgnoreCase)
                || next.Equals("rd", StringComparison.OrdinalIgnoreCase) || next.Equals("th", StringComparison.OrdinalIgnoreCase);
            if (suffix && (i + 3 == value.Length || !char.IsLetter(value[i + 3])))
            {
                return string.Concat(value.AsSpan(0, i + 1), value.AsSpan(i + 3));
            }
        }

        return value;
    }
}
