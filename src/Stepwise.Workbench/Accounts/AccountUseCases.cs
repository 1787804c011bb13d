using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Stepwise.Review.Access;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Accounts;

/// <summary>
/// User accounts of a workspace: the first administrator, local accounts with hashed passwords (ASP.NET Core
/// Identity's hasher) and lockout after repeated failures, the command-line user, external sign-ins, and personal
/// access tokens for scripts (only a hash of each secret is kept).
/// </summary>
public sealed class AccountUseCases
{
    /// <summary>Failed password sign-ins in a row that lock an account.</summary>
    public const int LockoutThreshold = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    private const string TokenMarker = "swt_";
    private static readonly PasswordHasher<UserAccount> Hasher = new();
    private readonly Workbench _bench;

    // A read-only workspace cannot keep failed sign-ins: they are counted here instead, so the lockout still holds
    // (until the server restarts) for a workspace served from a read-only disk or by a role without write grants.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, UserAccount> _unsaved = new();

    internal AccountUseCases(Workbench bench) => _bench = bench;

    /// <summary>Whether the workspace has any account yet (the web app asks for the first administrator when not).</summary>
    public bool HasUsers => _bench.Store.Users().Count > 0;

    /// <summary>Creates the first account of an empty workspace, as its administrator.</summary>
    /// <exception cref="StepwiseException">The workspace already has accounts (forbidden), or a field is invalid.</exception>
    public UserSummary CreateFirstAdministrator(NewUser request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (HasUsers)
        {
            throw StepwiseException.Forbidden("The workspace already has an administrator; sign in, or ask an administrator for an account.");
        }

        return UserSummary.Of(Insert(request with { IsAdministrator = true }));
    }

    /// <summary>Creates an account (administrators only).</summary>
    public UserSummary CreateUser(Actor actor, NewUser request)
    {
        AccessGuard.RequireAdministrator(actor, "create accounts");
        ArgumentNullException.ThrowIfNull(request);
        return UserSummary.Of(Insert(request));
    }

    /// <summary>Every account (any signed-in user may see who can be added to a review).</summary>
    public IReadOnlyList<UserSummary> Users(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return [.. _bench.Store.Users().Select(UserSummary.Of)];
    }

    /// <summary>The account with that user name.</summary>
    /// <exception cref="StepwiseException">There is none (not found).</exception>
    public UserSummary User(Actor actor, string name)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return UserSummary.Of(Find(name, "user"));
    }

    /// <summary>
    /// Signs in with a password. Five failures in a row lock the account for 15 minutes; the message never tells
    /// whether the name exists.
    /// </summary>
    public SignInResult SignIn(string name, string password)
    {
        const string Wrong = "The user name or password is not right.";
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrEmpty(password))
        {
            return new SignInResult(null, Wrong, null);
        }

        var user = WithUnsaved(_bench.Store.FindUserByName(name.Trim()));
        if (user is null || user.Disabled || user.PasswordHash is null)
        {
            // Hash anyway so a missing account takes as long as a wrong password.
            _ = Hasher.VerifyHashedPassword(new UserAccount { Id = Guid.NewGuid(), Name = "x", DisplayName = "x", CreatedAt = _bench.Now }, DummyHash, password);
            return new SignInResult(null, Wrong, null);
        }

        var now = _bench.Now;
        if (user.LockedUntil is { } locked && locked > now)
        {
            return new SignInResult(null, $"Too many failed sign-ins: this account is locked until {locked.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture)}.", locked);
        }

        var outcome = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (outcome == PasswordVerificationResult.Failed)
        {
            int failures = user.FailedSignIns + 1;
            var lockedUntil = failures >= LockoutThreshold ? now + LockoutDuration : (DateTimeOffset?)null;
            SaveQuietly(user with { FailedSignIns = lockedUntil is null ? failures : 0, LockedUntil = lockedUntil });
            return lockedUntil is { } until
                ? new SignInResult(null, $"Too many failed sign-ins: this account is locked until {until.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture)}.", until)
                : new SignInResult(null, Wrong, null);
        }

        if (user.FailedSignIns != 0 || user.LockedUntil is not null || outcome == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user = SaveQuietly(user with
            {
                FailedSignIns = 0,
                LockedUntil = null,
                PasswordHash = outcome == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(user, password) : user.PasswordHash,
            });
        }

        return new SignInResult(Actor.Of(user, ActorChannel.Browser), null, null);
    }

    /// <summary>Sets a password: one's own (giving the current one, when there is one) or, for an administrator, anyone's.</summary>
    public void SetPassword(Actor actor, string userName, string newPassword, string? currentPassword = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var user = Find(userName, "user");
        bool own = user.Id == actor.UserId;
        if (!own)
        {
            AccessGuard.RequireAdministrator(actor, "set another user's password");
        }

        var v = new Validation();
        NewUser.CheckPassword(v, "password", newPassword ?? string.Empty, user.Name);
        if (own && !actor.IsAdministrator && user.PasswordHash is not null &&
            (currentPassword is null || Hasher.VerifyHashedPassword(user, user.PasswordHash, currentPassword) == PasswordVerificationResult.Failed))
        {
            v.Add("current_password", "is not right.");
        }

        v.ThrowIfAny();
        _bench.Store.SaveUser(user with { PasswordHash = Hasher.HashPassword(user, newPassword!), FailedSignIns = 0, LockedUntil = null });
    }

    /// <summary>Makes an account an administrator or not, or disables or enables it (administrators only).</summary>
    public UserSummary ChangeUser(Actor actor, string userName, bool? administrator = null, bool? disabled = null, string? displayName = null)
    {
        AccessGuard.RequireAdministrator(actor, "change accounts");
        var user = Find(userName, "user");
        if (user.Id == actor.UserId && (administrator == false || disabled == true))
        {
            throw new StepwiseException(ProblemKind.RuleBroken, "An administrator cannot remove their own administration or disable themselves; ask another administrator.");
        }

        var v = new Validation().Text("display_name", displayName, 200, required: false);
        v.ThrowIfAny();
        return UserSummary.Of(_bench.Store.SaveUser(user with
        {
            IsAdministrator = administrator ?? user.IsAdministrator,
            Disabled = disabled ?? user.Disabled,
            DisplayName = displayName?.Trim() ?? user.DisplayName,
        }));
    }

    /// <summary>
    /// The account the command line acts as. The command line trusts whoever can open the workspace (the file's
    /// permissions, or the database's credentials, are the control): it acts as the named account. On a workspace
    /// with no accounts yet, the first command-line user becomes its administrator.
    /// </summary>
    /// <exception cref="StepwiseException">No account has that name, or it is disabled.</exception>
    public Actor CommandLineUser(string name)
    {
        var v = new Validation();
        try
        {
            UserNames.Check(name);
        }
        catch (Review.Common.ReviewRuleException ex)
        {
            v.Add("user", ex.Message);
        }

        v.ThrowIfAny();
        var user = _bench.Store.FindUserByName(name.Trim());
        if (user is null)
        {
            if (HasUsers)
            {
                throw StepwiseException.NotFound($"The workspace has no account named '{name.Trim()}'. An administrator can add it with: stepwise user add \"{name.Trim()}\"", $"user {name.Trim()}");
            }

            user = Insert(new NewUser { Name = name.Trim(), IsAdministrator = true });
        }

        if (user.Disabled)
        {
            throw StepwiseException.Forbidden($"The account '{user.Name}' is disabled.");
        }

        return Actor.Of(user, ActorChannel.CommandLine);
    }

    /// <summary>
    /// Signs in through an external identity provider (OpenID Connect): the account bound to that issuer and subject,
    /// or, the first time, the account with the same user name (bound now), or a new account.
    /// </summary>
    public Actor ExternalSignIn(string issuer, string subject, string preferredName, string? displayName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issuer);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        string key = issuer.Trim() + "|" + subject.Trim();
        var user = _bench.Store.Users().FirstOrDefault(u => u.ExternalLogin == key);
        if (user is null)
        {
            string name = CleanName(preferredName);
            var existing = _bench.Store.FindUserByName(name);
            user = existing is { ExternalLogin: null }
                ? _bench.Store.SaveUser(existing with { ExternalLogin = key })
                : Insert(new NewUser { Name = existing is null ? name : name + "-" + subject.Trim()[..Math.Min(6, subject.Trim().Length)], DisplayName = displayName }, externalLogin: key);
        }

        return user.Disabled ? throw StepwiseException.Forbidden($"The account '{user.Name}' is disabled.") : Actor.Of(user, ActorChannel.Browser);
    }

    /// <summary>Creates a personal access token for oneself, or (administrators) for another user. The secret is
    /// returned once.</summary>
    public CreatedToken CreateToken(Actor actor, string? userName, string tokenName, TimeSpan? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var user = userName is null ? Find(actor.Name, "user") : Find(userName, "user");
        if (user.Id != actor.UserId)
        {
            AccessGuard.RequireAdministrator(actor, "create a token for another user");
        }

        var v = new Validation().Text("name", tokenName, 200);
        if (lifetime is { } l && (l <= TimeSpan.Zero || l > TimeSpan.FromDays(3650)))
        {
            v.Add("expires_in", "must be between one minute and ten years.");
        }

        v.ThrowIfAny();
        Span<byte> random = stackalloc byte[32];
        RandomNumberGenerator.Fill(random);
        string secret = TokenMarker + Base64Url(random);
        var now = _bench.Now;
        var token = new ApiToken
        {
            Id = _bench.Workspace.NewId(),
            UserId = user.Id,
            Name = tokenName.Trim(),
            SecretHash = Hash(secret),
            Prefix = secret[..(TokenMarker.Length + 6)],
            CreatedAt = now,
            ExpiresAt = lifetime is { } life ? now + life : null,
        };
        _bench.Store.AddToken(token);
        return new CreatedToken(Summary(token, user.Name, now), secret);
    }

    /// <summary>The tokens of a user (one's own; administrators may list anyone's, or everyone's with null).</summary>
    public IReadOnlyList<TokenSummary> Tokens(Actor actor, string? userName = null, bool everyone = false)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Guid? userId;
        if (everyone)
        {
            AccessGuard.RequireAdministrator(actor, "list everyone's tokens");
            userId = null;
        }
        else
        {
            var user = Find(userName ?? actor.Name, "user");
            if (user.Id != actor.UserId)
            {
                AccessGuard.RequireAdministrator(actor, "list another user's tokens");
            }

            userId = user.Id;
        }

        var names = _bench.Store.Users().ToDictionary(u => u.Id, u => u.Name);
        var now = _bench.Now;
        return [.. _bench.Store.Tokens(userId).Select(t => Summary(t, names.GetValueOrDefault(t.UserId, "?"), now))];
    }

    /// <summary>Revokes a token (one's own, or any for an administrator). The id may be given as a unique prefix.</summary>
    public TokenSummary RevokeToken(Actor actor, string tokenId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var tokens = _bench.Store.Tokens(actor.IsAdministrator ? null : actor.UserId);
        var matches = tokens.Where(t => t.Id.ToString("D").StartsWith(tokenId.Trim(), StringComparison.OrdinalIgnoreCase) || t.Prefix == tokenId.Trim()).ToList();
        if (matches.Count == 0)
        {
            throw StepwiseException.NotFound($"No token of yours has the id or prefix '{tokenId}'.", $"token {tokenId}");
        }

        if (matches.Count > 1)
        {
            throw StepwiseException.Invalid("token", $"'{tokenId}' matches {matches.Count} tokens; give more of the id.");
        }

        var now = _bench.Now;
        _bench.Store.RevokeToken(matches[0].Id, now);
        var names = _bench.Store.Users().ToDictionary(u => u.Id, u => u.Name);
        return Summary(matches[0] with { RevokedAt = matches[0].RevokedAt ?? now }, names.GetValueOrDefault(matches[0].UserId, "?"), now);
    }

    /// <summary>The user a bearer token acts as, or null when the token is unknown, revoked, expired or its user disabled.</summary>
    public Actor? Authenticate(string? bearerSecret)
    {
        if (string.IsNullOrWhiteSpace(bearerSecret) || !bearerSecret.StartsWith(TokenMarker, StringComparison.Ordinal) || bearerSecret.Length > 200)
        {
            return null;
        }

        var token = _bench.Store.FindToken(Hash(bearerSecret.Trim()));
        if (token is null || !token.IsActive(_bench.Now))
        {
            return null;
        }

        var user = _bench.Store.FindUser(token.UserId);
        return user is null || user.Disabled ? null : Actor.Of(user, ActorChannel.ApiToken);
    }

    /// <summary>The current account behind an actor (for hosts that re-check a session).</summary>
    public Actor? Refresh(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var user = _bench.Store.FindUser(actor.UserId);
        return user is null || user.Disabled ? null : Actor.Of(user, actor.Channel);
    }

    internal UserAccount Find(string name, string field)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw StepwiseException.Invalid(field, "is required.");
        }

        return _bench.Store.FindUserByName(name.Trim()) ?? throw StepwiseException.NotFound($"The workspace has no account named '{name.Trim()}'.", $"user {name.Trim()}");
    }

    private UserAccount Insert(NewUser request, string? externalLogin = null)
    {
        request.Validate().ThrowIfAny();
        var user = new UserAccount
        {
            Id = _bench.Workspace.NewId(),
            Name = request.Name.Trim(),
            DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? request.Name.Trim() : request.DisplayName.Trim(),
            IsAdministrator = request.IsAdministrator,
            ExternalLogin = externalLogin,
            CreatedAt = _bench.Now,
        };
        if (request.Password is not null)
        {
            user = user with { PasswordHash = Hasher.HashPassword(user, request.Password) };
        }

        return _bench.Store.SaveUser(user);
    }

    // Lockout counters are best effort: two failures racing each other may count once, never lose a password change.
    private UserAccount SaveQuietly(UserAccount user)
    {
        try
        {
            return _bench.Store.SaveUser(user);
        }
        catch (Review.Storage.ConcurrencyConflictException)
        {
            return _bench.Store.FindUser(user.Id) ?? user;
        }
        catch (Review.Storage.WorkspaceWriteRefusedException) when (_bench.Store.IsReadOnly)
        {
            _unsaved[user.Id] = user;
            return user;
        }
    }

    private UserAccount? WithUnsaved(UserAccount? user)
        => user is not null && _unsaved.TryGetValue(user.Id, out var counted) ? user with { FailedSignIns = counted.FailedSignIns, LockedUntil = counted.LockedUntil } : user;

    private static TokenSummary Summary(ApiToken token, string userName, DateTimeOffset now)
        => new(token.Id, userName, token.Name, token.Prefix, token.CreatedAt, token.ExpiresAt, token.RevokedAt, token.IsActive(now));

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string CleanName(string name)
    {
        var kept = new string([.. (name ?? string.Empty).Trim().Where(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '@')]);
        return kept.Length == 0 ? "user" : kept[..Math.Min(kept.Length, UserNames.MaxLength - 8)];
    }

    // A fixed hash of a random password, so that a sign-in for a missing account costs one verification too.
    private static readonly string DummyHash = Hasher.HashPassword(new UserAccount { Id = Guid.Parse("00000000-0000-0000-0000-000000000001"), Name = "x", DisplayName = "x", CreatedAt = DateTimeOffset.UnixEpoch }, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
}
