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
/// <item>after a person introduced by "called" or "named" ("a lovely young lady called X", "a member of staff called
/// X", "the steward was called X"): as after a strong pattern; "I called Customer Services" and "the agent called
/// Iberia" introduce no one;</item>
/// <item>after a weak pattern (called, thanks to, thank you, especially): a name only if the gazetteer knows it;</item>
/// <item>otherwise: a given name of the gazetteer that is not also a common word or place (Will, May, Grace, Austin)
/// and is not inside another proper noun (San Jose, St Lucia); or any given name, ambiguous or not, followed by a
/// surname of the gazetteer.</item>
/// </list>
/// A name found runs on over up to two following capitalised words that are surnames or not common words
/// ("Kahina Ladjouze"), and a word of a name given outright ("my name is", "named" or "a lady called"; not a common
/// word nor an ambiguous given name) is a name wherever else the comment writes it capitalised ("a lady called Althea
/// ... the lovely Althea"). Recall and precision on a hand-labelled sample of real reviews are in the README.
/// </remarks>
public sealed class NameFinder
{
    private static readonly Lazy<NameFinder> DefaultFinder = new(() => new NameFinder());

    private static readonly string[][] StrongPatterns =
    [
        ["my", "name", "is"], ["name", "is"], ["name", "was"], ["names", "were"], ["names", "are"], ["ask", "for"], ["asked", "for"], ["asking", "for"],
        ["spoke", "to"], ["spoke", "with"], ["speak", "to"], ["speak", "with"], ["talked", "to"], ["talked", "with"], ["named"], ["by", "the", "name", "of"], ["thank", "you", "to"], ["big", "thanks", "to"],
    ];

    // The strong patterns that name a person outright (not "ask for" or "spoke to", which also take a company, nor
    // "named" alone: "a place named X"; "a lady named X" is an introduced person).
    private static readonly string[][] NamingPatterns = [["name", "is"], ["name", "was"], ["names", "were"], ["names", "are"]];

    private static readonly string[][] ByTheNameOf = [["by", "the", "name", "of"]];

    private static readonly string[][] WeakPatterns = [["called"], ["thanks", "to"], ["thank", "you"], ["thank"], ["especially"]];

    // The people a comment introduces by name: "a lovely young lady called X", "a member of staff called X", "the steward
    // was called X".
    private static readonly HashSet<string> People = new(StringComparer.Ordinal)
    {
        "lady", "man", "woman", "gentleman", "gent", "guy", "girl", "boy", "chap", "fellow", "bloke", "person", "someone", "somebody",
        "steward", "stewardess", "attendant", "hostess", "purser", "agent", "pilot", "captain", "officer", "manager", "supervisor",
        "colleague", "staff", "member", "employee", "representative", "rep", "assistant", "host", "driver", "porter", "cleaner",
        "waiter", "waitress", "guard", "friend", "lad", "lass", "ladies", "men", "women", "gentlemen", "guys", "server", "bartender",
        "barista", "stylist", "chef", "cook", "owner", "clerk", "cashier", "receptionist", "concierge", "nurse", "doctor",
        "technician", "engineer", "worker", "sommelier", "valet", "mechanic", "guide", "advisor", "adviser", "handler", "controller",
    };

    // The words that make the person noun before "called" an introduction rather than the subject of a call ("a lady
    // called X", not "the agent called Iberia").
    private static readonly HashSet<string> Introducing = new(StringComparer.Ordinal) { "a", "an", "another", "one" };

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
        var spans = new List<(int Start, int Length)>();
        HashSet<string>? found = null;
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
            bool name = false, named = false;
            if (w > 0 && Titles.Contains(words[w - 1].Lower) && Adjacent(text, words[w - 1].End, start, allowDot: true))
            {
                // A title names a person, or makes a joke of a word ("Mrs Large", "Mr Grumpy"): the word does not spread.
                name = !_common.Contains(key) || _surnames.Contains(key);
            }
            else if (After(text, words, w, StrongPatterns) || IntroducedPerson(text, words, w))
            {
                name = !IsCommon(key) || Known(key);
                named = name && (After(text, words, w, NamingPatterns) || IntroducedPerson(text, words, w));
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
            for (int k = w; named && k <= last; k++)
            {
                string part = Base(words[k].Lower);
                if (!IsCommon(part) && !_ambiguous.Contains(part))
                {
                    (found ??= new HashSet<string>(StringComparer.Ordinal)).Add(part);
                }
            }

            w = last;
        }

        return found is null ? spans : Again(text, words, spans, found);
    }

    // A name given outright once ("my name is", "named", "a lady called") is a name wherever else the comment writes it
    // capitalised: "a lady called Althea ... without the lovely Althea". Only the words of such a name that are neither
    // common words nor ambiguous given names spread; not those found after a title, which may be a joke ("Mrs Large" does
    // not make "Large queues" a name), nor after "ask for" or "spoke to", which also take companies ("spoke with Thai Air").
    private static List<(int Start, int Length)> Again(string text, Words words, List<(int Start, int Length)> spans, HashSet<string> found)
    {
        var all = new List<(int Start, int Length)>(spans);
        int next = 0;
        for (int w = 0; w < words.Count; w++)
        {
            var word = words[w];
            while (next < spans.Count && spans[next].Start + spans[next].Length <= word.Start)
            {
                next++;
            }

            bool covered = next < spans.Count && spans[next].Start <= word.Start;
            if (covered || !IsCapitalised(text, word.Start, word.End))
            {
                continue;
            }

            string key = Base(word.Lower);
            if (found.Contains(key))
            {
                all.Add((word.Start, key.Length));
            }
        }

        if (all.Count > spans.Count)
        {
            all.Sort((a, b) => a.Start.CompareTo(b.Start));
        }

        return all;
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

    // "A lovely young lady called X", "another agent named X", "a gentleman by the name of X", "the steward was called
    // X": a person noun just before "called", "named" or "by the name of", either introduced by "a", "an", "another" or
    // "one" at most three words before it ("a member of staff called X") or followed by "was" or "is" (the naming, not
    // a call). "I called Customer Services", "the agent called Iberia" and "a company called X" introduce no person;
    // the capitalised word must still not be a common word (see the strong patterns).
    private static bool IntroducedPerson(string text, Words words, int w)
    {
        int phrase = w >= 1 && words[w - 1].Lower is "called" or "named" ? w - 1
            : After(text, words, w, ByTheNameOf) ? w - 4
            : -1;
        if (phrase < 1 || !Adjacent(text, words[w - 1].End, words[w].Start, allowDot: false))
        {
            return false;
        }

        int noun = phrase - 1;
        if (!Adjacent(text, words[noun].End, words[phrase].Start, allowDot: false))
        {
            return false;
        }

        if (words[noun].Lower is "was" or "is")
        {
            noun--;
            return noun >= 0 && People.Contains(words[noun].Lower) && Adjacent(text, words[noun].End, words[noun + 1].Start, allowDot: false);
        }

        if (!People.Contains(words[noun].Lower))
        {
            return false;
        }

        if (words[noun].Lower is "someone" or "somebody")
        {
            return true;
        }

        for (int k = noun - 1; k >= 0 && k >= noun - 3 && Adjacent(text, words[k].End, words[k + 1].Start, allowDot: false); k--)
        {
            if (Introducing.Contains(words[k].Lower))
            {
                return true;
            }
        }

        return false;
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
