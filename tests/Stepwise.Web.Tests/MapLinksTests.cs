using System.Net;
using System.Text.RegularExpressions;
using Stepwise.Web.Components.Shared;
using Stepwise.Workbench.Analyses;
using Stepwise.Workbench.Logs;

namespace Stepwise.Web.Tests;

public sealed partial class MapLinksTests
{
    [Fact]
    public void Link_TheHelpdeskMap_MakesEveryStepBoxALinkToItsPage_AndNothingElse()
    {
        var read = LogFiles.Read(SharedSample("helpdesk.xes.gz"), new LogReadRequest());
        var selection = LogSelection.Of(read.Import.Log.All, read.Origin, null, null);
        var map = LogAnalyses.Map(selection, new MapRequest { Paths = 30 });
        var review = Guid.Parse("0193a000-0000-7000-8000-000000000002");

        string linked = MapLinks.Link(map.Svg, review);

        var steps = map.Map.Nodes.Where(n => n.Kind == Stepwise.Maps.Mapping.MapNodeKind.Activity).Select(n => n.Name).ToList();
        var links = Href().Matches(linked).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(steps.Count, links.Count);
        foreach (var name in steps)
        {
            Assert.Contains($"/reviews/{review}/step?name={Uri.EscapeDataString(name)}", links);
        }

        Assert.StartsWith("<svg", linked, StringComparison.Ordinal);
        Assert.DoesNotContain("role=\"img\"", linked, StringComparison.Ordinal);
        Assert.Equal(Regex.Count(map.Svg, "<g class=\"node\""), Regex.Count(linked, "<g class=\"node\""));
    }

    [Fact]
    public void Link_ANameWithMarkup_StaysEscapedInTheLinkAndItsAddress()
    {
        const string svg = "<svg role=\"img\" ><g class=\"nodes\">\n<g class=\"node\" data-node=\"1\" data-kind=\"step\" data-key=\"0\" data-step=\"0\" data-name=\"Call &quot;back&quot; &amp; &lt;close&gt;\"><title>x</title></g>\n</g></svg>";

        string linked = MapLinks.Link(svg, Guid.Empty);

        Assert.Contains("href=\"/reviews/00000000-0000-0000-0000-000000000000/step?name=Call%20%22back%22%20%26%20%3Cclose%3E\"", linked, StringComparison.Ordinal);
        Assert.Contains("data-step-name=\"Call &quot;back&quot; &amp; &lt;close&gt;\"", linked, StringComparison.Ordinal);
        Assert.DoesNotContain("<close>", linked, StringComparison.Ordinal);
    }

    private static string SharedSample(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string path = Path.Combine(dir.FullName, "samples", name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException(name);
    }

    [GeneratedRegex("<a href=\"([^\"]*)\" class=\"map-step\"")]
    private static partial Regex Href();
}
