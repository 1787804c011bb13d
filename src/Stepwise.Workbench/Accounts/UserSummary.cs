using Stepwise.Review.Access;

namespace Stepwise.Workbench.Accounts;

/// <summary>An account as others may see it (never its password hash).</summary>
/// <param name="Id">The account id.</param>
/// <param name="Name">The user name.</param>
/// <param name="DisplayName">The display name.</param>
/// <param name="IsAdministrator">Whether it administers the workspace.</param>
/// <param name="Disabled">Whether it is disabled.</param>
/// <param name="HasPassword">Whether it can sign in with a password.</param>
/// <param name="LockedUntil">Until when password sign-in is locked, if it is.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record UserSummary(Guid Id, string Name, string DisplayName, bool IsAdministrator, bool Disabled, bool HasPassword, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt)
{
    internal static UserSummary Of(UserAccount user) => new(user.Id, user.Name, user.DisplayName, user.IsAdministrator, user.Disabled, user.PasswordHash is not null, user.LockedUntil, user.CreatedAt);
}
