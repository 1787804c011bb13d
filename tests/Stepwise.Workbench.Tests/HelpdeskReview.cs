using Stepwise.Review.Artefacts;
using Stepwise.Review.Data;
using Stepwise.Testing;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Analyses;
using Stepwise.Workbench.Data;
using Stepwise.Workbench.Options;
using Stepwise.Workbench.Reviews;
using Stepwise.Workbench.Steps;
using Stepwise.Workbench.WhatIf;

namespace Stepwise.Workbench.Tests;

/// <summary>
/// A review of the real help-desk log in an in-memory workspace: an analyst who runs it, a sponsor (accountable, an
/// approver bound to their account) and a team lead (consulted, a contributor bound to theirs), the scope "cases that
/// end with Closed" agreed by the sponsor in person, and the log imported. Helpers take it further stage by stage.
/// </summary>
internal sealed class HelpdeskReview
{
    public static readonly string Log = SharedData.PathOf("eventlogs/helpdesk.xes.gz");

    public HelpdeskReview(BenchFixture? fixture = null)
    {
        F = fixture ?? new BenchFixture();
        Lead = F.User("lead", "Lena Lead");
        Sam = F.User("sam", "Sam Sponsor");
        Tia = F.User("tia", "Tia Teamlead");
        Id = F.Bench.Reviews.Create(Lead, new NewReview { Title = "Help desk tickets", Aims = ["Resolve tickets faster"] }).Id;
        Bench.Reviews.SetMember(Lead, Id, new NewMember { User = "sam", Role = "approver" });
        Bench.Reviews.SetMember(Lead, Id, new NewMember { User = "tia", Role = "contributor" });
        Bench.Reviews.SaveStakeholder(Lead, Id, new NewStakeholder { Name = "Sam Sponsor", Group = "senior-managers", Role = "accountable", Account = "sam" });
        Bench.Reviews.SaveStakeholder(Lead, Id, new NewStakeholder { Name = "Tia Teamlead", Group = "team-leaders", Role = "consulted", Account = "tia" });
        Bench.Reviews.SaveScope(Lead, Id, new ScopeRequest { End = ["Closed"], Allow = ["automate", "remove-step", "reduce-rework"], Budget = 25_000m });
        Bench.Reviews.SignOff(Sam, Id, new SignOffRequest { Artefact = "scope", Decision = "approve" });
        Bench.Reviews.MoveStage(Lead, Id, "analyse");
        Source = Bench.Data.Import(Lead, Id, new ImportRequest { Path = Log }).Source;
    }

    public BenchFixture F { get; }

    public Workbench Bench => F.Bench;

    public Actor Lead { get; }

    public Actor Sam { get; }

    public Actor Tia { get; }

    public Guid Id { get; }

    public DataSource Source { get; }

    /// <summary>Steps assessed (no feedback or rates: the log's evidence and questions) and the review at stage Challenge.</summary>
    public HelpdeskReview Challenge()
    {
        Bench.Steps.Assess(Lead, Id, new AnalysisRequest(), new StepReviewRequest());
        Bench.Reviews.MoveStage(Lead, Id, "challenge");
        return this;
    }

    /// <summary>Two options added and simulated (3 replications over 60 days, seed 7), and the review at stage Evaluate.</summary>
    public OptionsSimulated Evaluate()
    {
        Bench.Options.Save(Lead, Id, new OptionRequest { Title = "No waiting step", RemoveStep = ["Wait"] });
        Bench.Options.Save(Lead, Id, new OptionRequest { Title = "Halve rework", ReduceRework = ["Resolve ticket>Take in charge ticket=0.5"] });
        var simulated = Bench.Options.Simulate(Lead, Id, new SimulateOptionsRequest { Simulation = new WhatIfRequest { Replications = 3, Seed = 7, Horizon = "60d", CostPerHour = 30 } });
        Bench.Reviews.MoveStage(Lead, Id, "evaluate");
        return simulated;
    }

    public Versioned<T> Get<T>(Guid id)
        where T : IArtefact
        => Bench.Workspace.Get<T>(Id, id);
}
