namespace Stepwise.Steps.Satisfaction;

/// <summary>How survey responses are linked to cases.</summary>
public sealed record FeedbackLinkOptions
{
    /// <summary>The log attribute holding the customer id (a case attribute, or an event attribute taken from the case's
    /// first event that has it), for responses without a case id; null links by case id only.</summary>
    public string? CustomerAttribute { get; init; }

    /// <summary>A response given by a customer links to that customer's case that ended most recently before the
    /// response, if it ended at most this long before.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromDays(14);

    /// <summary>The score analysed: the overall score when null, else the item of this name.</summary>
    public string? Score { get; init; }
}
