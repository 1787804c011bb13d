using SkiaSharp;
using Stepwise.Rendering.Fonts;
using Svg.Skia;

namespace Stepwise.Rendering.Svg;

/// <summary>
/// An SVG document read into a Skia picture, with every text drawn in the bundled font. Draw it on any Skia canvas:
/// a bitmap (PNG) or a PDF page, where it stays vector with its text selectable.
/// </summary>
public sealed class SvgPicture : IDisposable
{
    /// <summary>The largest SVG text accepted (64 MiB).</summary>
    public const int MaxLength = 64 * 1024 * 1024;

    private readonly SKSvg _svg;
    private readonly SKPicture _picture;

    private SvgPicture(SKSvg svg, SKPicture picture)
    {
        _svg = svg;
        _picture = picture;
    }

    /// <summary>The SVG's width in its own units (CSS pixels).</summary>
    public float Width => _picture.CullRect.Width;

    /// <summary>The SVG's height in its own units (CSS pixels).</summary>
    public float Height => _picture.CullRect.Height;

    /// <summary>Reads <paramref name="svg"/>.</summary>
    /// <exception cref="FormatException">The text is not an SVG document that can be drawn, declares a document
    /// type (refused: no entity expansion, no external resources), or is longer than <see cref="MaxLength"/>.</exception>
    public static SvgPicture Parse(string svg)
    {
        ArgumentNullException.ThrowIfNull(svg);
        if (svg.Length > MaxLength)
        {
            throw new FormatException($"The SVG is {svg.Length:N0} characters long; at most {MaxLength:N0} are drawn.");
        }

        if (svg.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase) || svg.Contains("<!ENTITY", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException("The SVG declares a document type; such SVG is refused (no entities or external resources are read).");
        }

        var reader = new SKSvg();
        try
        {
            reader.Settings.TypefaceProviders = [BundledTypefaceProvider.Instance];
            reader.Settings.EnableJavaScript = false;
            reader.Settings.EnableExternalJavaScript = false;
            SKPicture? picture;
            try
            {
                picture = reader.FromSvg(svg);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new FormatException($"The SVG could not be read: {e.Message}", e);
            }

            if (picture is null || picture.CullRect.Width <= 0 || picture.CullRect.Height <= 0)
            {
                throw new FormatException("The SVG has no drawable size (its width, height or viewBox is missing or zero).");
            }

            return new SvgPicture(reader, picture);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>Draws the picture on <paramref name="canvas"/>, scaled uniformly to fit <paramref name="target"/>
    /// and centred in it.</summary>
    public void Draw(SKCanvas canvas, SKRect target)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        var cull = _picture.CullRect;
        float scale = Math.Min(target.Width / cull.Width, target.Height / cull.Height);
        float dx = target.Left + ((target.Width - (cull.Width * scale)) / 2);
        float dy = target.Top + ((target.Height - (cull.Height * scale)) / 2);
        int saved = canvas.Save();
        canvas.Translate(dx, dy);
        canvas.Scale(scale);
        canvas.Translate(-cull.Left, -cull.Top);
        canvas.DrawPicture(_picture);
        canvas.RestoreToCount(saved);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _picture.Dispose();
        _svg.Dispose();
    }
}
