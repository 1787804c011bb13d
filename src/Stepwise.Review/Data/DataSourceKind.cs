namespace Stepwise.Review.Data;

/// <summary>What an imported file holds.</summary>
public enum DataSourceKind
{
    /// <summary>An event log (ticketing, CRM or contact-centre export).</summary>
    EventLog,

    /// <summary>Customer feedback: survey results, complaints, QA scorecards.</summary>
    Feedback,
}
