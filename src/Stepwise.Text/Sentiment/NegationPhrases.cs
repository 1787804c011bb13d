using Stepwise.Text.Tokens;

namespace Stepwise.Text.Sentiment;

/// <summary>
/// Negations of more than one word, read alike by the lexicon score (<see cref="SentimentAnalyzer"/>) and the model's
/// features (<see cref="SentimentFeatures"/>):
/// <list type="bullet">
/// <item><c>no longer</c>, <c>not any longer</c>: "longer" is part of the negator, not the complaint "longer" (a
/// longer wait), so <c>no longer good value</c> negates "good" and "value" and <c>no longer rude</c> negates "rude";
/// <c>no longer than</c> is a comparison and is left alone;</item>
/// <item><c>used to be</c>: what something was and no longer is, a negator of what follows (<c>it used to be good
/// value</c>), though not a complaint of absence by itself (<c>I used to be a member</c>).</item>
/// </list>
/// <c>No more</c> and <c>not ... any more</c> need no rule: "more" is a booster, which a negation reaches across, and
/// a trailing "any more" or "anymore" adds to a negation already read.
/// </summary>
internal static class NegationPhrases
{
    /// <summary>Whether the word at <paramref name="i"/> is a later word of a negation phrase ("longer" of "no longer",
    /// "to" and "be" of "used to be"): neither a sentiment word nor a word the negation's reach counts.</summary>
    public static bool IsContinuation(IReadOnlyList<Token> tokens, int i)
    {
        string word = tokens[i].Text;
        return word switch
        {
            "longer" => IsWord(tokens, i - 1, "no", "any") && !IsWord(tokens, i + 1, "than"),
            "to" => IsUsedToBe(tokens, i - 1),
            "be" => IsUsedToBe(tokens, i - 2),
            _ => false,
        };
    }

    /// <summary>Whether the word at <paramref name="i"/> is the "used" of "used to be".</summary>
    public static bool IsUsedToBe(IReadOnlyList<Token> tokens, int i)
        => IsWord(tokens, i, "used") && IsWord(tokens, i + 1, "to") && IsWord(tokens, i + 2, "be");

    /// <summary>Whether the word at <paramref name="i"/> opens a negation: a negator of the lexicon or the "used" of
    /// "used to be".</summary>
    public static bool IsNegator(SentimentLexicon lexicon, IReadOnlyList<Token> tokens, int i)
        => tokens[i].Kind == TokenKind.Word && (lexicon.IsNegator(tokens[i].Text) || IsUsedToBe(tokens, i));

    private static bool IsWord(IReadOnlyList<Token> tokens, int i, string word)
        => i >= 0 && i < tokens.Count && tokens[i].Kind == TokenKind.Word && tokens[i].Text == word;

    private static bool IsWord(IReadOnlyList<Token> tokens, int i, string word, string other)
        => i >= 0 && i < tokens.Count && tokens[i].Kind == TokenKind.Word && (tokens[i].Text == word || tokens[i].Text == other);
}
