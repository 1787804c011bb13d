using Stepwise.Text.Sentiment;

namespace Stepwise.Text.Themes;

/// <summary>A representative quote of a theme: a sentence of a (redacted) comment that speaks of it.</summary>
/// <param name="Comment">The index of the comment.</param>
/// <param name="Text">The sentence of the redacted comment, shortened to at most 240 characters.</param>
/// <param name="Sentiment">The sentence's own sentiment score (-1..1), not that of the whole comment.</param>
/// <param name="Label">The sentence's own sentiment label.</param>
public sealed record Quote(int Comment, string Text, double Sentiment, SentimentLabel Label);
