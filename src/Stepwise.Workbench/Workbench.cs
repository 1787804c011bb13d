using Stepwise.Review.Common;
using Stepwise.Review.Storage;
using Stepwise.Review.Workspaces;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Accounts;
using Stepwise.Workbench.Analyses;
using Stepwise.Workbench.Archive;
using Stepwise.Workbench.Data;
using Stepwise.Workbench.Decisions;
using Stepwise.Workbench.Evaluation;
using Stepwise.Workbench.Jobs;
using Stepwise.Workbench.Monitoring;
using Stepwise.Workbench.Options;
using Stepwise.Workbench.Planning;
using Stepwise.Workbench.Quality;
using Stepwise.Workbench.Reports;
using Stepwise.Workbench.Reviews;
using Stepwise.Workbench.Steps;

namespace Stepwise.Workbench;

/// <summary>
/// The use cases of Stepwise over one workspace, grouped by area in the order of the review cycle. The command line,
/// the web app and the HTTP API all call these and only these: hosts parse input, call, and render. Every use case
/// takes the <see cref="Actor"/> who calls it, checks the access rules, validates its request (the same messages
/// whatever the host), and raises failures as exceptions that <see cref="Problems.ProblemCatalog"/> maps to exit codes
/// and HTTP problems.
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
        Data = new DataUseCases(this);
        Analyses = new AnalysisUseCases(this);
        Steps = new StepUseCases(this);
        Options = new OptionUseCases(this);
        Evaluation = new EvaluationUseCases(this);
        Decisions = new DecisionUseCases(this);
        Plan = new PlanUseCases(this);
        Monitoring = new MonitoringUseCases(this);
        Archive = new ArchiveUseCases(this);
        Quality = new QualityUseCases(this);
        Reports = new ReportUseCases(this);
        Jobs = new JobUseCases(this);
    }

    /// <summary>User accounts, sign-in, API tokens.</summary>
    public AccountUseCases Accounts { get; }

    /// <summary>Reviews, members, stages, stakeholders, scope, sign-offs, communications, everything a review holds, and its history.</summary>
    public ReviewUseCases Reviews { get; }

    /// <summary>Importing data with its provenance, and finding it again.</summary>
    public DataUseCases Data { get; }

    /// <summary>Analyses of a review's stored data inside its scope: summary, map, DFG, variants, activities, cases, hand-overs, steps, questions.</summary>
    public AnalysisUseCases Analyses { get; }

    /// <summary>Steps, their assessments, questions and answers.</summary>
    public StepUseCases Steps { get; }

    /// <summary>Improvement options and their simulation.</summary>
    public OptionUseCases Options { get; }

    /// <summary>Decision matrix, cost-benefit and risks.</summary>
    public EvaluationUseCases Evaluation { get; }

    /// <summary>Recommendations.</summary>
    public DecisionUseCases Decisions { get; }

    /// <summary>The implementation plan and task progress.</summary>
    public PlanUseCases Plan { get; }

    /// <summary>The monitoring plan and measurements.</summary>
    public MonitoringUseCases Monitoring { get; }

    /// <summary>Exporting a whole review and importing it into another workspace.</summary>
    public ArchiveUseCases Archive { get; }
    /// <summary>Quality reviews: measurement plan and its revisions, samples, feedback analyses, findings, agreed actions, briefings.</summary>
    public QualityUseCases Quality { get; }

    /// <summary>Reports for every audience (senior managers, team leaders, front-line staff, partners, analysts, the
    /// evidence map) in HTML, PDF, XLSX and PPTX.</summary>
    public ReportUseCases Reports { get; }

    /// <summary>The records of long work a server runs off the request (imports, simulations, analyses), kept across restarts.</summary>
    public JobUseCases Jobs { get; }

    /// <summary>The store (for hosts that must check or close it).</summary>
    public IWorkspaceStore Store { get; }

    internal Workspace Workspace { get; }

    internal AccessGuard Guard { get; }

    internal TimeProvider Time { get; }

    /// <summary>Now, as the workspace records it (UTC, whole microseconds).</summary>
    internal DateTimeOffset Now => Workspace.Now;
}
