namespace Stepwise.Text.Privacy;

/// <summary>A comment with its personal data replaced by placeholders, and what was replaced (kinds only, never the values).</summary>
/// <param name="Text">The redacted text.</param>
/// <param name="Counts">How many of each kind were replaced.</param>
public sealed record Redaction(string Text, IReadOnlyDictionary<RedactionKind, int> Counts)
{
    /// <summary>Whether anything was replaced.</summary>
    public bool Changed => Counts.Count > 0;
}
