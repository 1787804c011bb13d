using System.Text;
using Stepwise.Simulation.Scenarios;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Data;
using Stepwise.Workbench.Options;
using Stepwise.Workbench.Problems;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Workbench.Tests;

/// <summary>
/// A change of staff or working hours names a pool: it is checked against the pools the simulation forms from the
/// review's event log when the option is saved, not only when it is simulated; before a log is imported it is kept.
/// </summary>
public sealed class OptionPoolTests
{
    [Fact]
    public void Save_StaffForAPoolTheLogLacks_RefusedNamingThePools_NothingSaved()
    {
        var (bench, lead, id) = Review(ChangeStaffAndHours);
        bench.Data.Import(lead, id, new ImportRequest { Path = TwoGroupLog() });

        var ex = Assert.Throws<StepwiseException>(() => bench.Options.Save(lead, id, new OptionRequest { Title = "More second line", Staff = ["Second lne=+2"] }));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("staff", error.Field);
        Assert.Contains("'Second lne' is not a pool of staff", error.Message, StringComparison.Ordinal);
        Assert.Contains("pools by 'org:group': First line, Second line", error.Message, StringComparison.Ordinal);
        Assert.Empty(bench.Options.List(lead, id));
    }

    [Fact]
    public void Save_StaffAndHoursOfKnownPools_Saved()
    {
        var (bench, lead, id) = Review(ChangeStaffAndHours);
        bench.Data.Import(lead, id, new ImportRequest { Path = TwoGroupLog() });

        var saved = bench.Options.Save(lead, id, new OptionRequest { Title = "Longer second line", Staff = ["Second line=+2"], Hours = ["First line=Mon-Fri 08:00-20:00"] });

        Assert.Equal([new ChangeStaff("Second line", 2), new ChangeHours("First line", "Mon-Fri 08:00-20:00")], saved.Value.Changes);
        var pools = bench.Options.Pools(lead, id);
        Assert.NotNull(pools);
        Assert.Equal(["First line", "Second line"], pools.Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Save_HoursOrTypedChangesOfAnUnknownPool_FieldOfTheirForm()
    {
        var (bench, lead, id) = Review(ChangeStaffAndHours);
        bench.Data.Import(lead, id, new ImportRequest { Path = TwoGroupLog() });

        var hours = Assert.Throws<StepwiseException>(() => bench.Options.Save(lead, id, new OptionRequest { Title = "Late desk", Hours = ["Night desk=Mon-Fri 18:00-22:00"] }));
        var typed = Assert.Throws<StepwiseException>(() => bench.Options.Save(lead, id, new OptionRequest { Title = "Fewer", Changes = [new ChangeStaff("Third line", -1)] }));

        Assert.Equal("hours", Assert.Single(hours.Errors).Field);
        Assert.Contains("'Night desk'", hours.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal("changes", Assert.Single(typed.Errors).Field);
        Assert.Contains("'Third line'", typed.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_LogWithoutGroups_OnePoolOfAllStaff()
    {
        var (bench, lead, id) = Review(ChangeStaffAndHours);
        bench.Data.Import(lead, id, new ImportRequest { Path = HelpdeskReview.Log });

        var ex = Assert.Throws<StepwiseException>(() => bench.Options.Save(lead, id, new OptionRequest { Title = "More first line", Staff = ["First line=+1"] }));
        bench.Options.Save(lead, id, new OptionRequest { Title = "More staff", Staff = ["Staff=+1"] });

        Assert.EndsWith("it forms one pool of all staff: Staff.", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(["More staff"], bench.Options.List(lead, id).Select(o => o.Value.Title));
    }

    [Fact]
    public void Save_BeforeALogIsImported_KeptUnchecked_AndNoPoolsKnown()
    {
        var (bench, lead, id) = Review(ChangeStaffAndHours);

        bench.Options.Save(lead, id, new OptionRequest { Title = "More second line", Staff = ["Second line=+2"] });

        Assert.Null(bench.Options.Pools(lead, id));
        Assert.Single(bench.Options.List(lead, id));
    }

    [Fact]
    public void Save_ScopeForbidsStaffChanges_TheScopeRuleStillSpeaks()
    {
        var (bench, lead, id) = Review(["remove-step"]);
        bench.Data.Import(lead, id, new ImportRequest { Path = HelpdeskReview.Log });

        var ex = Assert.Throws<Review.Common.ReviewRuleException>(() => bench.Options.Save(lead, id, new OptionRequest { Title = "More staff", Staff = ["Staff=+2"] }));

        Assert.Contains("AddStaff, which the scope does not allow", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_PoolsByAnotherAttribute_CheckedAgainstThatGrouping_NotTheDefault()
    {
        // BPIC 2013: the default pools are the 649 support groups (org:group); "Org line A2" (12,508 events) and "Org
        // line C" are values of 'organization involved', "V3_2" of org:role (counted in the XES file by a script).
        var (bench, lead, id) = Review(ChangeStaffAndHours);
        bench.Data.Import(lead, id, new ImportRequest { Path = Stepwise.Testing.SharedData.PathOf("eventlogs/bpic2013_incidents.xes.gz") });

        var byOrganisation = bench.Options.Save(lead, id, new OptionRequest { Title = "More line A2", Staff = ["Org line A2=+2"], Hours = ["Org line C=Mon-Fri 07:00-19:00"], PoolsBy = "organization involved" });
        var byRole = bench.Options.Save(lead, id, new OptionRequest { Title = "More V3_2", Staff = ["V3_2=+1"], PoolsBy = "org:role" });
        var byDefault = Assert.Throws<StepwiseException>(() => bench.Options.Save(lead, id, new OptionRequest { Title = "Line A2 by group", Staff = ["Org line A2=+2"] }));
        var wrongGrouping = Assert.Throws<StepwiseException>(() => bench.Options.Save(lead, id, new OptionRequest { Title = "G97 by role", Staff = ["G97=+1"], PoolsBy = "org:role" }));
        var noSuchAttribute = Assert.Throws<StepwiseException>(() => bench.Options.Save(lead, id, new OptionRequest { Title = "By channel", Staff = ["Phone=+1"], PoolsBy = "channel" }));

        Assert.Equal([new ChangeStaff("Org line A2", 2), new ChangeHours("Org line C", "Mon-Fri 07:00-19:00")], byOrganisation.Value.Changes);
        Assert.Equal([new ChangeStaff("V3_2", 1)], byRole.Value.Changes);
        Assert.Contains("pools by 'org:group'", Assert.Single(byDefault.Errors).Message, StringComparison.Ordinal);
        Assert.Contains("'G97' is not a pool of staff", Assert.Single(wrongGrouping.Errors).Message, StringComparison.Ordinal);
        Assert.Contains("pools by 'org:role'", wrongGrouping.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal("pools_by", Assert.Single(noSuchAttribute.Errors).Field);
        Assert.Contains("no attribute 'channel'", noSuchAttribute.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(["More V3_2", "More line A2"], bench.Options.List(lead, id).Select(o => o.Value.Title).Order(StringComparer.Ordinal));
        Assert.Contains("Org line A2", bench.Options.Pools(lead, id, "organization involved")!.Names);
        Assert.Equal(25, bench.Options.Pools(lead, id, "organization involved")!.Names.Count);
    }

    [Theory]
    // What a simulation keeps of its discovery settings gives back the attribute its pools were formed by.
    [InlineData("organization involved", "organization involved")]
    [InlineData("org:role", "org:role")]
    [InlineData(null, null)]
    public void PoolsByOf_ReadsBackTheGroupingASimulationKept(string? poolsBy, string? expected)
    {
        string kept = new WhatIf.WhatIfRequest { PoolsBy = poolsBy, RoutingHistory = 2 }.DescribeDiscovery();

        Assert.Equal(expected, WhatIf.WhatIfRequest.PoolsByOf(kept));
        Assert.Null(WhatIf.WhatIfRequest.PoolsByOf("model file model.yaml"));
    }

    private static readonly string[] ChangeStaffAndHours = ["add-staff", "remove-staff", "change-hours"];

    private static (Workbench Bench, Actor Lead, Guid Id) Review(IReadOnlyList<string> allow)
    {
        var f = new BenchFixture();
        var lead = f.User("lead", "Lena Lead");
        var id = f.Bench.Reviews.Create(lead, new NewReview { Title = "Service desk" }).Id;
        f.Bench.Reviews.SaveScope(lead, id, new ScopeRequest { Allow = [.. allow] });
        f.Bench.Reviews.MoveStage(lead, id, "analyse");
        return (f.Bench, lead, id);
    }

    // Six tickets, each taken in by the first line and resolved by the second; the groups are the pools.
    private static string TwoGroupLog()
    {
        var xes = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<log xes.version=\"1.0\">\n");
        for (int c = 1; c <= 6; c++)
        {
            xes.Append(System.Globalization.CultureInfo.InvariantCulture, $"<trace><string key=\"concept:name\" value=\"T{c}\"/>");
            xes.Append(System.Globalization.CultureInfo.InvariantCulture, $"<event><string key=\"concept:name\" value=\"Take in\"/><string key=\"org:resource\" value=\"Ann\"/><string key=\"org:group\" value=\"First line\"/><date key=\"time:timestamp\" value=\"2026-01-0{c}T09:00:00.000+00:00\"/></event>");
            xes.Append(System.Globalization.CultureInfo.InvariantCulture, $"<event><string key=\"concept:name\" value=\"Resolve\"/><string key=\"org:resource\" value=\"Bob\"/><string key=\"org:group\" value=\"Second line\"/><date key=\"time:timestamp\" value=\"2026-01-0{c}T11:30:00.000+00:00\"/></event></trace>\n");
        }

        xes.Append("</log>\n");
        string path = Path.Combine(Path.GetTempPath(), $"stepwise-pools-{Guid.NewGuid():N}.xes");
        File.WriteAllText(path, xes.ToString());
        return path;
    }
}
