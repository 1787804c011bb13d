using Stepwise.Review.Common;

namespace Stepwise.Review.Access;

/// <summary>
/// A person who uses a workspace: through the web app (local account with a hashed password, or an external
/// sign-in), an API token, or the command line. User names are unique without regard to case.
/// </summary>
public sealed record UserAccount
{
    /// <summary>The account's id.</summary>
    public required Guid Id { get => field; init => field = Guard.Id(value, "User id"); }

    /// <summary>The sign-in name (letters, digits, '.', '-', '_', '@'; at most 100 characters).</summary>
    public required string Name { get => field; init => field = UserNames.Check(value); }

    /// <summary>The name shown to others, e.g. "Sam Sponsor".</summary>
    public required string DisplayName { get => field; init => field = Guard.Text(value, "Display name", 200); }

    /// <summary>The password hash (ASP.NET Core Identity's format), or null for an account that cannot sign in with a password.</summary>
    public string? PasswordHash { get; init; }

    /// <summary>The subject of an external (OpenID Connect) sign-in bound to this account, as "issuer|subject", or null.</summary>
    public string? ExternalLogin { get => field; init => field = Guard.OptionalText(value, "External sign-in", 500); }

    /// <summary>Whether the account administers the workspace (accounts, and every review).</summary>
    public bool IsAdministrator { get; init; }

    /// <summary>Whether the account is disabled (no sign-in, no token, no command-line use).</summary>
    public bool Disabled { get; init; }

    /// <summary>Failed password sign-ins since the last success.</summary>
    public int FailedSignIns { get => field; init => field = value < 0 ? throw new ReviewRuleException("Failed sign-ins cannot be negative.") : value; }

    /// <summary>Until when password sign-in is locked after repeated failures, or null.</summary>
    public DateTimeOffset? LockedUntil { get; init; }

    /// <summary>When the account was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The stored version (optimistic concurrency); 0 for an account not yet stored.</summary>
    public long Version { get; init; }
}
