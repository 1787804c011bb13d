namespace Stepwise.Steps.Satisfaction;

/// <summary>How a survey response was linked to a case of the log, or why it was not.</summary>
public enum LinkOutcome
{
    /// <summary>Linked by its case id.</summary>
    ByCaseId,

    /// <summary>Linked by its customer id to the customer's case that ended most recently before the response, within the window.</summary>
    ByCustomer,

    /// <summary>Not linked: the response has neither a case id nor a customer id with a date.</summary>
    NoKey,

    /// <summary>Not linked: its case id is not in the log (and it could not be linked by customer).</summary>
    UnknownCase,

    /// <summary>Not linked: its customer has no case in the log.</summary>
    UnknownCustomer,

    /// <summary>Not linked: it has a customer id but no response date to place it after a case.</summary>
    NoDate,

    /// <summary>Not linked: none of the customer's cases ended within the window before the response.</summary>
    NoCaseInWindow,

    /// <summary>Not linked: its case is in the log but not among the cases reviewed (filtered out).</summary>
    OutsideScope,

    /// <summary>Not linked: another response was already linked to the same case (the first one is used).</summary>
    DuplicateCase,

    /// <summary>Linked, but the response has no score on the measure analysed.</summary>
    NoScore,
}
