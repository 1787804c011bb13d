using System.Text.RegularExpressions;

namespace Stepwise.Rendering.Tests;

internal static partial class TextElements
{
    /// <summary>The SVG without its text elements.</summary>
    public static string Remove(string svg) => TextElement().Replace(svg, string.Empty);

    [GeneratedRegex("<text[^>]*>.*?</text>", RegexOptions.Singleline)]
    private static partial Regex TextElement();
}
