namespace Stepwise.Review.Quality;

/// <summary>One period of the trend of an analysis: the outcome share (a p-chart) or the mean overall score (an XmR chart) with its control limits.</summary>
/// <param name="Period">The period, e.g. 2023-Q4 or 2023-11.</param>
/// <param name="Value">The share (0..1) or the mean in the period.</param>
/// <param name="Responses">Responses dated in the period.</param>
/// <param name="Centre">The centre line.</param>
/// <param name="Lower">The lower control limit.</param>
/// <param name="Upper">The upper control limit.</param>
/// <param name="Rules">The rules of special-cause variation this point completes, by number (1 beyond a limit, 2 two of three
/// beyond 2 sigma, 3 four of five beyond 1 sigma, 4 eight on one side, 5 six rising or falling); empty for common-cause variation.</param>
public sealed record TrendPoint(string Period, double Value, int Responses, double Centre, double Lower, double Upper, IReadOnlyList<int> Rules);
