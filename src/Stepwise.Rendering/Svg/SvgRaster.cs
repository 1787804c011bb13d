using SkiaSharp;

namespace Stepwise.Rendering.Svg;

/// <summary>
/// Turns an SVG (a process map, a chart) into a PNG or a one-page PDF, with text in the bundled font, the same on
/// every machine. The same SVG and options give the same bytes.
/// </summary>
public static class SvgRaster
{
    /// <summary>Renders <paramref name="svg"/> as a PNG.</summary>
    /// <exception cref="FormatException">The SVG cannot be read (see <see cref="SvgPicture.Parse"/>).</exception>
    /// <exception cref="ArgumentException">The picture would exceed <see cref="RasterOptions.MaxPixels"/>.</exception>
    public static byte[] ToPng(string svg, RasterOptions? options = null)
    {
        options ??= RasterOptions.Default;
        using var picture = SvgPicture.Parse(svg);
        int width = Math.Max(1, (int)Math.Ceiling(picture.Width * options.Scale));
        int height = Math.Max(1, (int)Math.Ceiling(picture.Height * options.Scale));
        if ((long)width * height > options.MaxPixels)
        {
            throw new ArgumentException(
                $"A picture of {width:N0} x {height:N0} pixels is larger than the {options.MaxPixels:N0} allowed; use a smaller scale.",
                nameof(options));
        }

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info)
            ?? throw new InvalidOperationException($"A drawing surface of {width} x {height} pixels could not be made.");
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor(options.BackgroundArgb));
        picture.Draw(canvas, new SKRect(0, 0, width, height));
        canvas.Flush();
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Renders <paramref name="svg"/> as a one-page PDF the size of the SVG (1 SVG unit = 0.75 pt, as CSS
    /// pixels print), vector throughout, with its text embedded in the bundled font.</summary>
    /// <param name="svg">The SVG text.</param>
    /// <param name="title">The PDF's title (document properties).</param>
    public static byte[] ToPdf(string svg, string? title = null)
    {
        using var picture = SvgPicture.Parse(svg);
        float width = picture.Width * 0.75f;
        float height = picture.Height * 0.75f;
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = title ?? string.Empty,
            Creator = "Stepwise",
            Producer = "Stepwise",
            // A fixed date keeps the output identical for identical input.
            Creation = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            Modified = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            var canvas = document.BeginPage(width, height);
            picture.Draw(canvas, new SKRect(0, 0, width, height));
            document.EndPage();
            document.Close();
        }

        return stream.ToArray();
    }
}
