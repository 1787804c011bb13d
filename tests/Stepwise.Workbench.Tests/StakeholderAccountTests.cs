using Stepwise.Review.Access;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Workbench.Tests;

/// <summary>A stakeholder bound to an account can do what the review asks of them without a separate step.</summary>
public sealed class StakeholderAccountTests
{
    [Fact]
    public void SaveStakeholder_AccountNotAMember_BecomesMemberWithTheRoleTheirPartNeeds()
    {
        var f = new BenchFixture();
        var lead = f.User("lead", "Lena Lead");
        var sam = f.User("sam", "Sam Sponsor");
        f.User("tia", "Tia Teamlead");
        f.User("ivy", "Ivy Informed");
        var id = f.Bench.Reviews.Create(lead, new NewReview { Title = "Help desk tickets", Aims = ["Resolve tickets faster"] }).Id;

        f.Bench.Reviews.SaveStakeholder(lead, id, new NewStakeholder { Name = "Sam Sponsor", Group = "senior-managers", Role = "accountable", Account = "sam" });
        f.Bench.Reviews.SaveStakeholder(lead, id, new NewStakeholder { Name = "Tia Teamlead", Group = "team-leaders", Role = "consulted", Account = "tia" });
        f.Bench.Reviews.SaveStakeholder(lead, id, new NewStakeholder { Name = "Ivy Informed", Group = "other-departments", Role = "informed", Account = "ivy" });

        var members = f.Bench.Reviews.Members(lead, id).ToDictionary(m => m.UserName, m => m.Role);
        Assert.Equal(ReviewRole.Approver, members["sam"]);
        Assert.Equal(ReviewRole.Contributor, members["tia"]);
        Assert.Equal(ReviewRole.Viewer, members["ivy"]);
        // The sponsor can now sign off the scope themselves, and the history says why they were added.
        f.Bench.Reviews.SaveScope(lead, id, new ScopeRequest { End = ["Closed"] });
        f.Bench.Reviews.SignOff(sam, id, new SignOffRequest { Artefact = "scope", Decision = "approve" });
        Assert.Contains(f.Bench.Reviews.HistoryLines(lead, id), l => l.Summary == "Added sam as approver: the account of stakeholder Sam Sponsor");
    }

    [Fact]
    public void SaveStakeholder_AccountAlreadyAMember_KeepsTheirRole()
    {
        var f = new BenchFixture();
        var lead = f.User("lead", "Lena Lead");
        f.User("ana", "Ana Analyst");
        var id = f.Bench.Reviews.Create(lead, new NewReview { Title = "Help desk tickets", Aims = ["Resolve tickets faster"] }).Id;
        f.Bench.Reviews.SetMember(lead, id, new NewMember { User = "ana", Role = "analyst" });

        f.Bench.Reviews.SaveStakeholder(lead, id, new NewStakeholder { Name = "Ana Analyst", Group = "team-leaders", Role = "informed", Account = "ana" });

        Assert.Equal(ReviewRole.Analyst, Assert.Single(f.Bench.Reviews.Members(lead, id), m => m.UserName == "ana").Role);
    }
}
