using SkiaSharp;
using Stepwise.Rendering.Fonts;

namespace Stepwise.Rendering.Tests;

public sealed class BundledFontTests
{
    [Fact]
    public void Regular_IsDejaVuSans_WithItsPublishedAdvanceWidths()
    {
        var face = BundledFonts.Regular;
        Assert.Equal("DejaVu Sans", face.FamilyName);
        Assert.Equal(2048, face.UnitsPerEm);
        // At a size of 2048 px one font unit is one pixel. DejaVu Sans advances (hmtx): H 1540, e 1260, l 569, o 1253.
        using var font = new SKFont(face, 2048);
        Assert.Equal(1540 + 1260 + 569 + 569 + 1253, font.MeasureText("Hello"), 0.5);
    }

    [Fact]
    public void Bold_IsTheBoldFace_AndWiderThanRegular()
    {
        Assert.True(BundledFonts.Bold.IsBold);
        Assert.False(BundledFonts.Regular.IsBold);
        using var regular = new SKFont(BundledFonts.Regular, 12);
        using var bold = new SKFont(BundledFonts.Bold, 12);
        Assert.True(bold.MeasureText("Waiting time") > regular.MeasureText("Waiting time"));
    }

    [Fact]
    public void ForWeight_PicksBoldFromSemiBoldUp()
    {
        Assert.Same(BundledFonts.Regular, BundledFonts.ForWeight(400));
        Assert.Same(BundledFonts.Regular, BundledFonts.ForWeight(500));
        Assert.Same(BundledFonts.Bold, BundledFonts.ForWeight(600));
        Assert.Same(BundledFonts.Bold, BundledFonts.ForWeight(700));
    }

    [Fact]
    public void Fonts_CoverTheLatinTextOfReports()
    {
        const string text = "Réclamations: 12 % résolues en 3 j — Zürich, São Paulo, Øresund, £ € ± µ ≤ ≥ …";
        using var regular = new SKFont(BundledFonts.Regular, 12);
        using var bold = new SKFont(BundledFonts.Bold, 12);
        Assert.True(regular.ContainsGlyphs(text));
        Assert.True(bold.ContainsGlyphs(text));
    }
}
