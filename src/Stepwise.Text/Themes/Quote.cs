namespace Stepwise.Text.Themes;

/// <summary>A representative quote of a theme: the sentence of a comment that mentions it.</summary>
/// <param name="Comment">The index of the comment.</param>
/// <param name="Text">The sentence, redacted by the caller's redaction and shortened to at most 240 characters.</param>
/// <param name="Sentiment">The sentiment of the whole comment.</param>
public sealed record Quote(int Comment, string Text, double Sentiment);
