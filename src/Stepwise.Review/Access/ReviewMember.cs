using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;

namespace Stepwise.Review.Access;

/// <summary>
/// A user account's role in one review. Its id is the account's id, so a user is a member of a review at most once;
/// membership changes are versioned and kept in the review's history like any other artefact.
/// </summary>
public sealed record ReviewMember : IArtefact
{
    /// <inheritdoc />
    public static ArtefactKind Kind => ArtefactKind.Member;

    /// <summary>The user account's id.</summary>
    public required Guid Id { get => field; init => field = Guard.Id(value, "Member"); }

    /// <summary>The account's user name when the membership was last changed (for history and display).</summary>
    public required string UserName { get => field; init => field = Guard.Text(value, "User name", 100); }

    /// <summary>What the member may do.</summary>
    public required ReviewRole Role { get => field; init => field = Guard.Defined(value, "Role"); }

    /// <summary>Whether the member has been removed from the review (kept so the history still names them).</summary>
    public bool Removed { get; init; }
}
