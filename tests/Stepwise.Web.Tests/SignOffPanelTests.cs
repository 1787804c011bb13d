using Bunit;
using Stepwise.Review.People;
using Stepwise.Web.Components.Shared;
using Stepwise.Web.Stages;

namespace Stepwise.Web.Tests;

public sealed class SignOffPanelTests
{
    private static readonly Stakeholder Sam = new() { Id = Guid.NewGuid(), Name = "Sam Sponsor", Group = StakeholderGroup.SeniorManagers, Role = RaciRole.Accountable };

    private static readonly Stakeholder Olu = new() { Id = Guid.NewGuid(), Name = "Olu <Ops>", Group = StakeholderGroup.TeamLeaders, Role = RaciRole.Accountable };

    private const string Hash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public void Render_ForTheSignerWithoutOnBehalfRight_ShowsVersionHashAndOwnFormOnly()
    {
        using var context = new BunitContext();

        var panel = context.Render<SignOffPanel>(p => p.Add(x => x.Subject, "the plan").Add(x => x.IdPrefix, "plan").Add(x => x.Version, 3).Add(x => x.Hash, Hash)
            .Add(x => x.Mine, [Sam]).Add(x => x.Others, [Olu]).Add(x => x.CanSignOnBehalf, false).Add(x => x.OnSign, _ => Task.FromResult(true)));

        Assert.Contains("Version 3 · content 0123456789ab", panel.Find("p").TextContent, StringComparison.Ordinal);
        Assert.Equal("Your decision as Sam Sponsor on version 3", panel.Find("legend").TextContent);
        Assert.Empty(panel.FindAll("details"));
    }

    [Fact]
    public void Submit_OnBehalf_PassesWhoWhatAndWhyAndClearsTheFormWhenRecorded()
    {
        using var context = new BunitContext();
        SignOffInput? sent = null;

        var panel = context.Render<SignOffPanel>(p => p.Add(x => x.Subject, "the plan").Add(x => x.IdPrefix, "plan").Add(x => x.Version, 1).Add(x => x.Hash, Hash)
            .Add(x => x.Others, [Olu]).Add(x => x.CanSignOnBehalf, true).Add(x => x.OnSign, input => { sent = input; return Task.FromResult(true); }));

        Assert.Contains("Olu &lt;Ops&gt;", panel.Markup, StringComparison.Ordinal);
        panel.Find("#plan-proxy-who").Change("Olu <Ops>");
        panel.FindAll("input[type=radio]")[1].Change(true);
        panel.Find("#plan-proxy-reason").Change("Budget not approved");
        panel.Find("#plan-proxy-why").Change("Rejected by e-mail on 3 March");
        panel.Find("details form").Submit();

        Assert.Equal(new SignOffInput("Olu <Ops>", "reject", "Budget not approved", "Rejected by e-mail on 3 March", true), sent);
        Assert.Equal(string.Empty, panel.Find("#plan-proxy-why").GetAttribute("value") ?? string.Empty);
    }
}
