using Stepwise.Review.Access;
using Stepwise.Review.Common;
using Stepwise.Review.Storage;

namespace Stepwise.Storage.Tests;

/// <summary>The contract for user accounts and API tokens.</summary>
public abstract partial class WorkspaceStoreContract
{
    private static UserAccount NewUser(Guid id, string name) => new() { Id = id, Name = name, DisplayName = name + " display", CreatedAt = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero) };

    [SkippableFact]
    public void SaveUser_NewThenChanged_VersionsAndFieldsRoundTrip()
    {
        var store = OpenStore();
        var ids = new SequentialIds();
        var created = store.SaveUser(NewUser(ids.Next(), "alice") with { PasswordHash = "hash", IsAdministrator = true });
        Assert.Equal(1, created.Version);
        var locked = new DateTimeOffset(2026, 3, 2, 9, 15, 0, TimeSpan.Zero);
        var changed = store.SaveUser(created with { FailedSignIns = 3, LockedUntil = locked, Disabled = true });
        Assert.Equal(2, changed.Version);

        var reopened = OpenStore().FindUserByName("ALICE");
        Assert.NotNull(reopened);
        Assert.Equal("alice", reopened.Name);
        Assert.Equal("hash", reopened.PasswordHash);
        Assert.True(reopened.IsAdministrator);
        Assert.True(reopened.Disabled);
        Assert.Equal(3, reopened.FailedSignIns);
        Assert.Equal(locked, reopened.LockedUntil);
        Assert.Equal(2, reopened.Version);
    }

    [SkippableFact]
    public void SaveUser_NameTakenInAnotherCase_RefusedAndNothingChanges()
    {
        var store = OpenStore();
        var ids = new SequentialIds();
        store.SaveUser(NewUser(ids.Next(), "Bob"));
        var ex = Assert.Throws<ReviewRuleException>(() => store.SaveUser(NewUser(ids.Next(), "bob")));
        Assert.Contains("already taken", ex.Message);
        Assert.Single(store.Users());
    }

    [SkippableFact]
    public void SaveUser_StaleVersion_ConflictAndTheNewerVersionKept()
    {
        var store = OpenStore();
        var user = store.SaveUser(NewUser(new SequentialIds().Next(), "carol"));
        store.SaveUser(user with { DisplayName = "Carol One" });
        Assert.Throws<ConcurrencyConflictException>(() => store.SaveUser(user with { DisplayName = "Carol Two" }));
        Assert.Equal("Carol One", store.FindUser(user.Id)!.DisplayName);
    }

    [SkippableFact]
    public void Tokens_AddFindRevoke_RevocationKeepsTheFirstTime()
    {
        var store = OpenStore();
        var ids = new SequentialIds();
        var user = store.SaveUser(NewUser(ids.Next(), "dan"));
        var created = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var token = new ApiToken { Id = ids.Next(), UserId = user.Id, Name = "nightly", SecretHash = new string('a', 64), Prefix = "swt_abcdef", CreatedAt = created, ExpiresAt = created.AddDays(30) };
        store.AddToken(token);
        Assert.Equal(token, store.FindToken(new string('a', 64)));
        Assert.Null(store.FindToken(new string('b', 64)));
        Assert.True(store.RevokeToken(token.Id, created.AddHours(1)));
        Assert.True(store.RevokeToken(token.Id, created.AddHours(2)));
        Assert.False(store.RevokeToken(ids.Next(), created));
        var listed = Assert.Single(OpenStore().Tokens(user.Id));
        Assert.Equal(created.AddHours(1), listed.RevokedAt);
        Assert.False(listed.IsActive(created.AddHours(1)));
        Assert.Empty(store.Tokens(ids.Next()));
    }

    [SkippableFact]
    public void Tokens_SameSecretHashTwice_Refused()
    {
        var store = OpenStore();
        var ids = new SequentialIds();
        var user = store.SaveUser(NewUser(ids.Next(), "erin"));
        var token = new ApiToken { Id = ids.Next(), UserId = user.Id, Name = "a", SecretHash = new string('c', 64), Prefix = "swt_x", CreatedAt = DateTimeOffset.UnixEpoch };
        store.AddToken(token);
        Assert.ThrowsAny<Exception>(() => store.AddToken(token with { Id = ids.Next() }));
        Assert.Single(store.Tokens(null));
    }
}
