namespace Stepwise.Review.Access;

/// <summary>An action on a review that the access rules allow or deny.</summary>
public enum Permission
{
    /// <summary>Read the review, its artefacts, data, analyses, history and reports.</summary>
    Read,

    /// <summary>Change the review's artefacts (scope, stakeholders, communications, steps, questions, options,
    /// evaluations, recommendations, plan, monitoring plan, quality-review content) and import data.</summary>
    Edit,

    /// <summary>Answer a question put to the stakeholder the user is bound to.</summary>
    Answer,

    /// <summary>Update the status of a plan task the user owns.</summary>
    UpdateOwnTask,

    /// <summary>Approve or reject a scope, recommendation or plan as the stakeholder the user is bound to.</summary>
    SignOwn,

    /// <summary>Record a stakeholder's decision on their behalf (marked as such, with a reason).</summary>
    SignOnBehalf,

    /// <summary>Move the review between stages.</summary>
    MoveStage,

    /// <summary>Add or remove members and change their roles; bind stakeholders to accounts.</summary>
    ManageMembers,

    /// <summary>Produce a report or export that includes personal data.</summary>
    IncludePersonalData,
}
