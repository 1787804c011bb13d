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
    public void Default_Resolution_FixedAndSortedOnlyInPhrasesOfSolvedProblems()
    {
        var matcher = new ThemeMatcher(ThemeDictionary.Default.Themes);
        int resolution = ThemeDictionary.Default.Themes.ToList().FindIndex(t => t.Name == "Resolution and complaints");
        bool Tagged(string text) => matcher.Match(Tokenizer.Tokenize(text))[resolution] >= 0;

        foreach (string text in new[] { "They got it fixed the same day.", "The cabin crew sorted it out.", "The agent fixed my problem.", "The issue was fixed promptly.", "Finally got it sorted.", "The socket could not be fixed.", "BA sorted this out in no time." })
        {
            Assert.True(Tagged(text), text);
        }

        // "Fixed" and "sorted" in their other meanings are not a resolution.
        foreach (string text in new[] { "A drop-down stool fixed to the back of the seat.", "The TV controls are fixed into the arm rests.", "A fixed meal time.", "Pensioners on a fixed income.", "The bags were sorted by size." })
        {
            Assert.False(Tagged(text), text);
        }
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
        // A stand-in redaction that removes every "flight": no quote or theme name may hold the word afterwards.
        var analysis = CommentAnalysis.Run(table.Comments!, ThemeDictionary.Default, 8, (_, s) => s.Replace("flight", "[gone]", StringComparison.OrdinalIgnoreCase), excludeFromDiscovery: ["british", "airways"]);
        var baggage = analysis.Themes.Single(t => t.Theme.Name == "Baggage");

        // Brute force: whole-word search of the baggage terms in the lower-cased comments.
        var words = new[] { "bag", "bags", "baggage", "luggage" };
        int expected = table.Comments!.Count(c => c is not null && (Tokenizer.Tokenize(c).Any(t => words.Contains(t.Text) || t.Text.StartsWith("suitcase", StringComparison.Ordinal)) || c.Contains("carousel", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(expected, baggage.Comments.Count);
        Assert.All(analysis.Themes.SelectMany(t => t.Quotes), q =>
        {
            Assert.DoesNotContain("flight", q.Text, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(q.Text.TrimEnd('.'), analysis.RedactedComments[q.Comment]!, StringComparison.Ordinal);
        });
        Assert.All(analysis.Themes, t => Assert.DoesNotContain("flight", t.Theme.Name, StringComparison.Ordinal));

        // Discovered themes are groups: every comment with text in at most one, and at least 95% of them in one.
        var discovered = analysis.Themes.Where(t => t.Theme.Discovered).ToList();
        Assert.Equal(8, discovered.Count);
        var all = discovered.SelectMany(t => t.Comments).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.True(all.Count >= 0.95 * analysis.NonEmptyComments);
        Assert.All(discovered, t => Assert.DoesNotContain("british", t.Theme.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void Discover_HelpdeskFeedback_NoGroupJoinsCommentsThatShareNothing()
    {
        // The synthetic feedback sample has 12 distinct comments, so 8 groups cannot give each its own: a comment that
        // shares no term with any group's centre must stay out of the groups, not be put in the first one (which then
        // mixed "chase them twice", "professional team" and "resolved in the end" under one name). Checked here without
        // the grouping's own features: within each group, the distinct comments are linked by shared words of four
        // letters or more.
        var table = FeedbackReader.Read(Path.Combine(SharedData.RepositoryRoot, "samples", "helpdesk-feedback.csv")).Table;
        var analysis = CommentAnalysis.Run(table.Comments!, null, 8, (_, s) => s);
        var discovered = analysis.Themes.Where(t => t.Theme.Discovered).ToList();
        Assert.NotEmpty(discovered);
        string[] common = ["with", "were", "have", "that", "this", "they", "them", "very", "after", "within"];
        foreach (var theme in discovered)
        {
            var texts = theme.Comments.Select(c => analysis.RedactedComments[c]!).Distinct().ToList();
            var words = texts.Select(t => new HashSet<string>(
                Tokenizer.Tokenize(t).Where(k => k.Kind == TokenKind.Word && k.Text.Length >= 4 && !common.Contains(k.Text)).Select(k => k.Text))).ToList();
            var reached = new HashSet<int> { 0 };
            var frontier = new Queue<int>([0]);
            while (frontier.Count > 0)
            {
                int a = frontier.Dequeue();
                for (int b = 0; b < texts.Count; b++)
                {
                    if (!reached.Contains(b) && words[a].Overlaps(words[b]))
                    {
                        reached.Add(b);
                        frontier.Enqueue(b);
                    }
                }
            }

            Assert.True(reached.Count == texts.Count, $"'{theme.Theme.Name}' joins comments that share no word: {string.Join(" | ", texts)}");
        }

        // Most comments are still grouped.
        int grouped = discovered.Sum(t => t.Comments.Count);
        Assert.True(grouped >= 0.5 * analysis.NonEmptyComments, $"{grouped} of {analysis.NonEmptyComments} grouped");
    }

    [Fact]
    public void Run_Cancellations_AreNotDelays()
    {
        var analysis = CommentAnalysis.Run(["My flight was cancelled the night before.", "The flight was delayed by three hours.", "They cancelled and then we waited for a rebooking."], null, 0, (_, s) => s);
        var cancellations = analysis.Themes.Single(t => t.Theme.Name == "Cancellations");
        var delays = analysis.Themes.Single(t => t.Theme.Name == "Waiting and delays");
        Assert.Equal([0, 2], cancellations.Comments);
        Assert.Equal([1, 2], delays.Comments);
    }

    [Fact]
    public void Discover_ThreeObviousGroups_RecoveredExactly()
    {
        // Hand-made comments on three subjects with no shared content word: the grouping must find exactly these.
        string[] seats = ["The seat legroom was tight and the recline broken", "Seat recline stuck, legroom poor", "Legroom and seat recline were fine", "My seat had no legroom", "Seat recline and legroom as expected"];
        string[] meals = ["Breakfast meal was cold, coffee weak", "Coffee and breakfast arrived late", "The meal and coffee were tasty", "Breakfast coffee ran out", "No breakfast meal offered"];
        string[] refunds = ["Refund claim still pending after weeks", "My refund claim was rejected", "Refund claim form impossible", "Waiting on the refund claim", "Claim for a refund took months"];
        var comments = seats.Concat(meals).Concat(refunds).ToArray();
        var groups = ThemeClustering.Discover([.. comments.Select(c => (IReadOnlyList<Token>)Tokenizer.Tokenize(c))], 3, seed: 7);
        Assert.Equal(3, groups.Count);
        var sets = groups.Select(g => g.Comments.Order().ToArray()).OrderBy(g => g[0]).ToList();
        Assert.Equal([0, 1, 2, 3, 4], sets[0]);
        Assert.Equal([5, 6, 7, 8, 9], sets[1]);
        Assert.Equal([10, 11, 12, 13, 14], sets[2]);
        Assert.Contains(groups, g => g.Theme.Name.Contains("refund", StringComparison.Ordinal));

        // The same seed gives the same groups.
        var again = ThemeClustering.Discover([.. comments.Select(c => (IReadOnlyList<Token>)Tokenizer.Tokenize(c))], 3, seed: 7);
        Assert.Equal(groups.Select(g => g.Theme.Name), again.Select(g => g.Theme.Name));
    }

    [Fact]
    public void Run_QuotesAreDistinctAndCarryTheirOwnSentiment()
    {
        string[] comments = ["The crew were lovely. The food was awful.", "The crew were lovely.", "The crew were lovely.", "The crew were rude and slow."];
        var analysis = CommentAnalysis.Run(comments, ThemeDictionary.Parse("Crew: crew\nFood: food"), 0, (_, s) => s, quotesPerTheme: 3);
        var crew = analysis.Themes[0];
        Assert.Equal(crew.Quotes.Count, crew.Quotes.Select(q => q.Text).Distinct().Count());
        var food = analysis.Themes[1].Quotes.Single();
        Assert.Equal("The food was awful.", food.Text);
        var analyzer = new Stepwise.Text.Sentiment.SentimentAnalyzer();
        Assert.Equal(analyzer.Score("The food was awful.").Compound, food.Sentiment, 12);
        Assert.Equal(Stepwise.Text.Sentiment.SentimentLabel.Negative, food.Label);
    }

    [Fact]
    public void Run_RedactsBeforeCuttingQuotes_NoAddressFragmentLeaks()
    {
        // Cut at every "." before redaction, "janedoe0@gmail.com" became the quote "janedoe0@gmail.".
        var redactor = new Stepwise.Text.Privacy.Redactor();
        string[] comments = ["Please reply to janedoe0@gmail.com about my refund. Nobody did."];
        var analysis = CommentAnalysis.Run(comments, ThemeDictionary.Parse("Refunds: refund*"), 0, (_, s) => redactor.Redact(s).Text);
        var quote = analysis.Themes[0].Quotes.Single();
        Assert.Equal("Please reply to [email] about my refund.", quote.Text);
        Assert.DoesNotContain("gmail", analysis.RedactedComments[0]!, StringComparison.Ordinal);
    }
}
