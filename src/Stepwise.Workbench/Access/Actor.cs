using Stepwise.Review.Access;

namespace Stepwise.Workbench.Access;

/// <summary>
/// Who is calling a use case: an authenticated user account and how it arrived. Every use case takes one; the access
/// rules are checked against it and the history records its display name.
/// </summary>
/// <param name="UserId">The account's id.</param>
/// <param name="Name">The account's user name.</param>
/// <param name="DisplayName">The name others see, recorded in the history.</param>
/// <param name="IsAdministrator">Whether the account administers the workspace.</param>
/// <param name="Channel">How the user reached the workspace.</param>
public sealed record Actor(Guid UserId, string Name, string DisplayName, bool IsAdministrator, ActorChannel Channel)
{
    /// <summary>The actor for an account reached through a channel.</summary>
    public static Actor Of(UserAccount user, ActorChannel channel)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new Actor(user.Id, user.Name, user.DisplayName, user.IsAdministrator, channel);
    }
}
