namespace Stepwise.Review.Access;

/// <summary>
/// What a person may do in one review. Roles are ordered from most to least rights only for display; what each may
/// do is decided by <see cref="AccessRules"/>, never by comparing roles.
/// </summary>
public enum ReviewRole
{
    /// <summary>Runs the review: everything an analyst may do, plus members, stage moves and sign-offs recorded for others.</summary>
    Owner,

    /// <summary>Does the analysis: imports data, assesses steps, raises questions, builds and evaluates options, plans and monitors.</summary>
    Analyst,

    /// <summary>Agrees boundaries, recommendations and plans: signs off as the stakeholder they are bound to, and answers questions.</summary>
    Approver,

    /// <summary>Takes part: answers the questions put to them and updates the plan tasks they own.</summary>
    Contributor,

    /// <summary>Reads everything, changes nothing.</summary>
    Viewer,
}
