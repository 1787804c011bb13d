using SkiaSharp;
using Svg.Skia.TypefaceProviders;

namespace Stepwise.Rendering.Fonts;

/// <summary>
/// Answers every font request of an SVG with the bundled face of the nearest weight, whatever family the SVG names,
/// so rendering never depends on the fonts a machine has.
/// </summary>
internal sealed class BundledTypefaceProvider : ITypefaceProvider
{
    public static readonly BundledTypefaceProvider Instance = new();

    public SKTypeface? FromFamilyName(string fontFamily, SKFontStyleWeight fontWeight, SKFontStyleWidth fontWidth, SKFontStyleSlant fontStyle) =>
        BundledFonts.ForWeight((int)fontWeight);
}
