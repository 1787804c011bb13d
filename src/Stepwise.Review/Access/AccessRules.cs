namespace Stepwise.Review.Access;

/// <summary>
/// Which role may do what. One table, used by every host: the layer checks it before each use case, so a denial is
/// the same from the command line, the web app and the HTTP API.
/// </summary>
public static class AccessRules
{
    /// <summary>Whether a member with <paramref name="role"/> may do <paramref name="permission"/>.</summary>
    public static bool Allows(ReviewRole role, Permission permission) => permission switch
    {
        Permission.Read => true,
        Permission.Edit => role is ReviewRole.Owner or ReviewRole.Analyst,
        Permission.Answer => role is not ReviewRole.Viewer,
        Permission.UpdateOwnTask => role is not ReviewRole.Viewer,
        Permission.SignOwn => role is ReviewRole.Owner or ReviewRole.Approver or ReviewRole.Analyst,
        Permission.SignOnBehalf => role is ReviewRole.Owner,
        Permission.MoveStage => role is ReviewRole.Owner,
        Permission.ManageMembers => role is ReviewRole.Owner,
        Permission.IncludePersonalData => role is ReviewRole.Owner,
        _ => false,
    };

    /// <summary>The permissions of a role, in declaration order.</summary>
    public static IReadOnlyList<Permission> Of(ReviewRole role) => [.. Enum.GetValues<Permission>().Where(p => Allows(role, p))];

    /// <summary>A user-facing description of what a role may do.</summary>
    public static string Describe(ReviewRole role) => role switch
    {
        ReviewRole.Owner => "runs the review: everything an analyst may do, plus members, stage moves and sign-offs recorded for others",
        ReviewRole.Analyst => "imports data, assesses steps, raises questions, builds, evaluates and plans options, monitors, and signs off when bound to a stakeholder",
        ReviewRole.Approver => "signs off as the stakeholder they are bound to, answers questions and updates their own tasks",
        ReviewRole.Contributor => "answers the questions put to them and updates the plan tasks they own",
        ReviewRole.Viewer => "reads everything and changes nothing",
        _ => role.ToString(),
    };
}
