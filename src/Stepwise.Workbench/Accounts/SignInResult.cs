using Stepwise.Workbench.Access;

namespace Stepwise.Workbench.Accounts;

/// <summary>The outcome of a password sign-in. A failure never says whether the name or the password was wrong.</summary>
/// <param name="Actor">The signed-in user, when it succeeded.</param>
/// <param name="Message">Why it failed, for the user.</param>
/// <param name="LockedUntil">Until when sign-in is locked, when it is.</param>
public sealed record SignInResult(Actor? Actor, string? Message, DateTimeOffset? LockedUntil)
{
    /// <summary>Whether the sign-in succeeded.</summary>
    public bool Succeeded => Actor is not null;
}
