using Stepwise.Review.Common;

namespace Stepwise.Review.Access;

/// <summary>
/// A personal access token for scripts. Only the SHA-256 of the secret is stored; the secret is shown once, when the
/// token is created. A token acts as its user, with that user's roles.
/// </summary>
public sealed record ApiToken
{
    /// <summary>The token's id.</summary>
    public required Guid Id { get => field; init => field = Guard.Id(value, "Token id"); }

    /// <summary>The user the token acts as.</summary>
    public required Guid UserId { get => field; init => field = Guard.Id(value, "Token user"); }

    /// <summary>What the token is for, e.g. "nightly import".</summary>
    public required string Name { get => field; init => field = Guard.Text(value, "Token name", 200); }

    /// <summary>The SHA-256 of the secret, lower-case hex.</summary>
    public required string SecretHash { get => field; init => field = value is { Length: 64 } ? value : throw new ReviewRuleException("A token's secret hash must be 64 hex digits."); }

    /// <summary>The first characters of the secret, to tell tokens apart in a list.</summary>
    public required string Prefix { get => field; init => field = Guard.Text(value, "Token prefix", 20); }

    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it stops working, or null for never.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>When it was revoked, or null.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>Whether the token can be used at <paramref name="now"/>.</summary>
    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
