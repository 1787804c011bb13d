using System.Text;
using System.Text.RegularExpressions;

namespace Stepwise.Text.Privacy;

/// <summary>
/// Removes personal data from comments before they are shown or stored in results: e-mail addresses, phone
/// numbers, payment card numbers (Luhn-checked), sort codes, IBANs and account numbers, UK postcodes, names known
/// from a name column (the full names of every respondent, and the respondent's own first and last names in their
/// own comment), and names found in the text itself by <see cref="NameFinder"/> (staff and customers named in a
/// comment, with no name column needed). Placeholders say what was removed, never what it was.
/// </summary>
public sealed partial class Redactor
{
    private readonly HashSet<string> _fullNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly int _longestName;
    private readonly NameFinder? _finder;

    /// <summary>
    /// Creates a redactor that also removes the given full names (e.g. every value of a name column) wherever they
    /// appear with every part capitalised ("A Long" is a name, "a long wait" is not), and names found in the text.
    /// </summary>
    /// <param name="knownNames">Full names to remove wherever they appear (e.g. every value of a name column).</param>
    /// <param name="findNames">Whether to find names in the text from the gazetteer and patterns (on by default).</param>
    public Redactor(IEnumerable<string?>? knownNames = null, bool findNames = true)
    {
        _finder = findNames ? NameFinder.Default : null;
        foreach (string? raw in knownNames ?? [])
        {
            var parts = NameParts(raw);
            if (parts.Count >= 2 && string.Join(' ', parts).Length >= 5)
            {
                _fullNames.Add(string.Join(' ', parts));
                _longestName = Math.Max(_longestName, parts.Count);
            }
        }
    }

    /// <summary>Redacts <paramref name="text"/>; <paramref name="respondentName"/> is the author's own name, if known.</summary>
    public Redaction Redact(string? text, string? respondentName = null)
    {
        var counts = new Dictionary<RedactionKind, int>();
        if (string.IsNullOrEmpty(text))
        {
            return new Redaction(text ?? string.Empty, counts);
        }

        string result = text;
        result = Replace(result, EmailPattern(), RedactionKind.Email, "[email]", counts);
        result = Replace(result, SpelledEmailPattern(), RedactionKind.Email, "[email]", counts);
        result = Replace(result, IbanPattern(), RedactionKind.Account, "[account]", counts);
        result = DigitRuns(result, counts);
        result = Replace(result, SortCodePattern(), RedactionKind.Account, "[account]", counts);
        result = Replace(result, PostcodePattern(), RedactionKind.Postcode, "[postcode]", counts);
        if (_fullNames.Count > 0)
        {
            result = KnownNames(result, counts);
        }

        if (!string.IsNullOrWhiteSpace(respondentName))
        {
            result = OwnName(result, respondentName, counts);
        }

        if (_finder is not null)
        {
            result = FoundNames(result, counts);
        }

        return new Redaction(result, counts);
    }

    /// <summary>Luhn check of a string of digits.</summary>
    internal static bool PassesLuhn(ReadOnlySpan<char> digits)
    {
        int sum = 0;
        bool doubleIt = false;
        for (int i = digits.Length - 1; i >= 0; i--)
        {
            int d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    // Runs of digits with spaces, dashes, dots or brackets between them: card numbers, phone numbers, account numbers.
    private static string DigitRuns(string text, Dictionary<RedactionKind, int> counts)
    {
        return DigitRunPattern().Replace(text, match =>
        {
            string value = match.Value;
            var digits = new StringBuilder(value.Length);
            foreach (char c in value)
            {
                if (char.IsDigit(c))
                {
                    digits.Append(c);
                }
            }

            int n = digits.Length;
            bool plus = value.StartsWith('+');
            RedactionKind? kind = null;
            if (n >= 13 && n <= 19 && !plus && PassesLuhn(digits.ToString()))
            {
                kind = RedactionKind.Card;
            }
            else if (n >= 10 && n <= 15 && (plus || digits[0] == '0'))
            {
                kind = RedactionKind.Phone;
            }
            else if (n >= 8 && !value.Contains('.', StringComparison.Ordinal))
            {
                kind = RedactionKind.Account;
            }

            if (kind is not RedactionKind k)
            {
                return value;
            }

            counts[k] = counts.GetValueOrDefault(k) + 1;
            return k switch { RedactionKind.Card => "[card]", RedactionKind.Phone => "[phone]", _ => "[account]" };
        });
    }

    // Scans capitalised words and looks up runs of two or more of them among the known full names, longest first.
    private string KnownNames(string text, Dictionary<RedactionKind, int> counts)
    {
        var words = new List<(int Start, int End)>();
        for (int i = 0; i < text.Length;)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < text.Length && (char.IsLetter(text[i]) || ((text[i] is '\'' or '’' or '-') && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
            {
                i++;
            }

            words.Add((start, i));
        }

        var output = new StringBuilder(text.Length);
        int copied = 0, found = 0;
        var key = new StringBuilder();
        for (int w = 0; w < words.Count; w++)
        {
            if (!char.IsUpper(text[words[w].Start]))
            {
                continue;
            }

            for (int length = Math.Min(_longestName, words.Count - w); length >= 2; length--)
            {
                key.Clear();
                bool capitalised = true;
                for (int k = w; k < w + length && capitalised; k++)
                {
                    capitalised = char.IsUpper(text[words[k].Start]) && (k == w || OnlySpaceOrDot(text, words[k - 1].End, words[k].Start));
                    key.Append(k == w ? string.Empty : " ").Append(text, words[k].Start, words[k].End - words[k].Start);
                }

                if (capitalised && _fullNames.Contains(key.ToString()))
                {
                    output.Append(text, copied, words[w].Start - copied).Append("[name]");
                    copied = words[w + length - 1].End;
                    found++;
                    w += length - 1;
                    break;
                }
            }
        }

        if (found == 0)
        {
            return text;
        }

        output.Append(text, copied, text.Length - copied);
        counts[RedactionKind.Name] = counts.GetValueOrDefault(RedactionKind.Name) + found;
        return output.ToString();
    }

    private string FoundNames(string text, Dictionary<RedactionKind, int> counts)
    {
        var spans = _finder!.Find(text);
        if (spans.Count == 0)
        {
            return text;
        }

        var output = new StringBuilder(text.Length);
        int copied = 0;
        foreach (var (start, length) in spans)
        {
            output.Append(text, copied, start - copied).Append("[name]");
            copied = start + length;
        }

        output.Append(text, copied, text.Length - copied);
        counts[RedactionKind.Name] = counts.GetValueOrDefault(RedactionKind.Name) + spans.Count;
        return output.ToString();
    }

    private static bool OnlySpaceOrDot(string text, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (text[i] is not (' ' or '.'))
            {
                return false;
            }
        }

        return to > from;
    }

    private static List<string> NameParts(string? name)
        => name is null ? [] : [.. name.Split([' ', '.', '\t'], StringSplitOptions.RemoveEmptyEntries)];

    // The author's own name: in full whatever its case, and each part of three letters or more when capitalised
    // (a name column written in lower case still protects "Barbara" in the text).
    private static string OwnName(string text, string name, Dictionary<RedactionKind, int> counts)
    {
        var parts = NameParts(name);
        if (parts.Count >= 2)
        {
            var full = new Regex(@"\b" + string.Join(@"[\s.]+", parts.Select(Regex.Escape)) + @"\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            text = Replace(text, full, RedactionKind.Name, "[name]", counts);
        }

        foreach (string part in parts)
        {
            if (part.Length < 3 || !char.IsLetter(part[0]))
            {
                continue;
            }

            string capitalised = char.ToUpperInvariant(part[0]) + part[1..];
            var pattern = new Regex(@"\b" + Regex.Escape(capitalised) + @"\b", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            text = Replace(text, pattern, RedactionKind.Name, "[name]", counts);
        }

        return text;
    }

    private static string Replace(string text, Regex pattern, RedactionKind kind, string placeholder, Dictionary<RedactionKind, int> counts)
    {
        int found = 0;
        string result = pattern.Replace(text, _ =>
        {
            found++;
            return placeholder;
        });
        if (found > 0)
        {
            counts[kind] = counts.GetValueOrDefault(kind) + found;
        }

        return result;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    // Addresses written out to get past filters: "jane.doe at gmail dot com", "jane (at) example (dot) co (dot) uk",
    // "doe at hotmail". A free-mail provider is enough; any other domain needs its "dot" and a common ending, so that
    // "arrived at noon" stays.
    [GeneratedRegex(@"\b[A-Za-z0-9._%+\-]+\s*(?:\(at\)|\[at\]|\s+at\s+)\s*(?:(?:gmail|googlemail|hotmail|yahoo|outlook|icloud|aol|btinternet|gmx)\b(?:\s*(?:\(dot\)|\[dot\]|\s+dot\s+|\.)\s*[A-Za-z]{2,3}\b)*|[A-Za-z0-9\-]+(?:\s*(?:\(dot\)|\[dot\]|\s+dot\s+)\s*[A-Za-z0-9\-]+)*\s*(?:\(dot\)|\[dot\]|\s+dot\s+)\s*(?:com|net|org|edu|gov|co|uk|ie|de|fr|nl|info|biz|io)\b)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SpelledEmailPattern();

    [GeneratedRegex(@"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b", RegexOptions.CultureInvariant)]
    private static partial Regex IbanPattern();

    [GeneratedRegex(@"(?<![\w£$€.,])\+?\(?\d[\d \-().]{6,}\d(?![\w%])", RegexOptions.CultureInvariant)]
    private static partial Regex DigitRunPattern();

    [GeneratedRegex(@"\b\d{2}-\d{2}-\d{2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex SortCodePattern();

    [GeneratedRegex(@"\b(?:[A-Z]{1,2}\d[A-Z\d]?|[A-Z]{1,2}\d{1,2}) ?\d[ABD-HJLNP-UW-Z]{2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex PostcodePattern();
}
