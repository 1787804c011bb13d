namespace Stepwise.Review.Quality;

/// <summary>The responses dated in one period (by the responses' own dates, not when they were analysed): the outcome
/// share and the mean overall score, each with its interval.</summary>
/// <param name="Period">The period, e.g. 2023-Q4, 2023-11 or 2023.</param>
/// <param name="Responses">Responses dated in the period.</param>
/// <param name="Outcome">The outcome's yes share (Wilson interval), when the feedback has an outcome.</param>
/// <param name="Overall">The mean overall score (t interval), when the feedback has an overall score.</param>
public sealed record ResponsePeriod(string Period, int Responses, PeriodEstimate? Outcome, PeriodEstimate? Overall);

/// <summary>A share or a mean in a period with its interval.</summary>
/// <param name="Value">The share (0..1) or the mean.</param>
/// <param name="Lower">The interval's lower end (NaN when it cannot be worked out).</param>
/// <param name="Upper">The interval's upper end.</param>
/// <param name="Count">The responses that answered.</param>
public sealed record PeriodEstimate(double Value, double Lower, double Upper, int Count);

/// <summary>The latest periods against all earlier ones on one measure, with the test of the difference.</summary>
/// <param name="Measure">The measure (the outcome's or the overall score's name).</param>
/// <param name="IsShare">Whether the values are shares (0..1) rather than means.</param>
/// <param name="RecentFrom">The first of the latest periods.</param>
/// <param name="RecentTo">The last period.</param>
/// <param name="RecentPeriods">How many periods are counted as the latest.</param>
/// <param name="Recent">The share or mean in the latest periods.</param>
/// <param name="RecentCount">Responses that answered in the latest periods.</param>
/// <param name="Earlier">The share or mean in all earlier periods.</param>
/// <param name="EarlierCount">Responses that answered in the earlier periods.</param>
/// <param name="Test">The test (Pearson's chi-square for shares, Welch's t for means).</param>
/// <param name="PValue">Its two-sided p-value.</param>
public sealed record PeriodChange(string Measure, bool IsShare, string RecentFrom, string RecentTo, int RecentPeriods, double Recent, int RecentCount, double Earlier, int EarlierCount, string Test, double PValue);
