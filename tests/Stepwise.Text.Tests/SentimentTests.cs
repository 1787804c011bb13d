using Stepwise.Statistics.Feedback;
using Stepwise.Testing;
using Stepwise.Text.Sentiment;

namespace Stepwise.Text.Tests;

public class SentimentTests
{
    private static readonly SentimentAnalyzer Analyzer = new();

    private static double S(string text) => Analyzer.Score(text).Compound;

    [Fact]
    public void Score_Negation_ReversesAndSoftens()
    {
        Assert.True(S("The staff were good.") > 0);
        Assert.True(S("The staff were not good.") < 0);
        Assert.True(S("The food was not bad.") > 0);
        Assert.True(S("The food was not bad.") < S("The food was good."));
        Assert.True(S("I didn’t enjoy it.") < 0);
    }

    [Fact]
    public void Score_Intensifiers_StrengthenOrWeaken()
    {
        Assert.True(S("The seat was very good.") > S("The seat was good."));
        Assert.True(S("The seat was slightly good.") < S("The seat was good."));
        Assert.True(S("The seat was very bad.") < S("The seat was bad."));
        Assert.True(S("The crew were GOOD.") > S("The crew were good."));
        Assert.True(S("Great flight!!") > S("Great flight."));
    }

    [Fact]
    public void Score_ContrastClause_WeighsMore()
    {
        Assert.True(S("The food was good but the staff were terrible.") < 0);
        Assert.True(S("The staff were rude, but in the end everything was excellent.") > 0);
    }

    [Fact]
    public void Score_NegationDoesNotCrossClauses()
        => Assert.True(S("No problem, the staff were friendly.") > 0);

    [Fact]
    public void Score_Empty_Neutral()
    {
        Assert.Equal(0, S(""));
        Assert.Equal("neutral", Analyzer.Score((string?)null).Label);
    }

    [Fact]
    public void Lexicon_UserLines_ExtendTheDefault()
    {
        var lexicon = SentimentLexicon.Default.With("3: avios\nnegators: nae");
        var analyzer = new SentimentAnalyzer(lexicon);
        Assert.True(analyzer.Score("avios").Compound > 0);
        Assert.True(analyzer.Score("nae good").Compound < 0);
        Assert.Equal(0, S("avios"));
        Assert.Throws<FormatException>(() => SentimentLexicon.Default.With("7: wow"));
    }

    [Fact]
    public void Score_BaReviews_HeldOutAucAtLeast085AgainstRecommended()
    {
        var table = FeedbackReader.Read(SharedData.PathOf("surveys/BA_AirlineReviews.csv")).Table;
        var cut = new DateTime(2019, 1, 1);
        var yes = new List<double>();
        var no = new List<double>();
        for (int i = 0; i < table.Count; i++)
        {
            if (table.ResponseDates![i] >= cut && table.Outcome![i] is bool recommended)
            {
                (recommended ? yes : no).Add(S(table.Comments![i]!));
            }
        }

        // AUC by brute force over every (recommending, not recommending) pair, ties counting one half.
        double wins = 0;
        foreach (double y in yes)
        {
            foreach (double n in no)
            {
                wins += y > n ? 1 : y == n ? 0.5 : 0;
            }
        }

        double auc = wins / (yes.Count * (double)no.Count);
        Assert.True(auc >= 0.85, $"AUC on reviews from 2019 on was {auc:0.000}");
    }
}
