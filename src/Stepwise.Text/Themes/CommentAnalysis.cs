using Stepwise.Text.Sentiment;
using Stepwise.Text.Tokens;

namespace Stepwise.Text.Themes;

/// <summary>
/// Analyses a set of comments once: tokens, sentiment per comment, dictionary themes and themes discovered from the
/// text, each theme with its frequency, sentiment and representative quotes. Comparing the scores of comments in a
/// theme with the rest is left to the statistics engine, from <see cref="ThemeResult.Comments"/>.
/// </summary>
public sealed class CommentAnalysis
{
    private CommentAnalysis(IReadOnlyList<SentimentScore> sentiments, IReadOnlyList<ThemeResult> themes, int nonEmpty)
    {
        Sentiments = sentiments;
        Themes = themes;
        NonEmptyComments = nonEmpty;
    }

    /// <summary>The sentiment of each comment (neutral for empty ones).</summary>
    public IReadOnlyList<SentimentScore> Sentiments { get; }

    /// <summary>Dictionary themes first, in dictionary order, then discovered themes by rank.</summary>
    public IReadOnlyList<ThemeResult> Themes { get; }

    /// <summary>Comments with text.</summary>
    public int NonEmptyComments { get; }

    /// <summary>Analyses <paramref name="comments"/>.</summary>
    /// <param name="comments">The comments (null = no comment).</param>
    /// <param name="dictionary">The themes to look for (the default customer-service themes when null).</param>
    /// <param name="discover">How many themes to discover from the text (0 for none).</param>
    /// <param name="redact">Turns a comment's sentence into a quote fit to show (index of the comment, sentence).</param>
    /// <param name="quotesPerTheme">How many quotes per theme.</param>
    /// <param name="analyzer">The sentiment analyser (the default when null).</param>
    /// <param name="excludeFromDiscovery">Words never used in discovered themes (e.g. the organisation's name).</param>
    public static CommentAnalysis Run(IReadOnlyList<string?> comments, ThemeDictionary? dictionary, int discover, Func<int, string, string> redact, int quotesPerTheme = 3, SentimentAnalyzer? analyzer = null, IEnumerable<string>? excludeFromDiscovery = null)
    {
        ArgumentNullException.ThrowIfNull(comments);
        ArgumentNullException.ThrowIfNull(redact);
        dictionary ??= ThemeDictionary.Default;
        analyzer ??= new SentimentAnalyzer();
        int n = comments.Count;
        var tokens = new List<Token>[n];
        var sentiments = new SentimentScore[n];
        int nonEmpty = 0;
        for (int i = 0; i < n; i++)
        {
            tokens[i] = string.IsNullOrWhiteSpace(comments[i]) ? [] : Tokenizer.Tokenize(comments[i]!);
            if (tokens[i].Count > 0)
            {
                nonEmpty++;
            }

            sentiments[i] = analyzer.Score(tokens[i]);
        }

        var themes = new List<Theme>(dictionary.Themes);
        if (discover > 0)
        {
            var known = dictionary.Themes.SelectMany(t => t.Terms).Where(t => !t.Contains(' ', StringComparison.Ordinal)).Select(t => t.TrimEnd('*'));
            themes.AddRange(ThemeDiscovery.Discover(tokens, discover, exclude: known.Concat(excludeFromDiscovery ?? [])));
        }

        var matcher = new ThemeMatcher(themes);
        var members = themes.Select(_ => new List<(int Comment, int Offset)>()).ToArray();
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

        var results = new List<ThemeResult>(themes.Count);
        for (int t = 0; t < themes.Count; t++)
        {
            var list = members[t];
            double mean = list.Count == 0 ? double.NaN : list.Average(m => sentiments[m.Comment].Compound);
            double negative = list.Count == 0 ? double.NaN : (double)list.Count(m => sentiments[m.Comment].Compound < -0.05) / list.Count;
            var quotes = list.OrderBy(m => Math.Abs(sentiments[m.Comment].Compound - mean)).ThenBy(m => m.Comment).Take(quotesPerTheme)
                .Select(m => new Quote(m.Comment, Shorten(redact(m.Comment, SentenceAt(comments[m.Comment]!, m.Offset))), sentiments[m.Comment].Compound)).ToList();
            results.Add(new ThemeResult(themes[t], [.. list.Select(m => m.Comment)], nonEmpty == 0 ? 0 : (double)list.Count / nonEmpty, mean, negative, quotes));
        }

        return new CommentAnalysis(sentiments, results, nonEmpty);
    }

    /// <summary>The sentence of <paramref name="text"/> around <paramref name="offset"/>.</summary>
    internal static string SentenceAt(string text, int offset)
    {
        int start = offset;
        while (start > 0 && text[start - 1] is not ('.' or '!' or '?' or '\n'))
        {
            start--;
        }

        int end = offset;
        while (end < text.Length && text[end] is not ('.' or '!' or '?' or '\n'))
        {
            end++;
        }

        if (end < text.Length && text[end] != '\n')
        {
            end++;
        }

        return text[start..end].Trim();
    }

    private static string Shorten(string sentence) => sentence.Length <= 240 ? sentence : sentence[..237].TrimEnd() + "...";
}
