using System.Data.Common;
using System.Globalization;
using Stepwise.Review.Access;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;
using Stepwise.Review.Storage;

namespace Stepwise.Storage.Relational;

/// <summary>User accounts and API tokens.</summary>
public abstract partial class RelationalWorkspaceStore
{
    private const string UserColumns = "id, name, display_name, password_hash, external_login, is_admin, disabled, failed_sign_ins, locked_until, created_at, version";
    private const string TokenColumns = "id, user_id, name, secret_hash, prefix, created_at, expires_at, revoked_at";

    /// <inheritdoc />
    public IReadOnlyList<UserAccount> Users()
    {
        using var lease = Lease();
        using var command = Command(lease.Connection, null, $"SELECT {UserColumns} FROM users ORDER BY name_key");
        return ReadAll(command, ReadUser);
    }

    /// <inheritdoc />
    public UserAccount? FindUser(Guid id)
    {
        using var lease = Lease();
        using var command = Command(lease.Connection, null, $"SELECT {UserColumns} FROM users WHERE id = @id", ("id", Dialect.Id(id)));
        return ReadAll(command, ReadUser).FirstOrDefault();
    }

    /// <inheritdoc />
    public UserAccount? FindUserByName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        using var lease = Lease();
        using var command = Command(lease.Connection, null, $"SELECT {UserColumns} FROM users WHERE name_key = @k", ("k", name.Trim().ToUpperInvariant()));
        return ReadAll(command, ReadUser).FirstOrDefault();
    }

    private UserAccount SaveUserCore(UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        using var lease = Lease();
        var connection = lease.Connection;
        using var transaction = connection.BeginTransaction();
        var values = new (string, object?)[]
        {
            ("id", Dialect.Id(user.Id)), ("n", user.Name), ("k", UserNames.Key(user.Name)), ("d", user.DisplayName), ("p", user.PasswordHash),
            ("x", user.ExternalLogin), ("a", user.IsAdministrator ? 1 : 0), ("dis", user.Disabled ? 1 : 0), ("f", user.FailedSignIns),
            ("l", user.LockedUntil is { } l ? Dialect.Time(l) : null), ("c", Dialect.Time(user.CreatedAt)), ("nv", user.Version + 1), ("ev", user.Version),
        };
        try
        {
            int rows;
            if (user.Version == 0)
            {
                using var insert = Command(connection, transaction,
                    "INSERT INTO users (id, name, name_key, display_name, password_hash, external_login, is_admin, disabled, failed_sign_ins, locked_until, created_at, version) " +
                    "VALUES (@id, @n, @k, @d, @p, @x, @a, @dis, @f, @l, @c, @nv)", values);
                rows = insert.ExecuteNonQuery();
            }
            else
            {
                using var update = Command(connection, transaction,
                    "UPDATE users SET name = @n, name_key = @k, display_name = @d, password_hash = @p, external_login = @x, is_admin = @a, disabled = @dis, " +
                    "failed_sign_ins = @f, locked_until = @l, version = @nv WHERE id = @id AND version = @ev", values);
                rows = update.ExecuteNonQuery();
            }

            if (rows != 1)
            {
                transaction.Rollback();
                throw new ConcurrencyConflictException(new ArtefactRef(ArtefactKind.UserAccount, user.Id), user.Version, user.Version + 1, []);
            }

            transaction.Commit();
        }
        catch (DbException ex) when (Dialect.IsUniqueViolation(ex))
        {
            transaction.Rollback();
            throw new ReviewRuleException($"The user name '{user.Name}' (or that external sign-in) is already taken; choose another.");
        }

        return user with { Version = user.Version + 1 };
    }

    private void AddTokenCore(ApiToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        using var lease = Lease();
        using var insert = Command(lease.Connection, null,
            $"INSERT INTO api_tokens ({TokenColumns}) VALUES (@id, @u, @n, @h, @p, @c, @e, @r)",
            ("id", Dialect.Id(token.Id)), ("u", Dialect.Id(token.UserId)), ("n", token.Name), ("h", token.SecretHash), ("p", token.Prefix),
            ("c", Dialect.Time(token.CreatedAt)), ("e", token.ExpiresAt is { } e ? Dialect.Time(e) : null), ("r", token.RevokedAt is { } r ? Dialect.Time(r) : null));
        insert.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public ApiToken? FindToken(string secretHash)
    {
        ArgumentNullException.ThrowIfNull(secretHash);
        using var lease = Lease();
        using var command = Command(lease.Connection, null, $"SELECT {TokenColumns} FROM api_tokens WHERE secret_hash = @h", ("h", secretHash));
        return ReadAll(command, ReadToken).FirstOrDefault();
    }

    /// <inheritdoc />
    public IReadOnlyList<ApiToken> Tokens(Guid? userId)
    {
        using var lease = Lease();
        using var command = userId is { } u
            ? Command(lease.Connection, null, $"SELECT {TokenColumns} FROM api_tokens WHERE user_id = @u ORDER BY created_at DESC, {Dialect.InsertionOrder} DESC", ("u", Dialect.Id(u)))
            : Command(lease.Connection, null, $"SELECT {TokenColumns} FROM api_tokens ORDER BY created_at DESC, {Dialect.InsertionOrder} DESC");
        return ReadAll(command, ReadToken);
    }

    private bool RevokeTokenCore(Guid tokenId, DateTimeOffset at)
    {
        using var lease = Lease();
        using var transaction = lease.Connection.BeginTransaction();
        using var update = Command(lease.Connection, transaction, "UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, @at) WHERE id = @id", ("at", Dialect.Time(at)), ("id", Dialect.Id(tokenId)));
        bool found = update.ExecuteNonQuery() == 1;
        transaction.Commit();
        return found;
    }

    private UserAccount ReadUser(DbDataReader r) => new()
    {
        Id = Dialect.ReadId(r, 0),
        Name = r.GetString(1),
        DisplayName = r.GetString(2),
        PasswordHash = r.IsDBNull(3) ? null : r.GetString(3),
        ExternalLogin = r.IsDBNull(4) ? null : r.GetString(4),
        IsAdministrator = Convert.ToInt64(r.GetValue(5), CultureInfo.InvariantCulture) != 0,
        Disabled = Convert.ToInt64(r.GetValue(6), CultureInfo.InvariantCulture) != 0,
        FailedSignIns = Convert.ToInt32(r.GetValue(7), CultureInfo.InvariantCulture),
        LockedUntil = r.IsDBNull(8) ? null : Dialect.ReadTime(r, 8),
        CreatedAt = Dialect.ReadTime(r, 9),
        Version = r.GetInt64(10),
    };

    private ApiToken ReadToken(DbDataReader r) => new()
    {
        Id = Dialect.ReadId(r, 0),
        UserId = Dialect.ReadId(r, 1),
        Name = r.GetString(2),
        SecretHash = r.GetString(3),
        Prefix = r.GetString(4),
        CreatedAt = Dialect.ReadTime(r, 5),
        ExpiresAt = r.IsDBNull(6) ? null : Dialect.ReadTime(r, 6),
        RevokedAt = r.IsDBNull(7) ? null : Dialect.ReadTime(r, 7),
    };
}
