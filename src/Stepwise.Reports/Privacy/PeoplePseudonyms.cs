using System.Text;
using System.Text.RegularExpressions;

namespace Stepwise.Reports.Privacy;

/// <summary>
/// Replaces the names of the people who did the work (the values of an event log's resource attribute) with
/// pseudonyms wherever they stand in a text as whole words: "Earl" becomes "Resource 12" and "Earlier" stays. Each
/// name has one pseudonym, so the same person is the same resource throughout a report. Names that hold no letter
/// (employee numbers, "-") are left alone, since replacing them would change counts and figures.
/// </summary>
public sealed class PeoplePseudonyms
{
    private readonly Dictionary<string, string> _pseudonyms;
    private readonly Dictionary<string, string> _words;
    private readonly Regex? _pattern;

    /// <summary>Pseudonyms for <paramref name="names"/>, numbered in the order given (1, 2, ...).</summary>
    /// <param name="names">The people's names, in the order their numbers are given; duplicates and names without a
    /// letter are skipped.</param>
    /// <param name="word">The word before the number (<c>Resource</c>).</param>
    public PeoplePseudonyms(IEnumerable<string> names, string word = "Resource")
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentException.ThrowIfNullOrWhiteSpace(word);
        _pseudonyms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string raw in names)
        {
            string name = (raw ?? string.Empty).Trim();
            if (name.Length > 0 && name.Any(char.IsLetter) && !_pseudonyms.ContainsKey(name))
            {
                _pseudonyms[name] = $"{word} {_pseudonyms.Count + 1}";
            }
        }

        _words = _pseudonyms.Where(p => p.Key.All(IsWordChar)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

        // One-word names are looked up word by word (a log may have thousands of people); only names of several words
        // or with punctuation go through a pattern, longest first, so "Anna Maria" is replaced before "Anna".
        var phrases = _pseudonyms.Keys.Where(n => !n.All(IsWordChar)).OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).ToList();
        if (phrases.Count > 0)
        {
            var alternatives = new StringBuilder();
            foreach (string name in phrases)
            {
                alternatives.Append(alternatives.Length == 0 ? string.Empty : "|").Append(Regex.Escape(name));
            }

            _pattern = new Regex($@"(?<![\p{{L}}\p{{N}}_])(?:{alternatives})(?![\p{{L}}\p{{N}}_])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
        }
    }

    /// <summary>How many names have a pseudonym.</summary>
    public int Count => _pseudonyms.Count;

    /// <summary>The pseudonym of a name, or null when it has none.</summary>
    public string? Of(string name) => _pseudonyms.GetValueOrDefault(name);

    /// <summary>The text with every name that stands as a whole word replaced by its pseudonym.</summary>
    public string Replace(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_pseudonyms.Count == 0)
        {
            return text;
        }

        // Phrases first, then single words; a pseudonym put in by a phrase is not a name (its number holds no letter,
        // and "Resource" is replaced only if a person is called that).
        string phrased = _pattern is null ? text : _pattern.Replace(text, m => _pseudonyms[m.Value]);
        var result = new StringBuilder(phrased.Length);
        int i = 0;
        while (i < phrased.Length)
        {
            if (!IsWordChar(phrased[i]))
            {
                result.Append(phrased[i++]);
                continue;
            }

            int end = i;
            while (end < phrased.Length && IsWordChar(phrased[end]))
            {
                end++;
            }

            var word = phrased.AsSpan(i, end - i);
            if (_words.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out string? pseudonym))
            {
                result.Append(pseudonym);
            }
            else
            {
                result.Append(word);
            }

            i = end;
        }

        return result.ToString();
    }

    /// <summary>The document with every name in every text (see <see cref="ReportTexts"/>) replaced by its pseudonym.</summary>
    public ReportDocument Apply(ReportDocument document) => _pseudonyms.Count == 0 ? document : ReportTexts.Rewrite(document, Replace);

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
