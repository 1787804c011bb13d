using Stepwise.Text.Tokens;

namespace Stepwise.Text.Sentiment;

/// <summary>
/// The features the sentiment model reads from a comment: the lexicon's positive and negative sums and compound
/// balance (in which negation, absence and the weight of the clause after a contrast word are already read), the
/// lexicon's cues (how it read each negation: as praise, as a complaint or as a complaint of absence), and the
/// comment's words and word pairs. (Cues for the direction of the clause after a contrast word were tried and left
/// out: fitted on reviews they learn the opposite sign, since a long review's "but" clause is often a caveat.)
/// A word in the scope of a negator (to the end of its clause) is read as <c>not_word</c>, so "not good" and "good"
/// are different evidence; "used to be" is a negator as it is for the lexicon (see <see cref="NegationPhrases"/>), so
/// "it used to be good" is read with <c>not_good</c>; function words ("at", "all", "the") are not, so that "no problems at all" does not carry
/// the weight that "not_at" and "not_all" learn from complaints. Word features are present or absent,
/// scaled so that their vector has unit length: a long comment does not outweigh a short one.
/// </summary>
internal static class SentimentFeatures
{
    /// <summary>Names of the lexicon features; they start with '=' so they can never be a word.</summary>
    public const string LexiconPositive = "=lexicon_positive";

    /// <summary>The lexicon's negative sum feature.</summary>
    public const string LexiconNegative = "=lexicon_negative";

    /// <summary>The lexicon's compound balance feature.</summary>
    public const string LexiconCompound = "=lexicon_compound";

    /// <summary>A negation the lexicon reads as praise: a negated complaint ("no complaints", "can't fault them") or
    /// the best possible ("couldn't be happier").</summary>
    public const string NegationPositive = "=negation_positive";

    /// <summary>A negation the lexicon reads as a complaint: negated praise ("not helpful", "wouldn't recommend").</summary>
    public const string NegationNegative = "=negation_negative";

    /// <summary>A negator that negates no sentiment word: a complaint of absence ("no one called me back").</summary>
    public const string NegationAbsence = "=negation_absence";

    /// <summary>The distinct word and word-pair features of a tokenised comment, with the <paramref name="cues"/> of
    /// its lexicon score (how its negations were read, see <see cref="SentimentAnalyzer"/>).</summary>
    public static HashSet<string> Words(IReadOnlyList<Token> tokens, SentimentLexicon lexicon, IEnumerable<string> cues)
    {
        var features = new HashSet<string>(cues, StringComparer.Ordinal);
        bool negated = false;
        string? previous = null;
        for (int i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind is not (TokenKind.Word or TokenKind.Placeholder))
            {
                negated = false;
                previous = null;
                continue;
            }

            if (token.Kind == TokenKind.Placeholder || !HasLetter(token.Text))
            {
                previous = null;
                continue;
            }

            string word = token.Text;
            if (lexicon.IsContrast(word))
            {
                negated = false;
            }

            features.Add(negated && !FunctionWords.Contains(word) ? "not_" + word : word);
            if (previous is not null)
            {
                features.Add(previous + " " + word);
            }

            if (NegationPhrases.IsNegator(lexicon, tokens, i))
            {
                negated = true;
            }

            previous = word;
        }

        return features;
    }

    /// <summary>The lexicon features of a lexicon score.</summary>
    public static (double Positive, double Negative, double Compound) Lexicon(SentimentScore lexiconScore)
        => (Math.Log(1 + lexiconScore.Positive), Math.Log(1 + lexiconScore.Negative), lexiconScore.Compound);

    // The general English stop words (the first line of the list; the second holds words of customer-service themes).
    private static readonly HashSet<string> FunctionWords = new(
        SentimentLexicon.ReadResource("stopwords.txt").Split('\n')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal);

    private static bool HasLetter(string word)
    {
        foreach (char c in word)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }
}
