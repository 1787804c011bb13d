namespace Stepwise.Workbench.Accounts;

/// <summary>A new API token: its secret is shown this once and never stored.</summary>
/// <param name="Token">The token as listed.</param>
/// <param name="Secret">The secret to put after <c>Authorization: Bearer</c>.</param>
public sealed record CreatedToken(TokenSummary Token, string Secret);

/// <summary>A token as listed (never its secret).</summary>
/// <param name="Id">The token id.</param>
/// <param name="UserName">Whose it is.</param>
/// <param name="Name">What it is for.</param>
/// <param name="Prefix">The first characters of its secret.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="ExpiresAt">When it expires, if ever.</param>
/// <param name="RevokedAt">When it was revoked, if it was.</param>
/// <param name="Active">Whether it works now.</param>
public sealed record TokenSummary(Guid Id, string UserName, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, bool Active);
