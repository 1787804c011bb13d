using Stepwise.Statistics.Targets;

namespace Stepwise.Statistics.Plans;

/// <summary>One line of a measurement plan: a feature, how it is measured, its target and how often.</summary>
/// <param name="Feature">The service feature.</param>
/// <param name="Method">How it is measured.</param>
/// <param name="Target">The metric, the column it is computed on, and the standard set.</param>
/// <param name="Frequency">How often it is measured.</param>
/// <param name="Owner">Who is accountable for the measure (a role or a name).</param>
public sealed record PlannedMeasure(ServiceFeature Feature, MeasurementMethod Method, Target Target, MeasurementFrequency Frequency, string? Owner = null);
