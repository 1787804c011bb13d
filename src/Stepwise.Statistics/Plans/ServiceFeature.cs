using Stepwise.Statistics.Targets;

namespace Stepwise.Statistics.Plans;

/// <summary>A feature of the service that affects satisfaction, with how it is usually measured.</summary>
/// <param name="Id">A short stable id (<c>timeliness</c>, <c>first-contact-resolution</c>).</param>
/// <param name="Name">The name shown to users.</param>
/// <param name="Description">What the feature means to a customer.</param>
/// <param name="Dimension">The SERVQUAL dimension it belongs to.</param>
/// <param name="SuggestedMetric">The metric usually used for it.</param>
/// <param name="SuggestedMethod">The method usually used for it.</param>
public sealed record ServiceFeature(string Id, string Name, string Description, ServqualDimension Dimension, QualityMetric SuggestedMetric, MeasurementMethod SuggestedMethod);
