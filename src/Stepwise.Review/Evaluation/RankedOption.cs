namespace Stepwise.Review.Evaluation;

/// <summary>An option's place in the decision matrix: its weighted score (1 to 5) when scored on every criterion.</summary>
/// <param name="OptionId">The option.</param>
/// <param name="WeightedScore">The sum over criteria of weight times score.</param>
public sealed record RankedOption(Guid OptionId, double WeightedScore);
