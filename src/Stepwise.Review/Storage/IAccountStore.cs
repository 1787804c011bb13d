using Stepwise.Review.Access;

namespace Stepwise.Review.Storage;

/// <summary>
/// The accounts of a workspace: users and their API tokens. Part of the storage port; every method is atomic.
/// Review memberships are artefacts of their review (<see cref="ReviewMember"/>), not stored here.
/// </summary>
public interface IAccountStore
{
    /// <summary>Every account, by name.</summary>
    IReadOnlyList<UserAccount> Users();

    /// <summary>The account with that id, or null.</summary>
    UserAccount? FindUser(Guid id);

    /// <summary>The account with that name (case-insensitive), or null.</summary>
    UserAccount? FindUserByName(string name);

    /// <summary>Stores a new account (its <see cref="UserAccount.Version"/> is 0) or a changed one (the version read).</summary>
    /// <returns>The account as stored, with its new version.</returns>
    /// <exception cref="ConcurrencyConflictException">The name is taken, or the account changed since it was read.</exception>
    UserAccount SaveUser(UserAccount user);

    /// <summary>Stores a new token.</summary>
    void AddToken(ApiToken token);

    /// <summary>The token whose secret has this SHA-256 (hex), or null.</summary>
    ApiToken? FindToken(string secretHash);

    /// <summary>The tokens of a user (or of everyone when null), newest first.</summary>
    IReadOnlyList<ApiToken> Tokens(Guid? userId);

    /// <summary>Marks a token revoked; revoking twice keeps the first time.</summary>
    /// <returns>Whether a token with that id exists.</returns>
    bool RevokeToken(Guid tokenId, DateTimeOffset at);
}
