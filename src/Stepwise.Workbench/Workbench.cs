using Stepwise.Review.Common;
using Stepwise.Review.Storage;
using Stepwise.Review.Workspaces;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Accounts;
using Stepwise.Workbench.Quality;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Workbench;

/// <summary>
/// The use cases of Stepwise over one workspace, grouped by area. The command line, the web app and the HTTP API all
/// call these and only these: hosts parse input, call, and render. Every use case takes the <see cref="Actor"/> who
/// calls it, checks the access rules, validates its request (the same messages whatever the host), and raises failures
/// as exceptions that <see cref="Problems.ProblemCatalog"/> maps to exit codes and HTTP problems.
/// </summary>
public sealed class Workbench
{
    /// <summary>Creates the use cases over a store. Time and ids come from the given sources (tests pass fakes).</summary>
    public Workbench(IWorkspaceStore store, TimeProvider time, IIdSource ids)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(ids);
        Store = store;
        Time = time;
        Workspace = new Workspace(store, time, ids);
        Guard = new AccessGuard(Workspace, store);
        Accounts = new AccountUseCases(this);
        Reviews = new ReviewUseCases(this);
        Quality = new QualityUseCases(this);
    }

    /// <summary>User accounts, sign-in, API tokens.</summary>
    public AccountUseCases Accounts { get; }

    /// <summary>Creating and listing reviews, members, stages, stakeholders, scope and sign-offs.</summary>
    public ReviewUseCases Reviews { get; }

    /// <summary>Quality reviews: measurement plan and its revisions, samples, feedback analyses, findings, agreed actions, briefings.</summary>
    public QualityUseCases Quality { get; }

    /// <summary>The store (for hosts that must check or close it).</summary>
    public IWorkspaceStore Store { get; }

    internal Workspace Workspace { get; }

    internal AccessGuard Guard { get; }

    internal TimeProvider Time { get; }

    /// <summary>Now, as the workspace records it (UTC, whole microseconds).</summary>
    internal DateTimeOffset Now => Workspace.Now;
}
