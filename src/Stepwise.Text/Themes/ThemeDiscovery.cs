using Stepwise.Text.Tokens;

namespace Stepwise.Text.Themes;

/// <summary>
/// Discovers themes from the comments themselves as key phrases ranked by TF-IDF: candidate phrases of two or three
/// words (not starting or ending with a stop word or a sentiment word, never crossing punctuation; single words are
/// too vague to name a theme) found in enough comments, scored by
/// document frequency times inverse document frequency (so neither rare nor ubiquitous phrases win), longer phrases
/// favoured for readability; a phrase overlapping one already chosen is skipped.
/// </summary>
public static class ThemeDiscovery
{
    private static readonly Lazy<HashSet<string>> StopWords = new(() =>
        new HashSet<string>(Sentiment.SentimentLexicon.ReadResource("stopwords.txt").Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal));

    /// <summary>Discovers up to <paramref name="maxThemes"/> key-phrase themes.</summary>
    /// <param name="comments">The tokenised comments.</param>
    /// <param name="maxThemes">How many themes to return at most.</param>
    /// <param name="minShare">The smallest share of comments a phrase must appear in (at least 5 comments).</param>
    /// <param name="exclude">Words never used (e.g. the company's own name, or terms already in the dictionary).</param>
    public static IReadOnlyList<Theme> Discover(IReadOnlyList<IReadOnlyList<Token>> comments, int maxThemes = 10, double minShare = 0.01, IEnumerable<string>? exclude = null)
    {
        ArgumentNullException.ThrowIfNull(comments);
        var stop = StopWords.Value;
        var excluded = new HashSet<string>(exclude ?? [], StringComparer.Ordinal);
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var run = new List<string>(64);
        foreach (var tokens in comments)
        {
            seen.Clear();
            run.Clear();
            foreach (var token in tokens)
            {
                if (token.Kind == TokenKind.Word && IsContentWord(token.Text) || (token.Kind == TokenKind.Word && stop.Contains(token.Text)))
                {
                    run.Add(token.Text);
                    continue;
                }

                Collect(run, stop, excluded, seen);
                run.Clear();
            }

            Collect(run, stop, excluded, seen);
            foreach (string phrase in seen)
            {
                df[phrase] = df.GetValueOrDefault(phrase) + 1;
            }
        }

        int n = comments.Count;
        int minDf = Math.Max(5, (int)Math.Ceiling(minShare * n));
        var ranked = df.Where(kv => kv.Value >= minDf && kv.Value <= n / 2)
            .Select(kv => (Phrase: kv.Key, Df: kv.Value, Words: kv.Key.Split(' ')))
            .Select(c => (c.Phrase, c.Df, c.Words, Score: c.Df * Math.Log((double)n / c.Df) * (1 + (0.5 * (c.Words.Length - 1)))))
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Phrase, StringComparer.Ordinal)
            .ToList();
        var chosen = new List<(string Phrase, string[] Words)>();
        foreach (var candidate in ranked)
        {
            if (chosen.Count >= maxThemes)
            {
                break;
            }

            if (chosen.Any(c => c.Words.Intersect(candidate.Words, StringComparer.Ordinal).Any()))
            {
                continue;
            }

            chosen.Add((candidate.Phrase, candidate.Words));
        }

        return [.. chosen.Select(c => new Theme(c.Phrase, [c.Phrase], Discovered: true))];
    }

    private static bool IsContentWord(string word)
    {
        if (word.Length < 3 || Sentiment.SentimentLexicon.Default.Valence(word) != 0)
        {
            return false;
        }

        foreach (char c in word)
        {
            if (!char.IsLetter(c) && c != '\'')
            {
                return false;
            }
        }

        return true;
    }

    private static void Collect(List<string> run, HashSet<string> stop, HashSet<string> excluded, HashSet<string> seen)
    {
        for (int i = 0; i < run.Count; i++)
        {
            if (stop.Contains(run[i]) || !IsContentWord(run[i]) || excluded.Contains(run[i]))
            {
                continue;
            }

            for (int length = 2; length <= 3 && i + length <= run.Count; length++)
            {
                string last = run[i + length - 1];
                if (excluded.Contains(last))
                {
                    break;
                }

                if (stop.Contains(last) || !IsContentWord(last))
                {
                    continue;
                }

                seen.Add(string.Join(' ', run.GetRange(i, length)));
            }
        }
    }
}
