using Stepwise.Review.Common;
using Stepwise.Review.Testing;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Accounts;

namespace Stepwise.Workbench.Tests;

/// <summary>A workbench over an in-memory store with a manual clock, and an administrator to start from.</summary>
internal sealed class BenchFixture
{
    public BenchFixture()
    {
        Clock = new ManualClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        Store = new InMemoryWorkspaceStore();
        Bench = new Workbench(Store, Clock, new SequentialIds());
        Bench.Accounts.CreateFirstAdministrator(new NewUser { Name = "admin", DisplayName = "Ada Admin", Password = "correct horse battery" });
        Admin = Bench.Accounts.CommandLineUser("admin");
    }

    public ManualClock Clock { get; }

    public InMemoryWorkspaceStore Store { get; }

    public Workbench Bench { get; }

    public Actor Admin { get; }

    /// <summary>Adds an account and returns it as a command-line actor.</summary>
    public Actor User(string name, string? display = null)
    {
        Bench.Accounts.CreateUser(Admin, new NewUser { Name = name, DisplayName = display });
        return Bench.Accounts.CommandLineUser(name);
    }
}
