namespace Stepwise.Text.Sentiment;

/// <summary>The sentiment of a comment.</summary>
/// <param name="Compound">Overall sentiment from -1 (most negative) to 1 (most positive): 2p - 1 where p is the calibrated
/// model's probability that the author is satisfied, in which the lexicon's balance weighs more in a short comment (see
/// <see cref="SentimentModel.LexiconWeight"/>; the lexicon's balance alone when no model is used).</param>
/// <param name="Positive">Sum of the lexicon's positive contributions (after negation and intensity).</param>
/// <param name="Negative">Sum of the lexicon's negative contributions, as a positive number.</param>
/// <param name="SentimentWords">How many lexicon words contributed.</param>
/// <param name="Category">Negative, neutral or positive, by the model's calibrated thresholds.</param>
public readonly record struct SentimentScore(double Compound, double Positive, double Negative, int SentimentWords, SentimentLabel Category)
{
    /// <summary>The category in lower case: <c>negative</c>, <c>neutral</c> or <c>positive</c>.</summary>
    public string Label => Category switch
    {
        SentimentLabel.Negative => "negative",
        SentimentLabel.Positive => "positive",
        _ => "neutral",
    };

    /// <summary>Whether the comment is labelled negative.</summary>
    public bool IsNegative => Category == SentimentLabel.Negative;
}
