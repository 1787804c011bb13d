using Bunit;
using Microsoft.AspNetCore.Components;
using Stepwise.Review.Common;
using Stepwise.Review.Testing;
using Stepwise.Web.Components.Pages.Quality;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Accounts;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Web.Tests;

/// <summary>
/// The Samples page's "How many responses you need": the response rate is a percentage, so a share typed in it (0.3,
/// as the command line takes) is questioned rather than read as 0.3%; and a population too small to give the responses
/// needed at the rate is said in words, with what the whole population would give, not hidden behind a capped count.
/// </summary>
public sealed class QualitySampleSizePageTests
{
    [Fact]
    public void ResponseRateUnderOnePercent_IsRefused_WithThePercentageItProbablyMeans()
    {
        var (bench, lead, id) = PageContext.NewQualityReview();
        using var context = Context(bench, lead);
        var page = context.Render<QualitySamples>(p => p.Add(m => m.ReviewId, id));
        page.WaitForAssertion(() => page.Find("#size-form"));

        page.Find("#size-margin").Change("5");
        page.Find("#size-population").Change("3701");
        page.Find("#size-rate").Change("0.3");
        page.Find("#size-form").Submit();

        page.WaitForAssertion(() => Assert.Contains("did you mean 30%?", page.Find("#size-rate-error").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("#size-result"));
    }

    [Fact]
    public void PopulationTooSmallForTheRate_SaysSo_WithTheResponsesTheWholePopulationGives()
    {
        var (bench, lead, id) = PageContext.NewQualityReview();
        using var context = Context(bench, lead);
        var page = context.Render<QualitySamples>(p => p.Add(m => m.ReviewId, id));
        page.WaitForAssertion(() => page.Find("#size-form"));

        // A share within ±5 points at 95%: n0 = 1.96² × 0.25 / 0.05² = 384.15; for N = 3,701,
        // n = 384.15 / (1 + 383.15 / 3,701) = 348.1, so 349 responses. At 5%, 349 / 0.05 = 6,980 invitations
        // would be needed, but the whole population gives 3,701 × 0.05 = 185 responses.
        page.Find("#size-margin").Change("5");
        page.Find("#size-population").Change("3701");
        page.Find("#size-rate").Change("5");
        page.Find("#size-form").Submit();

        page.WaitForAssertion(() => page.Find("#size-shortfall"));
        Assert.Contains("349", page.Find("#size-result").TextContent, StringComparison.Ordinal);
        Assert.Contains("3,701", page.Find("#size-result").TextContent, StringComparison.Ordinal);
        Assert.Contains("still too few", page.Find("#size-result").TextContent, StringComparison.Ordinal);
        string warning = page.Find("#size-shortfall").TextContent;
        Assert.Contains("cannot give the 349 responses needed", warning, StringComparison.Ordinal);
        Assert.Contains("about 185 responses", warning, StringComparison.Ordinal);
        Assert.Contains("6,980 invitations", warning, StringComparison.Ordinal);

        // At 20% the whole population gives 740 responses, more than 349: no warning (349 / 0.2 = 1,745 to invite).
        page.Find("#size-rate").Change("20");
        page.Find("#size-form").Submit();
        page.WaitForAssertion(() => Assert.Contains("1,745", page.Find("#size-result").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("#size-shortfall"));
    }

    private static BunitContext Context(Workbench.Workbench bench, Actor actor) => PageContext.Interactive(bench, actor);
}
