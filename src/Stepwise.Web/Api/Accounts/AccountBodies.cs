namespace Stepwise.Web.Api.Accounts;

/// <summary>A new account (administrators only).</summary>
/// <param name="Name">The sign-in name.</param>
/// <param name="DisplayName">The name others see; the user name when omitted.</param>
/// <param name="Password">A password (at least 10 characters), or none for an account that uses tokens or an external sign-in.</param>
/// <param name="Administrator">Whether the account administers the workspace.</param>
internal sealed record NewUserBody(string Name, string? DisplayName = null, string? Password = null, bool Administrator = false);

/// <summary>Changes to an account (administrators only); fields left out stay as they are.</summary>
/// <param name="DisplayName">The name others see.</param>
/// <param name="Administrator">Whether the account administers the workspace.</param>
/// <param name="Disabled">Whether the account is disabled (its sign-ins and tokens stop working at once).</param>
internal sealed record UserChangeBody(string? DisplayName = null, bool? Administrator = null, bool? Disabled = null);

/// <summary>A new password: one's own (with the current one) or, for an administrator, anyone's.</summary>
/// <param name="Password">The new password.</param>
/// <param name="CurrentPassword">The current one, when changing one's own.</param>
internal sealed record PasswordBody(string Password, string? CurrentPassword = null);

/// <summary>A new personal access token.</summary>
/// <param name="Name">What it is for, e.g. "nightly import".</param>
/// <param name="User">Whose token (administrators only); the caller's when omitted.</param>
/// <param name="ExpiresInDays">Days until it stops working; never when omitted.</param>
internal sealed record NewTokenBody(string Name, string? User = null, int? ExpiresInDays = null);
