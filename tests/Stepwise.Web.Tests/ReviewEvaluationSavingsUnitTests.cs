using Bunit;
using Stepwise.Testing;
using Stepwise.Web.Components.Pages.Stages;
using Stepwise.Web.Stages;
using Stepwise.Workbench.Data;
using Stepwise.Workbench.Options;
using Stepwise.Workbench.Reviews;
using Stepwise.Workbench.WhatIf;

namespace Stepwise.Web.Tests;

/// <summary>
/// The cost-benefit form asks what one unit of the chosen KPI's improvement is worth in the unit people read it in
/// (one percentage point of a share, one hour of a time), and the savings it stores are that worth times the
/// improvement in the same unit: 585 a point for 2 points is 1,170, as the command line's 58,500 a whole share.
/// </summary>
public sealed class ReviewEvaluationSavingsUnitTests
{
    [Fact]
    public void ShareKpi_AsksForAPercentagePoint_SavingsArePointsTimesItsWorth()
    {
        var (bench, lead, id) = Simulated();
        using var context = PageContext.For(bench, lead);
        var page = context.Render<ReviewEvaluation>(p => p.Add(m => m.ReviewId, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#cb-option")));

        page.FindAll("input[type=radio]").First(r => r.GetAttribute("value") == "simulated").Change("simulated");
        page.Find("#cb-kpi").Change("within_service_level");
        Assert.Equal("Worth a year of one percentage point of improvement", page.Find("label[for=cb-unit]").TextContent);
        Assert.Contains("One point is 1% of the cases", page.Find("#cb-unit-hint").TextContent, StringComparison.Ordinal);
        page.Find("#cb-unit").Change("585");
        page.Find("#cb-option").Closest("form")!.Submit();

        page.WaitForAssertion(() => Assert.Contains("The cost-benefit case of “No waiting step” is saved.", page.Markup, StringComparison.Ordinal));
        var kpi = bench.Options.Find(lead, id, "No waiting step").Value.Simulation!.Kpi("within_service_level")!;
        double points = kpi.Difference.Mean!.Value * 100;
        var cb = Assert.Single(bench.Evaluation.Get(lead, id)!.Value.CostBenefits);
        Assert.Equal((double)Math.Round((decimal)points * 585m, 2), (double)cb.SavingsPerYear, 1);
        Assert.Contains("valued at 585.00 a year a point", cb.SavingsBasis, StringComparison.Ordinal);
    }

    [Fact]
    public void DurationKpi_AsksForAnHour_SavingsAreHoursTimesItsWorth()
    {
        var (bench, lead, id) = Simulated();
        using var context = PageContext.For(bench, lead);
        var page = context.Render<ReviewEvaluation>(p => p.Add(m => m.ReviewId, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#cb-option")));

        page.FindAll("input[type=radio]").First(r => r.GetAttribute("value") == "simulated").Change("simulated");
        page.Find("#cb-kpi").Change("throughput_median");
        Assert.Equal("Worth a year of one hour of improvement", page.Find("label[for=cb-unit]").TextContent);
        page.Find("#cb-unit").Change("9");
        page.Find("#cb-option").Closest("form")!.Submit();

        page.WaitForAssertion(() => Assert.Contains("is saved.", page.Markup, StringComparison.Ordinal));
        var kpi = bench.Options.Find(lead, id, "No waiting step").Value.Simulation!.Kpi("throughput_median")!;
        double hoursShorter = -kpi.Difference.Mean!.Value / 3600;
        var cb = Assert.Single(bench.Evaluation.Get(lead, id)!.Value.CostBenefits);
        Assert.Equal(hoursShorter * 9, (double)cb.SavingsPerYear, 1);
        Assert.Contains("valued at 9.00 a year an hour", cb.SavingsBasis, StringComparison.Ordinal);
    }

    [Fact]
    public void Units_ConvertToTheLayersUnit()
    {
        Assert.Equal(58_500m, SavingsUnit.Of("share", null).ToLayer(585m));
        Assert.Equal(0.0025m, SavingsUnit.Of("seconds", null).ToLayer(9m));
        Assert.Equal(1_170m, SavingsUnit.Of("money", "EUR").ToLayer(1_170m));
        Assert.Equal("1 EUR less per case", SavingsUnit.Of("money", "EUR").One);
        Assert.Equal("one case", SavingsUnit.Of("count", null).One);
    }

    private static (Workbench.Workbench Bench, Workbench.Access.Actor Lead, Guid Review) Simulated()
    {
        var (bench, lead, id) = PageContext.NewReview();
        bench.Reviews.SaveScope(lead, id, new ScopeRequest { End = ["Closed"], Allow = ["remove-step"] });
        bench.Reviews.SignOff(lead, id, new SignOffRequest { Artefact = "scope", Decision = "approve" });
        bench.Reviews.MoveStage(lead, id, "analyse");
        bench.Data.Import(lead, id, new ImportRequest { Path = SharedData.PathOf("eventlogs/helpdesk.xes.gz") });
        bench.Reviews.MoveStage(lead, id, "challenge");
        bench.Reviews.MoveStage(lead, id, "evaluate");
        bench.Options.Save(lead, id, new OptionRequest { Title = "No waiting step", RemoveStep = ["Wait"] });
        bench.Options.Simulate(lead, id, new SimulateOptionsRequest { Simulation = new WhatIfRequest { Replications = 3, Seed = 7, Horizon = "60d", CostPerHour = 30, ServiceLevel = "30d" } });
        return (bench, lead, id);
    }
}
