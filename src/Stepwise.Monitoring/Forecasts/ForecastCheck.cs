namespace Stepwise.Monitoring.Forecasts;

/// <summary>One forecast beside what happened.</summary>
/// <param name="Key">The KPI's key, or <c>savings</c>.</param>
/// <param name="Name">What is compared, in words.</param>
/// <param name="ForecastLow">The forecast interval's low end (for savings: to date).</param>
/// <param name="ForecastHigh">Its high end.</param>
/// <param name="Actual">What happened: the after value, the change, or the savings realised to date.</param>
/// <param name="ActualLow">Lower bound of what happened.</param>
/// <param name="ActualHigh">Upper bound of what happened.</param>
/// <param name="Verdict">How they compare.</param>
/// <param name="Note">How the figures were found.</param>
public sealed record ForecastCheck(string Key, string Name, double ForecastLow, double ForecastHigh, double Actual, double ActualLow, double ActualHigh, ForecastVerdict Verdict, string Note);
