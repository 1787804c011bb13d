using SkiaSharp;
using Svg.Skia;
using Svg.Skia.TypefaceProviders;
using Stepwise.Cli.Infrastructure;

namespace Stepwise.Cli.Output;

/// <summary>
/// Renders a map's SVG to PNG through Svg.Skia and SkiaSharp. Kept to this one class so that it can move into a shared
/// rendering module: text is drawn with Liberation Sans (metrically equal to the Arial/Helvetica the map's text
/// sizes are measured for) or, failing that, DejaVu Sans, read from the machine's font files, so the picture does not
/// depend on a font configuration.
/// </summary>
internal static class MapPng
{
    private static readonly string[] Regular =
    [
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "C:\\Windows\\Fonts\\arial.ttf",
        "/System/Library/Fonts/Supplemental/Arial.ttf",
    ];

    private static readonly string[] Bold =
    [
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "C:\\Windows\\Fonts\\arialbd.ttf",
        "/System/Library/Fonts/Supplemental/Arial Bold.ttf",
    ];

    private static readonly Lazy<(SKTypeface? Regular, SKTypeface? Bold)> Faces = new(() => (Load(Regular), Load(Bold)));

    /// <summary>The PNG of <paramref name="svg"/>, <paramref name="widthPixels"/> wide (the height keeps the picture's
    /// proportions), on white.</summary>
    /// <exception cref="UserError">No font file was found, or the SVG cannot be drawn.</exception>
    public static byte[] Render(string svg, int widthPixels)
    {
        var (regular, bold) = Faces.Value;
        if (regular is null)
        {
            throw new UserError($"No font for the PNG was found (looked for Liberation Sans or DejaVu Sans, e.g. {Regular[0]}); install fonts-liberation, or write SVG.");
        }

        using var reader = new SKSvg();
        reader.Settings.TypefaceProviders = [new FileFaces(regular, bold ?? regular)];
        reader.Settings.EnableJavaScript = false;
        reader.Settings.EnableExternalJavaScript = false;
        var picture = reader.FromSvg(svg) ?? throw new UserError("The map could not be drawn as PNG.");
        var bounds = picture.CullRect;
        float scale = widthPixels / bounds.Width;
        int width = widthPixels, height = (int)Math.Ceiling(bounds.Height * scale);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            canvas.Scale(scale);
            canvas.Translate(-bounds.Left, -bounds.Top);
            canvas.DrawPicture(picture);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static SKTypeface? Load(string[] paths)
    {
        foreach (var path in paths)
        {
            if (File.Exists(path) && SKTypeface.FromFile(path) is { } face)
            {
                return face;
            }
        }

        return null;
    }

    /// <summary>Answers every font the SVG names with the regular or bold face, by weight.</summary>
    private sealed class FileFaces(SKTypeface regular, SKTypeface bold) : ITypefaceProvider
    {
        public SKTypeface? FromFamilyName(string fontFamily, SKFontStyleWeight fontWeight, SKFontStyleWidth fontWidth, SKFontStyleSlant fontStyle)
            => (int)fontWeight >= 600 ? bold : regular;
    }
}
