namespace Stepwise.Review.Quality;

/// <summary>A planned metric measured on feedback data, against its target.</summary>
/// <param name="Metric">The metric, as named in the measurement plan.</param>
/// <param name="Subject">What was measured (the column, or "overall").</param>
/// <param name="Value">The estimate, in the metric's units.</param>
/// <param name="Lower">The lower end of its interval.</param>
/// <param name="Upper">The upper end of its interval.</param>
/// <param name="SampleSize">Responses it was computed on.</param>
/// <param name="Target">The target.</param>
/// <param name="HigherIsBetter">Whether the target is a floor.</param>
/// <param name="Verdict">Met, missed or undecided at the analysis's confidence.</param>
public sealed record QualityResult(string Metric, string Subject, double Value, double? Lower, double? Upper, int SampleSize, double Target, bool HigherIsBetter, ResultVerdict Verdict);
