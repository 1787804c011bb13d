namespace Stepwise.Review.Quality;

/// <summary>A theme of the comments, with redacted quotes.</summary>
/// <param name="Name">The theme.</param>
/// <param name="Comments">Comments in it.</param>
/// <param name="Share">Its share of the comments.</param>
/// <param name="MeanSentiment">The mean sentiment of its comments (-1 to 1).</param>
/// <param name="ScoreInTheme">The mean score (or yes share) of comments in it, when compared.</param>
/// <param name="ScoreElsewhere">The mean score (or yes share) of other comments.</param>
/// <param name="AdjustedPValue">The p-value of the difference, adjusted over all themes (Holm).</param>
/// <param name="Quotes">Quotes with personal data removed.</param>
public sealed record CommentTheme(string Name, int Comments, double Share, double MeanSentiment, double? ScoreInTheme, double? ScoreElsewhere, double? AdjustedPValue, IReadOnlyList<ThemeQuote> Quotes);
