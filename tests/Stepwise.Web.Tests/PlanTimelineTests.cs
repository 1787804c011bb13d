using System.Xml.Linq;
using Stepwise.Review.Planning;
using Stepwise.Web.Stages;

namespace Stepwise.Web.Tests;

public sealed class PlanTimelineTests
{
    private static readonly PlanTask First = new() { Id = Guid.NewGuid(), Title = "Agree <the> rule & \"tell\" 'everyone'", Owner = "Tia", Start = new DateOnly(2027, 1, 4), Due = new DateOnly(2027, 1, 15), Status = PlanTaskStatus.Done };

    private static readonly PlanTask Second = new() { Id = Guid.NewGuid(), Title = "Switch off Wait", Owner = "Sam", Due = new DateOnly(2027, 2, 5), DependsOn = [First.Id], Status = PlanTaskStatus.Blocked };

    [Fact]
    public void Render_TasksWithUserText_IsWellFormedSvgWithEveryTextEscaped()
    {
        string svg = PlanTimeline.Render([First, Second], new DateOnly(2027, 1, 20));

        var doc = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal("img", doc.Root!.Attribute("role")!.Value);
        // Long titles are cut to 29 characters and an ellipsis; the whole title is in the bar's tooltip.
        Assert.Contains(doc.Descendants(ns + "text"), t => t.Value == "Agree <the> rule & \"tell\" 'ev…");
        Assert.Contains(doc.Descendants(ns + "title"), t => t.Value.StartsWith("Agree <the> rule & \"tell\" 'everyone': 4 Jan 2027 to 15 Jan 2027, done", StringComparison.Ordinal));
        Assert.DoesNotContain("<the>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ADependencyAndATaskWithoutStart_DrawsOneArrowADiamondAndToday()
    {
        string svg = PlanTimeline.Render([First, Second], new DateOnly(2027, 1, 20));

        var doc = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        var arrows = doc.Descendants(ns + "path").Where(p => p.Attribute("marker-end") is not null).ToList();
        Assert.Equal("Switch off Wait waits for Agree <the> rule & \"tell\" 'everyone'", Assert.Single(arrows).Element(ns + "title")!.Value);
        Assert.Contains(doc.Descendants(ns + "path"), p => p.Attribute("fill")?.Value == PlanTimeline.ColourOf(PlanTaskStatus.Blocked));
        Assert.Contains(doc.Descendants(ns + "text"), t => t.Value == "today");
    }

    [Fact]
    public void Describe_Tasks_SaysTheSpanTheStatusesAndTheDependencies()
    {
        Assert.Equal("2 tasks from 4 Jan 2027 to 5 Feb 2027: 1 done, 1 blocked; 1 dependency.", PlanTimeline.Describe([First, Second]));
        Assert.Equal(string.Empty, PlanTimeline.Render([], new DateOnly(2027, 1, 1)));
    }
}
