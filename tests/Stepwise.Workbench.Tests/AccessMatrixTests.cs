using Stepwise.Review.Access;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Problems;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Workbench.Tests;

/// <summary>
/// Every use case against every role: the roles that may are written out here by hand (not taken from the rules
/// table), and each denial must be a <see cref="ProblemKind.Forbidden"/> problem, never another failure.
/// </summary>
public sealed class AccessMatrixTests
{
    private static readonly ReviewRole[] AllRoles = Enum.GetValues<ReviewRole>();

    private static readonly Lazy<string> TinyLog = new(() =>
    {
        string path = Path.Combine(Path.GetTempPath(), $"stepwise-access-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "case,activity,timestamp\n1,Triage,2024-01-02T09:00:00Z\n1,Close,2024-01-02T10:00:00Z\n");
        return path;
    });

    public static TheoryData<string> UseCases() => [.. Cases.Keys];

    private static readonly Dictionary<string, (ReviewRole[] Allowed, Action<Workbench, Actor, Guid> Act)> Cases = new()
    {
        ["read review"] = (AllRoles, (b, a, r) => b.Reviews.Get(a, r)),
        ["list members"] = (AllRoles, (b, a, r) => b.Reviews.Members(a, r)),
        ["read history"] = (AllRoles, (b, a, r) => b.Reviews.History(a, r)),
        ["add stakeholder"] = ([ReviewRole.Owner, ReviewRole.Analyst], (b, a, r) => b.Reviews.SaveStakeholder(a, r, new NewStakeholder { Name = "New Person " + a.Name, Group = "customers", Role = "informed" })),
        ["bind stakeholder to an account"] = ([ReviewRole.Owner], (b, a, r) => b.Reviews.SaveStakeholder(a, r, new NewStakeholder { Name = "Bound " + a.Name, Group = "customers", Role = "informed", Account = "admin" })),
        ["add member"] = ([ReviewRole.Owner], (b, a, r) => b.Reviews.SetMember(a, r, new NewMember { User = "outsider", Role = "viewer" })),
        ["change title and aims"] = ([ReviewRole.Owner, ReviewRole.Analyst], (b, a, r) => b.Reviews.SaveDetails(a, r, new ReviewDetails { Title = "Renamed by " + a.Name, Aims = ["Halve waiting"] })),
        ["move stage"] = ([ReviewRole.Owner], (b, a, r) => b.Reviews.MoveStage(a, r, "analyse")),
        ["sign own"] = ([ReviewRole.Owner, ReviewRole.Analyst, ReviewRole.Approver], (b, a, r) => b.Reviews.SignOff(a, r, new SignOffRequest { Artefact = "scope", Stakeholder = "Self " + a.Name, Decision = "approve" })),
        ["sign on behalf"] = ([ReviewRole.Owner], (b, a, r) => b.Reviews.SignOff(a, r, new SignOffRequest { Artefact = "scope", Stakeholder = "Sam Sponsor", Decision = "approve", OnBehalfReason = "by e-mail" })),
        ["show everything"] = (AllRoles, (b, a, r) => b.Reviews.Show(a, r)),
        ["read history lines"] = (AllRoles, (b, a, r) => b.Reviews.HistoryLines(a, r)),
        ["change the scope"] = ([ReviewRole.Owner, ReviewRole.Analyst], (b, a, r) => b.Reviews.SaveScope(a, r, new ScopeRequest { In = ["Phone tickets"] })),
        ["import data"] = ([ReviewRole.Owner, ReviewRole.Analyst], (b, a, r) => b.Data.Import(a, r, new Data.ImportRequest { Path = TinyLog.Value })),
        ["add a step"] = ([ReviewRole.Owner, ReviewRole.Analyst], (b, a, r) => b.Steps.Save(a, r, new Steps.StepRequest { Name = "Call back " + a.Name })),
        ["raise a question"] = ([ReviewRole.Owner, ReviewRole.Analyst], (b, a, r) => b.Steps.Ask(a, r, new Steps.NewQuestion { Step = "Triage", Text = "Why?" })),
        ["answer as oneself"] = ([ReviewRole.Owner, ReviewRole.Analyst, ReviewRole.Approver, ReviewRole.Contributor], (b, a, r) => b.Steps.Answer(a, r, new Steps.AnswerRequest { Question = b.Steps.Questions(a, r)[0].Value.Id.ToString("D"), Text = "Because." })),
        ["add an option"] = ([ReviewRole.Owner, ReviewRole.Analyst], (b, a, r) => b.Options.Save(a, r, new Options.OptionRequest { Title = "Self-service " + a.Name, SelfService = 0.1 })),
        ["log a communication"] = ([ReviewRole.Owner, ReviewRole.Analyst], (b, a, r) => b.Reviews.Communicate(a, r, new CommunicationRequest { To = ["all"], Message = "Scope drafted", Channel = "e-mail" })),
        ["add a KPI"] = ([ReviewRole.Owner, ReviewRole.Analyst], (b, a, r) => b.Monitoring.SaveKpi(a, r, new Monitoring.KpiRequest { Name = "CSAT " + a.Name, Definition = "mean score", Unit = "score", Direction = "higher", Baseline = 7.1, BaselineSource = "survey" })),
        ["export without data"] = (AllRoles, (b, a, r) => b.Archive.Export(a, r, new Archive.ExportRequest { IncludeData = false })),
        ["export with personal data"] = ([ReviewRole.Owner], (b, a, r) => b.Archive.Export(a, r, new Archive.ExportRequest { IncludeData = true })),
    };


    [Theory]
    [MemberData(nameof(UseCases))]
    public void UseCase_EveryRole_AllowedOnlyForItsRoles(string useCase)
    {
        var (allowed, act) = Cases[useCase];
        foreach (var role in AllRoles)
        {
            var (bench, actor, review) = ReviewWithMember(role);
            var failure = Record.Exception(() => act(bench, actor, review));
            if (allowed.Contains(role))
            {
                Assert.True(failure is null, $"{useCase} as {role}: {failure?.Message}");
            }
            else
            {
                var problem = Assert.IsType<StepwiseException>(failure);
                Assert.True(problem.Kind == ProblemKind.Forbidden, $"{useCase} as {role}: {problem.Kind}: {problem.Message}");
            }
        }
    }

    [Fact]
    public void Review_NotAMember_ForbiddenAndNotListed()
    {
        var f = new BenchFixture();
        var review = f.Bench.Reviews.Create(f.Admin, new NewReview { Title = "Complaints" });
        var stranger = f.User("stranger");
        Assert.Empty(f.Bench.Reviews.List(stranger));
        Assert.Equal(ProblemKind.Forbidden, Assert.Throws<StepwiseException>(() => f.Bench.Reviews.Get(stranger, review.Id)).Kind);
        Assert.Equal(ProblemKind.NotFound, Assert.Throws<StepwiseException>(() => f.Bench.Reviews.Get(stranger, Guid.NewGuid())).Kind);
    }

    [Fact]
    public void Member_LastOwnerDemoted_RefusedSoTheReviewKeepsAnOwner()
    {
        var f = new BenchFixture();
        var owner = f.User("olive");
        var review = f.Bench.Reviews.Create(owner, new NewReview { Title = "Returns" });
        var ex = Assert.Throws<StepwiseException>(() => f.Bench.Reviews.SetMember(owner, review.Id, new NewMember { User = "olive", Role = "viewer" }));
        Assert.Equal(ProblemKind.RuleBroken, ex.Kind);
    }

    [Fact]
    public void Member_Removed_LosesAccessAndTheHistoryNamesTheChange()
    {
        var f = new BenchFixture();
        var review = f.Bench.Reviews.Create(f.Admin, new NewReview { Title = "Returns" });
        var bob = f.User("bob");
        f.Bench.Reviews.SetMember(f.Admin, review.Id, new NewMember { User = "bob", Role = "analyst" });
        Assert.Equal(ReviewRole.Analyst, f.Bench.Reviews.Get(bob, review.Id).Role);
        f.Bench.Reviews.RemoveMember(f.Admin, review.Id, "bob");
        Assert.Equal(ProblemKind.Forbidden, Assert.Throws<StepwiseException>(() => f.Bench.Reviews.Get(bob, review.Id)).Kind);
        Assert.Contains(f.Bench.Reviews.History(f.Admin, review.Id), h => h.Changes.Any(c => c.Path == "removed" && c.After == "true"));
    }

    private static (Workbench Bench, Actor Actor, Guid Review) ReviewWithMember(ReviewRole role)
    {
        var f = new BenchFixture();
        f.User("outsider");
        var member = f.User("member-" + role.ToString().ToLowerInvariant());
        var review = f.Bench.Reviews.Create(f.Admin, new NewReview { Title = "Help desk", Aims = ["Resolve faster"] });
        f.Bench.Reviews.SetMember(f.Admin, review.Id, new NewMember { User = member.Name, Role = role.ToString() });
        f.Bench.Reviews.SaveStakeholder(f.Admin, review.Id, new NewStakeholder { Name = "Sam Sponsor", Group = "senior-managers", Role = "accountable" });
        f.Bench.Reviews.SaveStakeholder(f.Admin, review.Id, new NewStakeholder { Name = "Self " + member.Name, Group = "team-leaders", Role = "consulted", Account = member.Name });
        f.Bench.Workspace.Save(review.Id, new Review.Scoping.Scope { Id = review.Id }, 0, "admin");
        var step = f.Bench.Workspace.Save(review.Id, new Review.Steps.Step { Id = f.Bench.Workspace.NewId(), Name = "Triage" }, 0, "admin");
        f.Bench.Workspace.Save(review.Id, new Review.Steps.ChallengeQuestion { Id = f.Bench.Workspace.NewId(), StepId = step.Value.Id, Text = "Why triage by hand?", RaisedBy = "admin", RaisedAt = f.Bench.Now }, 0, "admin");
        return (f.Bench, member, review.Id);
    }
}
