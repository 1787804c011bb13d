using Stepwise.Text.Sentiment;

namespace Stepwise.Text.Privacy;

/// <summary>
/// Finds names of people in free text without a list of the people concerned: from a gazetteer of common given
/// names and surnames, and from patterns that introduce a name ("my name is X", "ask for X", "spoke to X",
/// "a lady called X", "Mr X"). Only capitalised words are candidates.
/// </summary>
/// <remarks>
/// Rules, in order, for a capitalised word:
/// <list type="bullet">
/// <item>after a title (Mr, Mrs, Ms, Miss, Mx, Dr, Captain): a name unless it is a stop word;</item>
/// <item>after a strong pattern (my name is, name was, ask for, asked for, spoke to, spoke with, speak to, talked to,
/// named, by the name of, thank you to): a name unless it is a common word (a stop word, a sentiment word, a month or day, or a
/// word of customer service such as Customer or Services);</item>
/// <item>after a weak pattern (called, thanks to, thank you, especially): a name only if the gazetteer knows it;</item>
/// <item>otherwise: a given name of the gazetteer that is not also a common word or place (Will, May, Grace, Austin)
/// and is not inside another proper noun (San Jose, St Lucia); or any given name, ambiguous or not, followed by a
/// surname of the gazetteer.</item>
/// </list>
/// A name found runs on over up to two following capitalised words that are surnames or not common words
/// ("Kahina Ladjouze"). Recall and precision on a hand-labelled sample of real reviews are in the README.
/// </remarks>
public sealed class NameFinder
{
    private static readonly Lazy<NameFinder> DefaultFinder = new(() => new NameFinder());

    private static readonly string[][] StrongPatterns =
    [
        ["my", "name", "is"], ["name", "is"], ["name", "was"], ["names", "were"], ["names", "are"], ["ask", "for"], ["asked", "for"], ["asking", "for"],
        ["spoke", "to"], ["spoke", "with"], ["speak", "to"], ["speak", "with"], ["talked", "to"], ["talked", "with"], ["named"], ["by", "the", "name", "of"], ["thank", "you", "to"], ["big", "thanks", "to"],
    ];

    private static readonly string[][] WeakPatterns = [["called"], ["thanks", "to"], ["thank", "you"], ["thank"], ["especially"]];

    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal) { "mr", "mrs", "ms", "miss", "mx", "dr", "captain", "capt" };

    private readonly HashSet<string> _given;
    private readonly HashSet<string> _ambiguous;
    private readonly HashSet<string> _surnames;
    private readonly HashSet<string> _common;

    private NameFinder()
    {
        _given = Gazetteer("names-given.txt");
        _ambiguous = Gazetteer("names-ambiguous.txt");
        _surnames = Gazetteer("names-surnames.txt");
        _common = Gazetteer("stopwords.txt");
        _common.UnionWith([
            "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "customer", "customers", "service", "services",
            "relations", "team", "desk", "airline", "airlines", "airways", "british", "american", "club", "world", "economy", "premium",
            "business", "first", "gate", "lounge", "terminal", "manager", "supervisor", "agent", "staff", "crew", "cabin", "the", "support",
            "care", "executive", "executives", "department", "centre", "center", "office", "flight", "ba", "heathrow", "gatwick", "london",
        ]);
    }

    /// <summary>The finder with the gazetteer that ships with Stepwise.</summary>
    public static NameFinder Default => DefaultFinder.Value;

    /// <summary>Whether <paramref name="word"/> (any case) is a given name of the gazetteer, ambiguous or not.</summary>
    public bool IsGivenName(string word) => _given.Contains(word.ToLowerInvariant()) || _ambiguous.Contains(word.ToLowerInvariant());

    /// <summary>The spans (start, length) of the names found in <paramref name="text"/>, in order, not overlapping.</summary>
    public IReadOnlyList<(int Start, int Length)> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new Words(text);
        var spans = new List<(int, int)>();
        for (int w = 0; w < words.Count; w++)
        {
            var current = words[w];
            int start = current.Start, end = current.End;
            if (!IsCapitalised(text, start, end))
            {
                continue;
            }

            string lower = words[w].Lower;

            string key = Base(lower);
            bool name = false;
            if (w > 0 && Titles.Contains(words[w - 1].Lower) && Adjacent(text, words[w - 1].End, start, allowDot: true))
            {
                name = !_common.Contains(key) || _surnames.Contains(key);
            }
            else if (After(text, words, w, StrongPatterns))
            {
                name = !IsCommon(key) || Known(key);
            }
            else if (After(text, words, w, WeakPatterns))
            {
                name = Known(key) && !(w + 1 < words.Count && IsCapitalised(text, words[w + 1].Start, words[w + 1].End) && !Known(Base(words[w + 1].Lower)) && Adjacent(text, end, words[w + 1].Start, allowDot: false));
            }
            else if (!InsideProperNoun(text, words, w))
            {
                bool followedBySurname = w + 1 < words.Count && IsCapitalised(text, words[w + 1].Start, words[w + 1].End) && _surnames.Contains(Base(words[w + 1].Lower))
                    && Adjacent(text, end, words[w + 1].Start, allowDot: false);
                name = (_given.Contains(key) && !_ambiguous.Contains(key)) || ((_given.Contains(key) || _ambiguous.Contains(key)) && followedBySurname);
            }

            if (!name)
            {
                continue;
            }

            // The name runs on over following capitalised words that are surnames or not common words.
            int last = w;
            while (last + 1 < words.Count && last - w < 2 && Adjacent(text, words[last].End, words[last + 1].Start, allowDot: false)
                && IsCapitalised(text, words[last + 1].Start, words[last + 1].End)
                && (_surnames.Contains(Base(words[last + 1].Lower)) || !IsCommon(Base(words[last + 1].Lower))))
            {
                last++;
            }

            int nameEnd = words[last].End - (words[last].Lower.Length - Base(words[last].Lower).Length);
            spans.Add((start, nameEnd - start));
            w = last;
        }

        return spans;
    }

    private bool Known(string word) => _given.Contains(word) || _ambiguous.Contains(word) || _surnames.Contains(word);

    private bool IsCommon(string word) => _common.Contains(word) || SentimentLexicon.Default.Valence(word) != 0;

    // "San Jose", "St Lucia", "Club Europe": a capitalised word just before, not at the start of a sentence, that is
    // not itself a name pattern, makes this word part of another proper noun.
    private bool InsideProperNoun(string text, Words words, int w)
    {
        if (w == 0)
        {
            return false;
        }

        var previous = words[w - 1];
        if (!Adjacent(text, previous.End, words[w].Start, allowDot: true) || !IsCapitalised(text, previous.Start, previous.End))
        {
            return false;
        }

        bool sentenceStart = previous.Start == 0 || SentenceEndsBefore(text, previous.Start);
        return !(sentenceStart && IsCommon(previous.Lower)) && !_given.Contains(previous.Lower) && !Titles.Contains(previous.Lower);
    }

    private static bool SentenceEndsBefore(string text, int at)
    {
        for (int i = at - 1; i >= 0; i--)
        {
            if (char.IsWhiteSpace(text[i]) || text[i] is '"' or '\'' or '(')
            {
                continue;
            }

            return text[i] is '.' or '!' or '?' or '\n';
        }

        return true;
    }

    private static bool After(string text, Words words, int w, string[][] patterns)
    {
        foreach (var pattern in patterns)
        {
            if (w < pattern.Length)
            {
                continue;
            }

            bool match = true;
            for (int k = 0; k < pattern.Length && match; k++)
            {
                var word = words[w - pattern.Length + k];
                match = word.Lower == pattern[k] && Adjacent(text, word.End, words[w - pattern.Length + k + 1].Start, allowDot: false);
            }

            if (match)
            {
                return true;
            }
        }

        return false;
    }

    // Only spaces between two words (and a dot, after a title: "Mr. Smith").
    private static bool Adjacent(string text, int from, int to, bool allowDot)
    {
        if (to <= from || to - from > 3)
        {
            return false;
        }

        for (int i = from; i < to; i++)
        {
            if (!(text[i] == ' ' || (allowDot && text[i] == '.' && i == from)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsCapitalised(string text, int start, int end)
    {
        if (!char.IsUpper(text[start]) || end - start < 2)
        {
            return false;
        }

        // Words in capitals (BA, LHR, CEO) are codes or shouting, not names.
        for (int i = start + 1; i < end; i++)
        {
            if (char.IsLower(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static string Base(string lower) => lower.EndsWith("'s", StringComparison.Ordinal) ? lower[..^2] : lower;

    /// <summary>The words of a text, their lower-case forms made only when asked for (most words never are).</summary>
    private sealed class Words
    {
        private readonly string _text;
        private readonly List<(int Start, int End)> _spans = [];
        private readonly List<string?> _lower = [];

        public Words(string text)
        {
            _text = text;
            for (int i = 0; i < text.Length;)
            {
                if (!char.IsLetter(text[i]))
                {
                    i++;
                    continue;
                }

                int start = i;
                while (i < text.Length && (char.IsLetter(text[i]) || (text[i] is '\'' or '’' or '-' && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
                {
                    i++;
                }

                _spans.Add((start, i));
                _lower.Add(null);
            }
        }

        public int Count => _spans.Count;

        public Word this[int index] => new(this, index, _spans[index].Start, _spans[index].End);

        public string LowerAt(int index)
            => _lower[index] ??= _text[_spans[index].Start.._spans[index].End].Replace('’', '\'').ToLowerInvariant();
    }

    /// <summary>A word of a text: where it is, and its lower-case form on demand.</summary>
    private readonly record struct Word(Words Owner, int Index, int Start, int End)
    {
        public string Lower => Owner.LowerAt(Index);
    }

    private static HashSet<string> Gazetteer(string resource)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (string line in SentimentLexicon.ReadResource(resource).Split('\n'))
        {
            if (!line.StartsWith('#'))
            {
                set.UnionWith(line.Split((char[])[' ', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()));
            }
        }

        return set;
    }
}
