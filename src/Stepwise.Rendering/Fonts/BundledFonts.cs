using SkiaSharp;

namespace Stepwise.Rendering.Fonts;

/// <summary>
/// The font every Stepwise picture and report is drawn with: DejaVu Sans (regular and bold), shipped inside this
/// assembly and loaded from there, never looked up on the system, so text has the same shapes and widths on every
/// machine, including one with no fonts or fontconfig at all. Licence: <c>Fonts/LICENSE.txt</c> (Bitstream Vera).
/// </summary>
public static class BundledFonts
{
    /// <summary>The family name charts and reports declare first (<c>font-family</c>), so browsers that have it use it.</summary>
    public const string FamilyName = "DejaVu Sans";

    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("DejaVuSans-Bold.ttf"));

    /// <summary>DejaVu Sans, regular weight.</summary>
    public static SKTypeface Regular => RegularFace.Value;

    /// <summary>DejaVu Sans, bold.</summary>
    public static SKTypeface Bold => BoldFace.Value;

    /// <summary>The bundled face closest to <paramref name="weight"/>: bold from semi-bold (600) up, else regular.</summary>
    public static SKTypeface ForWeight(int weight) => weight >= (int)SKFontStyleWeight.SemiBold ? Bold : Regular;

    private static SKTypeface Load(string file)
    {
        string name = "Stepwise.Rendering.Fonts." + file;
        using var stream = typeof(BundledFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The bundled font {file} is missing from the Stepwise.Rendering assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var data = SKData.CreateCopy(copy.ToArray());
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"The bundled font {file} could not be read.");
    }
}
