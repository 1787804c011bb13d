namespace Stepwise.Review.Quality;

/// <summary>The check of one attribute of a sample against the population.</summary>
/// <param name="Attribute">The attribute, e.g. Class.</param>
/// <param name="ChiSquare">The goodness-of-fit statistic (null when it could not be computed).</param>
/// <param name="DegreesOfFreedom">Its degrees of freedom.</param>
/// <param name="PValue">Its p-value.</param>
/// <param name="EffectSize">Cohen's w.</param>
/// <param name="Representative">Whether the sample represents the population on this attribute.</param>
/// <param name="Groups">Each group's shares, difference and weight.</param>
public sealed record AttributeCheck(string Attribute, double? ChiSquare, int? DegreesOfFreedom, double? PValue, double? EffectSize, bool Representative, IReadOnlyList<GroupCheck> Groups);
