using Stepwise.Workbench.Accounts;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Tests;

public sealed class AccountTests
{
    [Fact]
    public void FirstAdministrator_OnAWorkspaceWithAccounts_Forbidden()
    {
        var f = new BenchFixture();
        var ex = Assert.Throws<StepwiseException>(() => f.Bench.Accounts.CreateFirstAdministrator(new NewUser { Name = "eve", Password = "0123456789ab" }));
        Assert.Equal(ProblemKind.Forbidden, ex.Kind);
    }

    [Fact]
    public void SignIn_RightPassword_ActorWithDisplayName()
    {
        var f = new BenchFixture();
        var result = f.Bench.Accounts.SignIn("ADMIN", "correct horse battery");
        Assert.True(result.Succeeded);
        Assert.Equal("Ada Admin", result.Actor!.DisplayName);
        Assert.True(result.Actor.IsAdministrator);
    }

    [Fact]
    public void SignIn_FiveWrongPasswords_LockedFifteenMinutesEvenForTheRightOne()
    {
        var f = new BenchFixture();
        for (int i = 0; i < AccountUseCases.LockoutThreshold - 1; i++)
        {
            var wrong = f.Bench.Accounts.SignIn("admin", "wrong password " + i);
            Assert.False(wrong.Succeeded);
            Assert.Null(wrong.LockedUntil);
        }

        var locking = f.Bench.Accounts.SignIn("admin", "wrong again");
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 15, 0, TimeSpan.Zero), locking.LockedUntil);
        Assert.False(f.Bench.Accounts.SignIn("admin", "correct horse battery").Succeeded);

        f.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.True(f.Bench.Accounts.SignIn("admin", "correct horse battery").Succeeded);
    }

    [Fact]
    public void SignIn_UnknownNameAndWrongPassword_SameMessage()
    {
        var f = new BenchFixture();
        Assert.Equal(f.Bench.Accounts.SignIn("nobody", "whatever1234").Message, f.Bench.Accounts.SignIn("admin", "whatever1234").Message);
    }

    [Fact]
    public void NewUser_ShortPasswordAndBadName_BothFieldsReportedAtOnce()
    {
        var f = new BenchFixture();
        var ex = Assert.Throws<StepwiseException>(() => f.Bench.Accounts.CreateUser(f.Admin, new NewUser { Name = "bad\nname", Password = "short" }));
        Assert.Equal(ProblemKind.InvalidValue, ex.Kind);
        Assert.Equal(["name", "password"], ex.Errors.Select(e => e.Field));
        Assert.Contains("control character", ex.Errors[0].Message);
        Assert.Equal("--password", ex.Errors[1].OptionName);
    }

    [Fact]
    public void CreateUser_ByANonAdministrator_Forbidden()
    {
        var f = new BenchFixture();
        var bob = f.User("bob");
        var ex = Assert.Throws<StepwiseException>(() => f.Bench.Accounts.CreateUser(bob, new NewUser { Name = "carl" }));
        Assert.Equal(ProblemKind.Forbidden, ex.Kind);
    }

    [Fact]
    public void Token_CreatedThenUsedThenRevoked_AuthenticatesUntilRevoked()
    {
        var f = new BenchFixture();
        var bob = f.User("bob", "Bob Builder");
        var created = f.Bench.Accounts.CreateToken(bob, null, "nightly import");
        Assert.StartsWith("swt_", created.Secret);
        Assert.StartsWith(created.Token.Prefix, created.Secret);
        Assert.DoesNotContain(f.Store.Tokens(null), t => t.SecretHash.Contains(created.Secret[4..], StringComparison.Ordinal));

        var actor = f.Bench.Accounts.Authenticate(created.Secret);
        Assert.Equal("Bob Builder", actor!.DisplayName);
        Assert.Equal(Access.ActorChannel.ApiToken, actor.Channel);
        Assert.Null(f.Bench.Accounts.Authenticate(created.Secret + "x"));
        Assert.Null(f.Bench.Accounts.Authenticate("Bearer " + created.Secret));

        f.Bench.Accounts.RevokeToken(bob, created.Token.Id.ToString("D")[..8]);
        Assert.Null(f.Bench.Accounts.Authenticate(created.Secret));
    }

    [Fact]
    public void Token_Expired_NoLongerAuthenticates()
    {
        var f = new BenchFixture();
        var created = f.Bench.Accounts.CreateToken(f.Admin, null, "short", TimeSpan.FromDays(1));
        Assert.NotNull(f.Bench.Accounts.Authenticate(created.Secret));
        f.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Null(f.Bench.Accounts.Authenticate(created.Secret));
    }

    [Fact]
    public void Token_ForAnotherUserByANonAdministrator_Forbidden()
    {
        var f = new BenchFixture();
        var bob = f.User("bob");
        f.User("carl");
        Assert.Equal(ProblemKind.Forbidden, Assert.Throws<StepwiseException>(() => f.Bench.Accounts.CreateToken(bob, "carl", "x")).Kind);
        Assert.Equal(ProblemKind.Forbidden, Assert.Throws<StepwiseException>(() => f.Bench.Accounts.Tokens(bob, "carl")).Kind);
    }

    [Fact]
    public void Token_DisabledUser_NoLongerAuthenticates()
    {
        var f = new BenchFixture();
        var bob = f.User("bob");
        var created = f.Bench.Accounts.CreateToken(bob, null, "x");
        f.Bench.Accounts.ChangeUser(f.Admin, "bob", disabled: true);
        Assert.Null(f.Bench.Accounts.Authenticate(created.Secret));
        Assert.Equal(ProblemKind.Forbidden, Assert.Throws<StepwiseException>(() => f.Bench.Accounts.CommandLineUser("bob")).Kind);
    }

    [Fact]
    public void CommandLineUser_EmptyWorkspace_FirstBecomesAdministratorOthersMustBeAdded()
    {
        var bench = new Workbench(new Review.Testing.InMemoryWorkspaceStore(), TimeProvider.System, new Review.Common.SequentialIds());
        Assert.True(bench.Accounts.CommandLineUser("root").IsAdministrator);
        var ex = Assert.Throws<StepwiseException>(() => bench.Accounts.CommandLineUser("someone"));
        Assert.Equal(ProblemKind.NotFound, ex.Kind);
        Assert.Contains("stepwise user add", ex.Message);
    }

    [Fact]
    public void ExternalSignIn_SameSubjectTwice_SameAccountBoundOnce()
    {
        var f = new BenchFixture();
        var first = f.Bench.Accounts.ExternalSignIn("https://login.example.org", "abc123", "dana", "Dana Scully");
        var second = f.Bench.Accounts.ExternalSignIn("https://login.example.org", "abc123", "dana.scully", "Dana S.");
        Assert.Equal(first.UserId, second.UserId);
        Assert.False(first.IsAdministrator);
    }
}
