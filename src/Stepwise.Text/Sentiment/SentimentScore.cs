namespace Stepwise.Text.Sentiment;

/// <summary>The sentiment of a comment.</summary>
/// <param name="Compound">Overall sentiment from -1 (most negative) to 1 (most positive); 0 is neutral or balanced.</param>
/// <param name="Positive">Sum of the positive contributions (after negation and intensity).</param>
/// <param name="Negative">Sum of the negative contributions, as a positive number.</param>
/// <param name="SentimentWords">How many sentiment words contributed.</param>
public readonly record struct SentimentScore(double Compound, double Positive, double Negative, int SentimentWords)
{
    /// <summary>A label: positive above 0.05, negative below -0.05, neutral otherwise.</summary>
    public string Label => Compound > 0.05 ? "positive" : Compound < -0.05 ? "negative" : "neutral";
}
