using Stepwise.Text.Tokens;

namespace Stepwise.Text.Sentiment;

/// <summary>
/// The features the sentiment model reads from a comment: the lexicon's positive and negative sums and compound
/// balance, and the comment's words and word pairs. A word in the scope of a negator (to the end of its clause) is
/// read as <c>not_word</c>, so "not good" and "good" are different evidence. Word features are present or absent,
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

    /// <summary>The distinct word and word-pair features of a tokenised comment.</summary>
    public static HashSet<string> Words(IReadOnlyList<Token> tokens, SentimentLexicon lexicon)
    {
        var features = new HashSet<string>(StringComparer.Ordinal);
        bool negated = false;
        string? previous = null;
        foreach (var token in tokens)
        {
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

            features.Add(negated ? "not_" + word : word);
            if (previous is not null)
            {
                features.Add(previous + " " + word);
            }

            if (lexicon.IsNegator(word))
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
