using Stepwise.Rendering.Svg;
using UglyToad.PdfPig;

namespace Stepwise.Rendering.Tests;

public sealed class SvgRasterTests
{
    private const string TextSvg =
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="200" height="60" viewBox="0 0 200 60">
          <rect x="0" y="0" width="200" height="60" fill="#ffffff"/>
          <text x="10" y="40" font-family="FAMILY" font-size="28" fill="#000000">Hello</text>
        </svg>
        """;

    [Fact]
    public void ToPng_SizeIsTheSvgSizeTimesTheScale()
    {
        var png = new PngImage(SvgRaster.ToPng(TextSvg.Replace("FAMILY", "sans-serif"), new RasterOptions { Scale = 1.5 }));
        Assert.Equal(300, png.Width);
        Assert.Equal(90, png.Height);
    }

    [Fact]
    public void ToPng_DrawsText_WhereTheSvgPlacesIt()
    {
        var png = new PngImage(SvgRaster.ToPng(TextSvg.Replace("FAMILY", "sans-serif"), new RasterOptions { Scale = 1 }));
        // "Hello" at 28 px from x = 10 on the baseline y = 40: about 70 px wide (DejaVu Sans advances), cap height ~20 px.
        int inside = png.DarkPixels(10, 18, 90, 42);
        Assert.True(inside > 200, $"expected the word's strokes, found {inside} dark pixels");
        Assert.Equal(0, png.DarkPixels(100, 0, 200, 60));
        Assert.Equal(0, png.DarkPixels(0, 45, 200, 60));
    }

    [Fact]
    public void ToPng_UsesTheBundledFont_WhateverFamilyTheSvgNames()
    {
        byte[] a = SvgRaster.ToPng(TextSvg.Replace("FAMILY", "'Liberation Sans', Arial, sans-serif"));
        byte[] b = SvgRaster.ToPng(TextSvg.Replace("FAMILY", "No Such Font"));
        byte[] c = SvgRaster.ToPng(TextSvg.Replace("FAMILY", "DejaVu Sans"));
        Assert.Equal(a, b);
        Assert.Equal(a, c);
    }

    [Fact]
    public void ToPng_IsDeterministic()
    {
        string svg = MapSvg();
        Assert.Equal(SvgRaster.ToPng(svg), SvgRaster.ToPng(svg));
    }

    [Fact]
    public void ToPng_ProcessMapOfTheHelpdeskLog_RendersWithItsText()
    {
        string svg = MapSvg();
        var withText = new PngImage(SvgRaster.ToPng(svg));
        var withoutText = new PngImage(SvgRaster.ToPng(TextElements.Remove(svg)));
        Assert.True(withText.Width > 400 && withText.Height > 400);
        // Every text of the map (title, step names, counts) accounts for many pixels; an SVG renderer that dropped
        // text for want of a font would give the two pictures identical.
        int changed = PngImage.Difference(withText, withoutText);
        Assert.True(changed > 20_000, $"only {changed} pixels differ with and without the map's text");
        string outDir = Path.Combine(AppContext.BaseDirectory, "rendered");
        Directory.CreateDirectory(outDir);
        File.WriteAllBytes(Path.Combine(outDir, "helpdesk-map.png"), SvgRaster.ToPng(svg));
    }

    [Fact]
    public void ToPdf_ProcessMap_KeepsItsTextAsText()
    {
        var map = HelpdeskMap.Build();
        byte[] pdf = SvgRaster.ToPdf(HelpdeskMap.Svg(map), "Help desk");
        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        string text = string.Join(" ", document.GetPage(1).GetWords().Select(w => w.Text));
        foreach (var node in map.Nodes.Where(n => n.Kind == Stepwise.Maps.Mapping.MapNodeKind.Activity))
        {
            foreach (var word in node.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 3))
            {
                Assert.Contains(word, text, StringComparison.Ordinal);
            }
        }

        Assert.Contains("DejaVuSans", string.Join(",", document.GetPage(1).Letters.Select(l => l.FontName).Distinct()), StringComparison.Ordinal);
        Assert.Equal(SvgRaster.ToPdf(HelpdeskMap.Svg(map), "Help desk"), pdf);
    }

    [Fact]
    public void Parse_DocumentTypeDeclaration_IsRefused()
    {
        const string svg = """<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "boom">]><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&x;</text></svg>""";
        var e = Assert.Throws<FormatException>(() => SvgRaster.ToPng(svg));
        Assert.Contains("document type", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not svg at all")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect")]
    public void Parse_Unreadable_IsAFormatError(string svg)
    {
        Assert.Throws<FormatException>(() => SvgRaster.ToPng(svg));
    }

    [Fact]
    public void ToPng_LargerThanAllowed_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => SvgRaster.ToPng(TextSvg.Replace("FAMILY", "x"), new RasterOptions { Scale = 2, MaxPixels = 1000 }));
        Assert.Contains("smaller scale", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(20.0)]
    [InlineData(double.NaN)]
    public void RasterOptions_ScaleOutOfRange_IsRefused(double scale)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RasterOptions { Scale = scale });
    }

    [Fact]
    public void RasterOptions_TransparentBackground_LeavesEmptyPixelsClear()
    {
        const string svg = """<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><rect x="0" y="0" width="10" height="10" fill="#ff0000"/></svg>""";
        var png = new PngImage(SvgRaster.ToPng(svg, new RasterOptions { Scale = 1, Background = null }));
        Assert.Equal(0, png[15, 15].Alpha);
        Assert.Equal(255, png[5, 5].Red);
        Assert.Throws<ArgumentException>(() => new RasterOptions { Background = "white" });
    }

    private static string MapSvg() => HelpdeskMap.Svg(HelpdeskMap.Build());
}
