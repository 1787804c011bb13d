namespace Stepwise.Text.Tokens;

/// <summary>What a token is.</summary>
public enum TokenKind
{
    /// <summary>A word (letters, digits and inner apostrophes), lower-cased.</summary>
    Word,

    /// <summary>A clause break inside a sentence (comma, semicolon, colon, dash, bracket).</summary>
    ClauseBreak,

    /// <summary>The end of a sentence (full stop, question mark, line break).</summary>
    SentenceEnd,

    /// <summary>An exclamation mark (also ends the sentence).</summary>
    Exclamation,

    /// <summary>A redaction placeholder such as <c>[name]</c> or <c>[email]</c>: never a word of a theme or a feature.</summary>
    Placeholder,
}
