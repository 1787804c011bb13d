namespace Stepwise.Statistics.Plans;

/// <summary>How a service feature is measured.</summary>
public enum MeasurementMethod
{
    /// <summary>Asking customers (CSAT, NPS, CES or item questions).</summary>
    Survey,

    /// <summary>Scoring recorded contacts against a quality-assurance scorecard.</summary>
    QaReview,

    /// <summary>Trained assessors posing as customers.</summary>
    MysteryShopping,

    /// <summary>Counting and classifying complaints.</summary>
    ComplaintAnalysis,

    /// <summary>Figures from the systems (response times, resolution flags, abandonment).</summary>
    OperationalData,
}
