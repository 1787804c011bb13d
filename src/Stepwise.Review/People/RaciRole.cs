namespace Stepwise.Review.People;

/// <summary>A stakeholder's part in the review (RACI).</summary>
public enum RaciRole
{
    /// <summary>Does the work.</summary>
    Responsible,

    /// <summary>Answers for the outcome; their approval makes an artefact agreed.</summary>
    Accountable,

    /// <summary>Asked for their view before decisions.</summary>
    Consulted,

    /// <summary>Told of decisions.</summary>
    Informed,
}
