using Stepwise.Review.Access;
using Stepwise.Review.Reviews;
using Stepwise.Review.Storage;
using Stepwise.Review.Workspaces;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Access;

/// <summary>
/// Checks the access rules before every use case. A user's role in a review is their membership; administrators act
/// as owners everywhere. A review written before accounts existed has no members: its owner is the account whose
/// name or display name is the review's owner.
/// </summary>
internal sealed class AccessGuard(Workspace workspace, IWorkspaceStore store)
{
    /// <summary>The actor's role in a review, or null when they have none.</summary>
    public ReviewRole? RoleOf(Actor actor, Guid reviewId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.IsAdministrator)
        {
            return ReviewRole.Owner;
        }

        var members = workspace.List<ReviewMember>(reviewId);
        if (members.Count > 0)
        {
            var mine = members.FirstOrDefault(m => m.Value.Id == actor.UserId)?.Value;
            return mine is { Removed: false } ? mine.Role : null;
        }

        string? owner = OwnerName(reviewId);
        return owner is not null && (string.Equals(owner, actor.Name, StringComparison.OrdinalIgnoreCase) || string.Equals(owner, actor.DisplayName, StringComparison.OrdinalIgnoreCase))
            ? ReviewRole.Owner
            : null;
    }

    /// <summary>Checks that the actor may do <paramref name="permission"/> in the review, and returns their role.</summary>
    /// <exception cref="StepwiseException">The review does not exist (not found), or the actor may not (forbidden).</exception>
    public ReviewRole Require(Actor actor, Guid reviewId, Permission permission)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (store.FindReview(reviewId) is null)
        {
            throw StepwiseException.NotFound($"There is no review {reviewId}.", $"review {reviewId}");
        }

        var role = RoleOf(actor, reviewId)
            ?? throw StepwiseException.Forbidden($"{actor.DisplayName} is not a member of review {reviewId}; its owner can add them.");
        if (!AccessRules.Allows(role, permission))
        {
            throw StepwiseException.Forbidden($"{actor.DisplayName} is {Article(role)} {role.ToString().ToLowerInvariant()} of this review and may not {Describe(permission)}; a {role.ToString().ToLowerInvariant()} {AccessRules.Describe(role)}.");
        }

        return role;
    }

    /// <summary>Checks that the actor administers the workspace.</summary>
    public static void RequireAdministrator(Actor actor, string what)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAdministrator)
        {
            throw StepwiseException.Forbidden($"Only an administrator of the workspace may {what}; {actor.DisplayName} is not one.");
        }
    }

    private string? OwnerName(Guid reviewId)
    {
        var entry = store.FindReview(reviewId);
        return entry?.Type switch
        {
            ReviewType.Process => workspace.GetReview(reviewId).Value.Owner,
            ReviewType.Quality => workspace.Get<Review.Quality.QualityReview>(reviewId, reviewId).Value.Owner,
            _ => null,
        };
    }

    private static string Article(ReviewRole role) => role is ReviewRole.Owner or ReviewRole.Analyst or ReviewRole.Approver ? "an" : "a";

    private static string Describe(Permission permission) => permission switch
    {
        Permission.Read => "read it",
        Permission.Edit => "change it",
        Permission.Answer => "answer questions",
        Permission.UpdateOwnTask => "update plan tasks",
        Permission.SignOwn => "sign off",
        Permission.SignOnBehalf => "record a sign-off on someone else's behalf",
        Permission.MoveStage => "move it to another stage",
        Permission.ManageMembers => "change who takes part in it",
        Permission.IncludePersonalData => "include personal data in a report or export",
        _ => permission.ToString(),
    };
}
