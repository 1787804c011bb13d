using Stepwise.Statistics.Feedback;
using Stepwise.Testing;
using Stepwise.Text.Themes;
using Stepwise.Text.Tokens;

namespace Stepwise.Text.Tests;

public class ThemeTests
{
    [Fact]
    public void Match_WordsPhrasesAndStems_NotInsideOtherWords()
    {
        var dictionary = ThemeDictionary.Parse("Delays: delay*, late, on time\nFood: meal*");
        var matcher = new ThemeMatcher(dictionary.Themes);
        Assert.Equal([0, -1], matcher.Match(Tokenizer.Tokenize("Delayed again")).Select(o => o >= 0 ? 0 : -1));
        Assert.Equal(-1, matcher.Match(Tokenizer.Tokenize("a plate of chips"))[0]);
        Assert.Equal(4, matcher.Match(Tokenizer.Tokenize("Not on  time"))[0]);
        Assert.Equal(-1, matcher.Match(Tokenizer.Tokenize("Not on. Time"))[0]);
        Assert.True(matcher.Match(Tokenizer.Tokenize("The meals were cold"))[1] >= 0);
    }

    [Fact]
    public void Parse_LineWithoutColon_NamesTheLine()
    {
        var ex = Assert.Throws<FormatException>(() => ThemeDictionary.Parse("# mine\nStaff: rude\nwaiting late", "mine.txt"));
        Assert.Contains("mine.txt, line 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BaReviews_ThemeCountsMatchBruteForceAndQuotesAreRedacted()
    {
        var table = FeedbackReader.Read(SharedData.PathOf("surveys/BA_AirlineReviews.csv")).Table;
        var analysis = CommentAnalysis.Run(table.Comments!, ThemeDictionary.Default, 8, (_, s) => "<" + s + ">", excludeFromDiscovery: ["british", "airways"]);
        var baggage = analysis.Themes.Single(t => t.Theme.Name == "Baggage");

        // Brute force: whole-word search of the baggage terms in the lower-cased comments.
        var words = new[] { "bag", "bags", "baggage", "luggage" };
        int expected = table.Comments!.Count(c => c is not null && (Tokenizer.Tokenize(c).Any(t => words.Contains(t.Text) || t.Text.StartsWith("suitcase", StringComparison.Ordinal)) || c.Contains("carousel", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(expected, baggage.Comments.Count);
        Assert.All(baggage.Quotes, q => Assert.StartsWith("<", q.Text, StringComparison.Ordinal));

        var discovered = analysis.Themes.Where(t => t.Theme.Discovered).ToList();
        Assert.NotEmpty(discovered);
        foreach (var theme in discovered)
        {
            Assert.DoesNotContain("british", theme.Theme.Name, StringComparison.Ordinal);
            // Brute force: the phrase's words as whole words, separated by anything but punctuation.
            var pattern = new System.Text.RegularExpressions.Regex(@"(?<![\p{L}\p{N}])(?<![\p{L}\p{N}]['’])" + string.Join(@"[^\p{L}\p{N}.,;:!?()\n\r–—]+", theme.Theme.Name.Split(' ')) + @"(?![\p{L}\p{N}]|['’]\p{L})", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
            int containing = table.Comments!.Count(c => c is not null && pattern.IsMatch(c));
            Assert.Equal(containing, theme.Comments.Count);
            Assert.True(theme.Comments.Count >= 0.01 * analysis.NonEmptyComments);
        }
    }
}
