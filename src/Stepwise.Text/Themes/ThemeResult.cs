namespace Stepwise.Text.Themes;

/// <summary>How often a theme comes up, how customers feel when it does, and what they say.</summary>
/// <param name="Theme">The theme.</param>
/// <param name="Comments">Indexes of the comments that mention it.</param>
/// <param name="Share">Their share of the non-empty comments.</param>
/// <param name="MeanSentiment">The mean compound sentiment of those comments (-1..1).</param>
/// <param name="NegativeShare">The share of those comments whose sentiment is negative.</param>
/// <param name="Quotes">Representative quotes, distinct: from the comments whose sentiment is nearest the theme's mean.</param>
public sealed record ThemeResult(Theme Theme, IReadOnlyList<int> Comments, double Share, double MeanSentiment, double NegativeShare, IReadOnlyList<Quote> Quotes);
