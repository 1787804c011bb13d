using System.Text;
using System.Text.RegularExpressions;
using Stepwise.Reports.Html;

namespace Stepwise.Reports.Tests;

public sealed partial class HtmlReportTests
{
    private static readonly Lazy<string> Html = new(() => HtmlReport.Render(SampleReport.Build()));

    [Fact]
    public void Render_MakesNoExternalRequest()
    {
        string html = Html.Value;
        Outputs.Save("sample.html", Encoding.UTF8.GetBytes(html));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(SourceAttribute(), html);
        // Every link stays in the page; the only URL is the SVG namespace, which is a name, not a request.
        Assert.All(HrefAttribute().Matches(html), m => Assert.StartsWith("#", m.Groups[1].Value, StringComparison.Ordinal));
        Assert.All(Url().Matches(html), m => Assert.Equal("http://www.w3.org/2000/svg", m.Value));
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EncodesUserText()
    {
        string html = Html.Value;
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_IsByteIdentical_ForTheSameDocument()
    {
        Assert.Equal(Html.Value, HtmlReport.Render(SampleReport.Build()));
    }

    [Fact]
    public void Render_HoldsTheNumbersOfTheSource()
    {
        string html = Html.Value;
        var f = SampleReport.Source;
        Assert.Equal(4580, f.Cases);
        Assert.Equal(21348, f.Events);
        Assert.Contains("<div class=\"value\">4,580</div>", html, StringComparison.Ordinal);
        Assert.Contains($"<div class=\"value\">{f.MedianDays:0.0} d</div>", html, StringComparison.Ordinal);
        var firstStep = f.Steps[0];
        Assert.Contains($"<td data-label=\"Step\">{firstStep.Name}</td><td class=\"num\" data-label=\"Events\">{firstStep.Events:N0}</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\" class=\"num\">Median waiting time (hours)</th>", html, StringComparison.Ordinal);
        Assert.Contains($"{firstStep.WaitingTime.Median / 3600:#,##0.0} h", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\" data-label=\"Due\">2026-06-30</td>", html, StringComparison.Ordinal);
        Assert.Contains(f.HelpdeskSha256, html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HasContentsPrintStylesheetAndAccessibleCharts()
    {
        string html = Html.Value;
        var doc = SampleReport.Build();
        for (int s = 0; s < doc.Sections.Count; s++)
        {
            Assert.Contains($"<li><a href=\"#s{s + 1}\">{System.Net.WebUtility.HtmlEncode(doc.Sections[s].Heading)}</a></li>", html, StringComparison.Ordinal);
            Assert.Contains($"<section id=\"s{s + 1}\">", html, StringComparison.Ordinal);
        }

        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("@page { size: A4", html, StringComparison.Ordinal);
        int charts = doc.Sections.Sum(s => s.Blocks.OfType<ChartBlock>().Count());
        Assert.Equal(charts, Regex.Matches(html, "<svg [^>]*role=\"img\"").Count);
        Assert.Equal(charts, Regex.Matches(html, "<details><summary>Data of figure").Count);
    }

    [Fact]
    public void Render_RedactsPersonalData_UnlessTheDocumentOptsIn()
    {
        string redacted = Html.Value;
        Assert.DoesNotContain(SampleReport.Email, redacted, StringComparison.Ordinal);
        Assert.DoesNotContain(SampleReport.Phone, redacted, StringComparison.Ordinal);
        Assert.Contains("[email]", redacted, StringComparison.Ordinal);
        string included = HtmlReport.Render(SampleReport.Build(includePersonalData: true));
        Assert.Contains(SampleReport.Email, included, StringComparison.Ordinal);
        Assert.Contains(SampleReport.Phone, included, StringComparison.Ordinal);
        Assert.Contains("includes personal data", included, StringComparison.Ordinal);
    }

    [GeneratedRegex("<[^>]*\\ssrc\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex SourceAttribute();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex HrefAttribute();

    [GeneratedRegex("https?://[^\\s\"'<>)]+")]
    private static partial Regex Url();
}
