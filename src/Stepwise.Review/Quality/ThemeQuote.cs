namespace Stepwise.Review.Quality;

/// <summary>A quote of a comment with personal data removed, and the (pseudonymised) id of its response.</summary>
/// <param name="Text">The redacted text.</param>
/// <param name="ResponseId">The response's id as shown (a keyed pseudonym when a key was given).</param>
/// <param name="Sentiment">The quote's sentiment (-1 to 1).</param>
public sealed record ThemeQuote(string Text, string ResponseId, double Sentiment);
