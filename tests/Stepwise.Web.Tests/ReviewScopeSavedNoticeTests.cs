using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Web.Components.Pages;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Web.Tests;

/// <summary>The notice after the scope is saved speaks of stale sign-offs only when there are some.</summary>
public sealed class ReviewScopeSavedNoticeTests
{
    [Fact]
    public void SavedNotice_FirstVersion_NoStaleSignOffs_SecondAfterASignOff_NamesIt()
    {
        var (bench, lead, id) = PageContext.NewReview();
        bench.Reviews.SaveScope(lead, id, new ScopeRequest { End = ["Closed"] });

        using (var context = PageContext.For(bench, lead))
        {
            var nav = context.Services.GetRequiredService<NavigationManager>();
            nav.NavigateTo(nav.GetUriWithQueryParameter("saved", 1));
            var first = context.Render<ReviewScope>(p => p.Add(m => m.ReviewId, id));
            first.WaitForAssertion(() => Assert.Contains("Version 1 of the scope is saved.", first.Find(".alert-ok").TextContent, StringComparison.Ordinal));
            Assert.DoesNotContain("stale", first.Find(".alert-ok").TextContent, StringComparison.Ordinal);
        }

        bench.Reviews.SignOff(lead, id, new SignOffRequest { Artefact = "scope", Decision = "approve" });
        bench.Reviews.SaveScope(lead, id, new ScopeRequest { End = ["Closed", "Resolved"] });
        using (var context = PageContext.For(bench, lead))
        {
            var nav = context.Services.GetRequiredService<NavigationManager>();
            nav.NavigateTo(nav.GetUriWithQueryParameter("saved", 2));
            var second = context.Render<ReviewScope>(p => p.Add(m => m.ReviewId, id));
            second.WaitForAssertion(() => Assert.Contains("Version 2 of the scope is saved; the 1 sign-off of earlier versions is now stale", second.Find(".alert-ok").TextContent, StringComparison.Ordinal));
        }
    }
}
