using System.Net;
using System.Text.RegularExpressions;

namespace Stepwise.Web.Components.Shared;

/// <summary>
/// Turns the steps of a server-drawn process map into links to each step's page, so a click (or Enter on a focused
/// step) opens its figures with no script in the page. The map module writes every name escaped and marks each box
/// with <c>data-kind</c> and <c>data-name</c>; the link's address is built from the unescaped name and escaped again.
/// The map is a group of links rather than one image, so assistive technology reaches each step.
/// </summary>
public static partial class MapLinks
{
    /// <summary>The SVG with each step box wrapped in a link to <c>/reviews/{review}/step?name=…</c>.</summary>
    public static string Link(string svg, Guid reviewId)
    {
        ArgumentNullException.ThrowIfNull(svg);
        int start = svg.IndexOf("<svg", StringComparison.Ordinal);
        string body = start > 0 ? svg[start..] : svg;
        body = body.Replace(" role=\"img\" ", " role=\"group\" ", StringComparison.Ordinal);
        return StepNode().Replace(body, m =>
        {
            string name = WebUtility.HtmlDecode(m.Groups["name"].Value);
            string href = $"/reviews/{reviewId}/step?name={Uri.EscapeDataString(name)}";
            return $"<a href=\"{WebUtility.HtmlEncode(href)}\" class=\"map-step\" data-step-name=\"{WebUtility.HtmlEncode(name)}\">{m.Value}</a>";
        });
    }

    [GeneratedRegex("<g class=\"node\"[^>]*? data-kind=\"step\"[^>]*? data-name=\"(?<name>[^\"]*)\"[^>]*>.*?</g>", RegexOptions.Singleline | RegexOptions.CultureInvariant, 2000)]
    private static partial Regex StepNode();
}
