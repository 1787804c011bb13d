using Stepwise.Review.Access;

namespace Stepwise.Workbench.Reviews;

/// <summary>A member of a review.</summary>
/// <param name="UserId">The account id.</param>
/// <param name="UserName">The user name.</param>
/// <param name="DisplayName">The display name.</param>
/// <param name="Role">Their role.</param>
/// <param name="Permissions">What the role may do.</param>
/// <param name="Version">The membership's version (its ETag).</param>
public sealed record MemberSummary(Guid UserId, string UserName, string DisplayName, ReviewRole Role, IReadOnlyList<Permission> Permissions, long Version);
