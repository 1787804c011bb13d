using Stepwise.Text.Tokens;

namespace Stepwise.Text.Themes;

/// <summary>
/// Finds which themes a comment mentions, by matching each theme's words, phrases and stems against the comment's
/// words (so <c>late</c> does not match <c>plate</c>); a phrase matches only within a clause.
/// </summary>
public sealed class ThemeMatcher
{
    private readonly List<(int Theme, string[] Words, bool Prefix)>[] _byFirstWord;
    private readonly Dictionary<string, int> _firstWordIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _prefixSlots = new(StringComparer.Ordinal);
    private readonly int[] _prefixLengths;

    /// <summary>Creates a matcher for <paramref name="themes"/>.</summary>
    public ThemeMatcher(IReadOnlyList<Theme> themes)
    {
        ArgumentNullException.ThrowIfNull(themes);
        Themes = themes;
        var slots = new List<List<(int, string[], bool)>>();
        for (int t = 0; t < themes.Count; t++)
        {
            foreach (string term in themes[t].Terms)
            {
                var words = Tokenizer.Tokenize(term.TrimEnd('*')).Where(k => k.Kind == TokenKind.Word).Select(k => k.Text).ToArray();
                if (words.Length == 0)
                {
                    continue;
                }

                bool prefix = term.EndsWith('*');
                string key = (prefix && words.Length == 1 ? "*" : string.Empty) + words[0];
                if (!_firstWordIndex.TryGetValue(key, out int slot))
                {
                    slot = slots.Count;
                    slots.Add([]);
                    _firstWordIndex[key] = slot;
                    if (prefix && words.Length == 1)
                    {
                        _prefixSlots[words[0]] = slot;
                    }
                }

                slots[slot].Add((t, words, prefix));
            }
        }

        _byFirstWord = [.. slots];
        _prefixLengths = [.. _prefixSlots.Keys.Select(k => k.Length).Distinct().Order()];
    }

    /// <summary>The themes matched against.</summary>
    public IReadOnlyList<Theme> Themes { get; }

    /// <summary>For each theme, the offset of its first match in the comment, or -1 when it is not mentioned.</summary>
    public int[] Match(IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var first = new int[Themes.Count];
        Array.Fill(first, -1);
        var words = new List<(string Text, int Start, int Token)>(tokens.Count);
        for (int k = 0; k < tokens.Count; k++)
        {
            if (tokens[k].Kind == TokenKind.Word)
            {
                words.Add((tokens[k].Text, tokens[k].Start, k));
            }
        }

        for (int i = 0; i < words.Count; i++)
        {
            if (_firstWordIndex.TryGetValue(words[i].Text, out int slot))
            {
                Try(slot, words, i, first);
            }

            // Stems are looked up by the word's leading characters, one lookup per distinct stem length.
            var lookup = _prefixSlots.GetAlternateLookup<ReadOnlySpan<char>>();
            foreach (int length in _prefixLengths)
            {
                if (length > words[i].Text.Length)
                {
                    break;
                }

                if (lookup.TryGetValue(words[i].Text.AsSpan(0, length), out int prefixSlot))
                {
                    Try(prefixSlot, words, i, first);
                }
            }
        }

        return first;
    }

    private void Try(int slot, List<(string Text, int Start, int Token)> words, int i, int[] first)
    {
        foreach (var (theme, termWords, prefix) in _byFirstWord[slot])
        {
            if (first[theme] >= 0 || i + termWords.Length > words.Count)
            {
                continue;
            }

            bool match = true;
            for (int k = 1; k < termWords.Length && match; k++)
            {
                // A phrase never spans punctuation: its words must be consecutive tokens.
                if (words[i + k].Token != words[i + k - 1].Token + 1)
                {
                    match = false;
                    break;
                }

                bool last = k == termWords.Length - 1;
                match = prefix && last ? words[i + k].Text.StartsWith(termWords[k], StringComparison.Ordinal) : words[i + k].Text == termWords[k];
            }

            if (match)
            {
                first[theme] = words[i].Start;
            }
        }
    }
}
