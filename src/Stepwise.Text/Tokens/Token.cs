namespace Stepwise.Text.Tokens;

/// <summary>A token of a comment: its kind, its text (lower-cased words) and where it is in the comment.</summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Text">The lower-cased word, or the punctuation mark.</param>
/// <param name="Start">Offset of the token in the comment.</param>
/// <param name="Length">Length of the token in the comment.</param>
/// <param name="Shouted">Whether the word was written in capitals (at least two letters, all upper-case).</param>
public readonly record struct Token(TokenKind Kind, string Text, int Start, int Length, bool Shouted);
