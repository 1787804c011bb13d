using Stepwise.Text.Sentiment;
using Stepwise.Text.Tokens;

namespace Stepwise.Text.Themes;

/// <summary>
/// Analyses a set of comments once: each comment is redacted first, and everything after works on the redacted
/// text (so no theme name, feature or quote can hold personal data, and a quote is never cut before redaction):
/// tokens, sentiment per comment, dictionary themes, themes discovered by grouping comments
/// (<see cref="ThemeClustering"/>), and for each theme its frequency, sentiment and distinct quotes, each quote with
/// its own sentiment. Comparing the scores of comments in a theme with the rest is left to the statistics engine,
/// from <see cref="ThemeResult.Comments"/>.
/// </summary>
public sealed class CommentAnalysis
{
    private const int MaxQuoteLength = 240;

    private CommentAnalysis(IReadOnlyList<string?> redacted, IReadOnlyList<SentimentScore> sentiments, IReadOnlyList<ThemeResult> themes, IReadOnlyList<int> primary, int nonEmpty)
    {
        RedactedComments = redacted;
        Sentiments = sentiments;
        Themes = themes;
        PrimaryTheme = primary;
        NonEmptyComments = nonEmpty;
    }

    /// <summary>Each comment as redacted (null for no comment): the only form of the text any result is built from.</summary>
    public IReadOnlyList<string?> RedactedComments { get; }

    /// <summary>The sentiment of each comment (neutral for empty ones).</summary>
    public IReadOnlyList<SentimentScore> Sentiments { get; }

    /// <summary>Dictionary themes first, in dictionary order, then discovered themes, largest first.</summary>
    public IReadOnlyList<ThemeResult> Themes { get; }

    /// <summary>
    /// The theme of each comment (an index into <see cref="Themes"/>, -1 for none): its discovered group when themes
    /// were discovered, else the first dictionary theme it mentions.
    /// </summary>
    public IReadOnlyList<int> PrimaryTheme { get; }

    /// <summary>Comments with text.</summary>
    public int NonEmptyComments { get; }

    /// <summary>Analyses <paramref name="comments"/>.</summary>
    /// <param name="comments">The comments (null = no comment), unredacted.</param>
    /// <param name="dictionary">The themes to look for (the default customer-service themes when null).</param>
    /// <param name="discover">How many themes to discover by grouping comments (0 for none).</param>
    /// <param name="redact">Redacts a whole comment (index of the comment, its text); applied before anything else.</param>
    /// <param name="quotesPerTheme">How many quotes per theme.</param>
    /// <param name="analyzer">The sentiment analyser (the default when null).</param>
    /// <param name="excludeFromDiscovery">Words never used in discovered themes (e.g. the organisation's name).</param>
    /// <param name="seed">The seed of the grouping.</param>
    public static CommentAnalysis Run(IReadOnlyList<string?> comments, ThemeDictionary? dictionary, int discover, Func<int, string, string> redact, int quotesPerTheme = 3, SentimentAnalyzer? analyzer = null, IEnumerable<string>? excludeFromDiscovery = null, long seed = 1)
    {
        ArgumentNullException.ThrowIfNull(comments);
        ArgumentNullException.ThrowIfNull(redact);
        ArgumentOutOfRangeException.ThrowIfNegative(quotesPerTheme);
        dictionary ??= ThemeDictionary.Default;
        analyzer ??= new SentimentAnalyzer();
        int n = comments.Count;
        var redacted = new string?[n];
        var tokens = new List<Token>[n];
        var sentiments = new SentimentScore[n];
        int nonEmpty = 0;
        for (int i = 0; i < n; i++)
        {
            redacted[i] = string.IsNullOrWhiteSpace(comments[i]) ? null : redact(i, comments[i]!);
            tokens[i] = redacted[i] is null ? [] : Tokenizer.Tokenize(redacted[i]!);
            if (tokens[i].Count > 0)
            {
                nonEmpty++;
            }

            sentiments[i] = analyzer.Score(tokens[i]);
        }

        var themes = new List<Theme>(dictionary.Themes);
        var members = themes.Select(_ => new List<(int Comment, int Offset)>()).ToList();
        var matcher = new ThemeMatcher(dictionary.Themes);
        for (int i = 0; i < n; i++)
        {
            if (tokens[i].Count == 0)
            {
                continue;
            }

            var offsets = matcher.Match(tokens[i]);
            for (int t = 0; t < offsets.Length; t++)
            {
                if (offsets[t] >= 0)
                {
                    members[t].Add((i, offsets[t]));
                }
            }
        }

        var primary = new int[n];
        Array.Fill(primary, -1);
        for (int t = 0; t < members.Count; t++)
        {
            foreach (var (comment, _) in members[t])
            {
                if (primary[comment] < 0)
                {
                    primary[comment] = t;
                }
            }
        }

        if (discover > 0)
        {
            bool first = true;
            foreach (var (theme, group) in ThemeClustering.Discover(tokens, discover, seed, excludeFromDiscovery))
            {
                if (first)
                {
                    Array.Fill(primary, -1);
                    first = false;
                }

                var matcherOfGroup = new ThemeMatcher([theme]);
                foreach (int comment in group)
                {
                    primary[comment] = themes.Count;
                }

                // A quote comes from where the group's name terms appear in a comment (-1: none, not quoted).
                members.Add([.. group.Select(c => (c, matcherOfGroup.Match(tokens[c])[0]))]);
                themes.Add(theme);
            }
        }

        var usedQuotes = new HashSet<string>(StringComparer.Ordinal);
        var results = new List<ThemeResult>(themes.Count);
        for (int t = 0; t < themes.Count; t++)
        {
            var list = members[t];
            double mean = list.Count == 0 ? double.NaN : list.Average(m => sentiments[m.Comment].Compound);
            double negative = list.Count == 0 ? double.NaN : (double)list.Count(m => sentiments[m.Comment].IsNegative) / list.Count;
            var quotes = new List<Quote>(quotesPerTheme);
            foreach (var (comment, offset) in list.OrderBy(m => Math.Abs(sentiments[m.Comment].Compound - mean)).ThenBy(m => m.Comment))
            {
                if (quotes.Count >= quotesPerTheme)
                {
                    break;
                }

                if (offset < 0)
                {
                    continue;
                }

                string sentence = Shorten(SentenceAt(redacted[comment]!, offset));
                // A quote is worth reading (three words or more) and is never shown twice, in any theme.
                if (sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 3 || !usedQuotes.Add(Normalise(sentence)))
                {
                    continue;
                }

                var own = analyzer.Score(sentence);
                quotes.Add(new Quote(comment, sentence, own.Compound, own.Category));
            }

            results.Add(new ThemeResult(themes[t], [.. list.Select(m => m.Comment)], nonEmpty == 0 ? 0 : (double)list.Count / nonEmpty, mean, negative, quotes));
        }

        return new CommentAnalysis(redacted, sentiments, results, primary, nonEmpty);
    }

    /// <summary>The sentence of <paramref name="text"/> around <paramref name="offset"/>.</summary>
    internal static string SentenceAt(string text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        int start = offset;
        while (start > 0 && !EndsSentence(text, start - 1))
        {
            start--;
        }

        int end = offset;
        while (end < text.Length && !EndsSentence(text, end))
        {
            end++;
        }

        if (end < text.Length && text[end] != '\n')
        {
            end++;
        }

        return text[start..end].Trim();
    }

    // A full stop ends a sentence only when followed by a space or the end (so "e.g." inside a word, a decimal
    // point or what is left of an address does not cut a quote).
    private static bool EndsSentence(string text, int i)
        => text[i] is '!' or '?' or '\n' || (text[i] == '.' && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1])));

    private static string Normalise(string sentence) => string.Join(' ', sentence.ToLowerInvariant().Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.', '!', '?');

    private static string Shorten(string sentence) => sentence.Length <= MaxQuoteLength ? sentence : sentence[..(MaxQuoteLength - 3)].TrimEnd() + "...";
}
