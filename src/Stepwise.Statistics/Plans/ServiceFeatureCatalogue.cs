using Stepwise.Statistics.Targets;

namespace Stepwise.Statistics.Plans;

/// <summary>
/// The service features a measurement plan picks from. The features are the determinants of service quality of
/// Parasuraman, Zeithaml and Berry (1985) that customer-service teams measure, each placed in the SERVQUAL
/// dimension the 1988 study folded it into (competence and courtesy into assurance; access, communication and
/// understanding into empathy), plus first-contact resolution and timeliness, which service desks measure directly.
/// </summary>
public static class ServiceFeatureCatalogue
{
    /// <summary>Every feature in the catalogue.</summary>
    public static IReadOnlyList<ServiceFeature> All { get; } =
    [
        new("timeliness", "Timeliness", "The customer is answered and helped quickly: waiting, response and resolution times.", ServqualDimension.Responsiveness, QualityMetric.ResponseTime, MeasurementMethod.OperationalData),
        new("accuracy", "Accuracy", "Information, bills and actions are right the first time.", ServqualDimension.Reliability, QualityMetric.QaScore, MeasurementMethod.QaReview),
        new("courtesy", "Courtesy", "Staff are polite, respectful and friendly.", ServqualDimension.Assurance, QualityMetric.MeanScore, MeasurementMethod.Survey),
        new("competence", "Competence", "Staff have the knowledge and skill to help.", ServqualDimension.Assurance, QualityMetric.QaScore, MeasurementMethod.QaReview),
        new("first-contact-resolution", "First-contact resolution", "The need is resolved in the first contact, without calling back.", ServqualDimension.Reliability, QualityMetric.FirstContactResolution, MeasurementMethod.Survey),
        new("accessibility", "Accessibility", "The service is easy to reach: channels, opening hours, waiting to get through.", ServqualDimension.Empathy, QualityMetric.CustomerEffortScore, MeasurementMethod.Survey),
        new("communication", "Communication", "The customer is kept informed in language they understand, and listened to.", ServqualDimension.Empathy, QualityMetric.MeanScore, MeasurementMethod.Survey),
        new("reliability", "Reliability", "The promised service is delivered dependably, as promised.", ServqualDimension.Reliability, QualityMetric.CsatPercent, MeasurementMethod.Survey),
        new("responsiveness", "Responsiveness", "Staff are willing to help and give prompt service.", ServqualDimension.Responsiveness, QualityMetric.MeanScore, MeasurementMethod.Survey),
        new("understanding", "Understanding the customer", "Staff make the effort to know the customer's needs and give individual attention.", ServqualDimension.Empathy, QualityMetric.MeanScore, MeasurementMethod.MysteryShopping),
        new("tangibles", "Tangibles", "Facilities, equipment, documents and the look of the service are good.", ServqualDimension.Tangibles, QualityMetric.MeanScore, MeasurementMethod.Survey),
        new("complaints", "Complaint handling", "Complaints are acknowledged, put right and learnt from.", ServqualDimension.Assurance, QualityMetric.CsatPercent, MeasurementMethod.ComplaintAnalysis),
        new("overall-satisfaction", "Overall satisfaction", "The customer's overall judgement of the service.", ServqualDimension.Reliability, QualityMetric.CsatPercent, MeasurementMethod.Survey),
        new("loyalty", "Loyalty", "The customer would recommend the service and come back.", ServqualDimension.Empathy, QualityMetric.NetPromoterScore, MeasurementMethod.Survey),
    ];

    /// <summary>The feature with id <paramref name="id"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No feature has that id.</exception>
    public static ServiceFeature Find(string id)
        => All.FirstOrDefault(f => string.Equals(f.Id, id?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"'{id}' is not a service feature; use one of: {string.Join(", ", All.Select(f => f.Id))}.", nameof(id));
}
