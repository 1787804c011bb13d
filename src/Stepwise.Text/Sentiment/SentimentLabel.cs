namespace Stepwise.Text.Sentiment;

/// <summary>The sentiment of a comment as a category.</summary>
public enum SentimentLabel
{
    /// <summary>The author is dissatisfied.</summary>
    Negative,

    /// <summary>Neither, or mixed.</summary>
    Neutral,

    /// <summary>The author is satisfied.</summary>
    Positive,
}
