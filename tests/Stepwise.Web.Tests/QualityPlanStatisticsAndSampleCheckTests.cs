using System.Globalization;
using System.Text;
using Bunit;
using Stepwise.Web.Components.Pages;
using Stepwise.Web.Components.Pages.Quality;
using Stepwise.Workbench.Quality;
using Stepwise.Workbench.Sampling;

namespace Stepwise.Web.Tests;

/// <summary>
/// The plan names each statistic in plain words with what it computes, in the form's choices and in the plan's table.
/// A sample stratified by class is not called representative because it matches the population on class (it does by
/// construction): its check says so and is tested on the attributes it was not stratified on, named.
/// </summary>
public sealed class QualityPlanStatisticsAndSampleCheckTests
{
    [Fact]
    public void PlanForm_AndTable_NameAndExplainEachStatistic()
    {
        var (bench, lead, id) = PageContext.NewQualityReview("Passenger satisfaction");
        bench.Quality.SaveFeature(lead, id, new FeatureRequest { Name = "Cabin crew", Why = "The crew is what travellers remember." });
        bench.Quality.SaveMeasure(lead, id, new MeasureRequest { Metric = "Cabin crew top-2-box", Feature = "Cabin crew", Statistic = "top2", Column = "CabinStaffService", Method = "survey", Target = ">=60%", Frequency = "quarterly" });
        using var context = PageContext.Interactive(bench, lead);

        var page = context.Render<QualityPlan>(p => p.Add(m => m.ReviewId, id));
        page.WaitForAssertion(() => page.Find("#measure-statistic"));

        var options = page.FindAll("#measure-statistic option").ToDictionary(o => o.GetAttribute("value") ?? "", o => o.TextContent.Trim());
        Assert.Equal(["", "csat", "top2", "mean", "nps", "ces", "fcr", "response-time", "qa"], options.Keys.ToArray());
        Assert.StartsWith("Top-2-box: share of responses scoring in the top two points of the scale", options["top2"], StringComparison.Ordinal);
        Assert.StartsWith("Net Promoter Score: promoters (9-10) minus detractors (0-6)", options["nps"], StringComparison.Ordinal);
        Assert.StartsWith("Mean score: ", options["mean"], StringComparison.Ordinal);
        Assert.All(options, o => Assert.Contains(": ", o.Value, StringComparison.Ordinal));
        Assert.DoesNotContain(options.Values, v => v is "csat" or "top2" or "nps" or "mean");

        // The choice's explanation follows the choice.
        page.Find("#measure-statistic").Change("nps");
        Assert.StartsWith("Promoters (9-10) minus detractors (0-6)", page.Find("#measure-statistic-hint").TextContent.Trim(), StringComparison.Ordinal);

        var cell = page.Find("#measures tbody tr td.statistic");
        Assert.StartsWith("Top-2-box of CabinStaffService", cell.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("Share of responses scoring in the top two points of the scale", cell.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void SampleStratifiedByClass_MatchesOnClassByDesign_IsTestedOnChannelOnly()
    {
        var (bench, lead, id) = PageContext.NewQualityReview("Passenger satisfaction");
        string folder = Directory.CreateTempSubdirectory("stepwise-sample-").FullName;
        try
        {
            string population = Population(folder), units = Path.Combine(folder, "units.csv");
            bench.Quality.DrawSample(lead, id, new QualitySampleRequest { Name = "By class", Population = population, Output = units, Draw = new SampleDrawRequest { Id = "id", Strata = ["Class"], Size = 60, Seed = 7 } });
            // One check on the strata alone (as drawn before), one on class and channel.
            bench.Quality.CheckSample(lead, id, new QualitySampleCheckRequest { Sample = "By class", Population = population, File = units });
            var (saved, _) = bench.Quality.CheckSample(lead, id, new QualitySampleCheckRequest { Sample = "By class", Population = population, File = units, Attribute = ["Class", "Channel"] });
            var channel = saved.Value.Checks[^1].Attributes.Single(a => a.Attribute == "Channel");
            Assert.True(saved.Value.Checks[0].Representative, "on its stratum the sample matches by construction");

            using var context = PageContext.Interactive(bench, lead);
            var page = context.Render<QualitySamples>(p => p.Add(m => m.ReviewId, id));
            page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("#sample-0 h4 .badge").Count));

            var badges = page.FindAll("#sample-0 h4 .badge").Select(b => b.TextContent.Trim()).ToList();
            Assert.Equal("matches by design only", badges[0]);
            Assert.Equal(channel.Representative ? "representative on Channel" : "not representative on Channel", badges[1]);
            Assert.DoesNotContain("representative", badges[0], StringComparison.Ordinal);

            var notes = page.FindAll("#sample-0 p.by-design").Select(p => p.TextContent).ToList();
            Assert.Equal(2, notes.Count);
            Assert.StartsWith("The sample matches the population on Class by design", notes[0], StringComparison.Ordinal);
            Assert.Contains("Check it on an attribute it was not stratified on", notes[0], StringComparison.Ordinal);
            Assert.Contains("representativeness is tested on Channel only", notes[1], StringComparison.Ordinal);

            // No chart calls the sample representative on Class; its table says the match is by design.
            Assert.DoesNotContain(page.FindAll("#sample-0 figure"), f => f.TextContent.Contains("Class: sample against the population", StringComparison.Ordinal));
            Assert.Contains(page.FindAll("#sample-0 table.groups caption"), c => c.TextContent.StartsWith("Class, stratified on, so matched by design", StringComparison.Ordinal));

            var overview = context.Render<QualityOverview>(p => p.Add(m => m.ReviewId, id));
            overview.WaitForAssertion(() => Assert.Contains($"By class: {saved.Value.Size:N0} of 600 units, {badges[1]}", overview.Markup, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // 600 passengers: a class (three of them) and a channel that leans with the class, so the sample's channels can
    // differ from the population's though its classes cannot.
    private static string Population(string folder)
    {
        var csv = new StringBuilder("id,Class,Channel\n");
        string[] classes = ["Economy", "Business", "First"];
        for (int i = 0; i < 600; i++)
        {
            string cls = classes[i % 10 < 6 ? 0 : i % 10 < 9 ? 1 : 2];
            string channel = (i * 7 % 5) switch { 0 or 1 => "App", 2 or 3 => "Web", _ => "Phone" };
            csv.Append(CultureInfo.InvariantCulture, $"p{i:D4},{cls},{channel}\n");
        }

        string path = Path.Combine(folder, "passengers.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }
}
