using SkiaSharp;
using Stepwise.Charts.Drawing;
using Stepwise.Rendering.Fonts;

namespace Stepwise.Charts.Tests;

public sealed class TextMeasureTests
{
    [Theory]
    [InlineData("Take in charge ticket", false)]
    [InlineData("Réclamations résolues: 62% — £1,200 … ±3.5 h", false)]
    [InlineData("Waiting time (hours)", true)]
    [InlineData("0123456789 ,.%-+()", true)]
    public void Width_EqualsTheBundledFontsOwnMeasure(string text, bool bold)
    {
        // Unhinted, subpixel advances: the widths an SVG renderer lays text out with.
        using var font = new SKFont(bold ? BundledFonts.Bold : BundledFonts.Regular, 12) { Hinting = SKFontHinting.None, Subpixel = true, LinearMetrics = true };
        Assert.Equal(font.MeasureText(text), TextMeasure.Width(text, 12, bold), 0.05);
    }

    [Fact]
    public void Width_OfUnknownWideScripts_IsNotUnderestimated()
    {
        Assert.Equal(3 * 12.0, TextMeasure.Width("日本語", 12), 0.001);
    }
}
