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
        // The whole title is written, and in the bar's tooltip.
        Assert.Contains(doc.Descendants(ns + "text"), t => Label(t) == "Agree <the> rule & \"tell\" 'everyone'");
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
    public void Render_LongTaskNames_WrittenWholeOnLinesThatFitTheLabelColumn()
    {
        // The demo plan's tasks: names of 57 and 65 characters, once cut to 29.
        var agree = new PlanTask { Id = Guid.NewGuid(), Title = "Agree the 7-day reply rule with customer representatives", Owner = "Sam", Start = new DateOnly(2026, 4, 1), Due = new DateOnly(2026, 4, 10), Status = PlanTaskStatus.Done };
        var replace = new PlanTask { Id = Guid.NewGuid(), Title = "Replace Wait with a reminder and auto-close in the ticketing tool", Owner = "Tia", Start = new DateOnly(2026, 4, 13), Due = new DateOnly(2026, 4, 24), DependsOn = [agree.Id] };
        var unbroken = new PlanTask { Id = Guid.NewGuid(), Title = new string('x', 100), Owner = "Tia", Due = new DateOnly(2026, 4, 30) };
        PlanTask[] tasks = [agree, replace, unbroken];

        var doc = XDocument.Parse(PlanTimeline.Render(tasks, new DateOnly(2026, 4, 20)));
        XNamespace ns = "http://www.w3.org/2000/svg";
        var labels = doc.Descendants(ns + "text").Where(t => t.Elements(ns + "tspan").Any()).ToList();
        Assert.Equal(tasks.Length, labels.Count);
        double labelColumn = double.Parse(doc.Descendants(ns + "rect").Where(r => r.Attribute("rx") is not null).Min(r => r.Attribute("x")!.Value)!, System.Globalization.CultureInfo.InvariantCulture);
        double previousBottom = 0;
        for (int i = 0; i < tasks.Length; i++)
        {
            var lines = labels[i].Elements(ns + "tspan").Select(l => l.Value).ToList();
            // Every character of the name, in order (a word longer than a line is broken inside it).
            Assert.Equal(tasks[i].Title.Replace(" ", "", StringComparison.Ordinal), string.Concat(lines).Replace(" ", "", StringComparison.Ordinal));
            Assert.True(lines.Count > 1, $"'{tasks[i].Title}' is wrapped");
            // At 7.8 px a character of 13 px DejaVu Sans, each line ends left of the first bar.
            Assert.All(lines, l => Assert.True(6 + (l.Length * 7.8) < labelColumn, $"'{l}' fits left of the bars at {labelColumn}"));

            // Rows do not overlap: the first line of a name sits below the last line of the name above it.
            double top = double.Parse(labels[i].Attribute("y")!.Value, System.Globalization.CultureInfo.InvariantCulture) - 13;
            Assert.True(top >= previousBottom, $"row {i} starts at {top}, below {previousBottom}");
            previousBottom = top + 13 + ((lines.Count - 1) * 16);
        }

        Assert.Equal("Agree the 7-day reply rule with customer representatives", Label(labels[0]));
    }

    [Fact]
    public void Describe_Tasks_SaysTheSpanTheStatusesAndTheDependencies()
    {
        Assert.Equal("2 tasks from 4 Jan 2027 to 5 Feb 2027: 1 done, 1 blocked; 1 dependency.", PlanTimeline.Describe([First, Second]));
        Assert.Equal(string.Empty, PlanTimeline.Render([], new DateOnly(2027, 1, 1)));
    }

    // A label as read: its lines joined by spaces.
    private static string Label(XElement text) => text.Elements().Any() ? string.Join(" ", text.Elements().Select(l => l.Value)) : text.Value;
}
