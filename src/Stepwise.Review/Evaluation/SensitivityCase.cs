namespace Stepwise.Review.Evaluation;

/// <summary>
/// One case of the matrix's sensitivity check: one criterion's weight moved by a factor (0.8 or 1.2), the others
/// rescaled so the weights still sum to 1, and the winner then.
/// </summary>
/// <param name="Criterion">The criterion whose weight moved.</param>
/// <param name="Factor">The factor applied to its weight.</param>
/// <param name="Weight">Its weight after the move.</param>
/// <param name="Winner">The best option with these weights.</param>
/// <param name="WinnerScore">Its weighted score.</param>
/// <param name="WinnerChanged">Whether the winner differs from the winner with the agreed weights.</param>
public sealed record SensitivityCase(string Criterion, double Factor, double Weight, Guid Winner, double WinnerScore, bool WinnerChanged);
