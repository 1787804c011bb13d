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

        if (_pseudonyms.Count > 0)
        {
            // Longest first, so "Anna Maria" is replaced before "Anna".
            var alternatives = new StringBuilder();
            foreach (string name in _pseudonyms.Keys.OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal))
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
        return _pattern is null ? text : _pattern.Replace(text, m => _pseudonyms[m.Value]);
    }

    /// <summary>The document with every name in every text (see <see cref="ReportTexts"/>) replaced by its pseudonym.</summary>
    public ReportDocument Apply(ReportDocument document) => _pattern is null ? document : ReportTexts.Rewrite(document, Replace);
}
