using Stepwise.Rendering.Svg;

namespace Stepwise.Workbench.Analyses;

/// <summary>A process map exported as a file: its name, media type and bytes.</summary>
/// <param name="FileName">A file name from the data file's name and the format: <c>helpdesk-map.png</c>.</param>
/// <param name="ContentType">The media type.</param>
/// <param name="Content">The bytes.</param>
public sealed record MapFile(string FileName, string ContentType, byte[] Content)
{
    /// <summary>The largest PNG made, in pixels: a map of a very large log is scaled down rather than refused.</summary>
    public const long MaxPngPixels = 40L * 1024 * 1024;

    /// <summary>The file of <paramref name="drawn"/> in <paramref name="format"/> (svg, png or bpmn).</summary>
    internal static MapFile Of(MapResult drawn, string format, string dataFile)
    {
        string stem = Path.GetFileNameWithoutExtension(Path.GetFileNameWithoutExtension(dataFile));
        stem = string.Concat(stem.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-'));
        stem = (stem.Length == 0 ? "process" : stem) + "-map";
        switch (format)
        {
            case "png":
                double pixels = Math.Max(1, drawn.Drawing.Width * drawn.Drawing.Height);
                double scale = Math.Clamp(Math.Min(2, Math.Sqrt(MaxPngPixels / pixels)), 0.1, 2);
                return new MapFile(stem + ".png", "image/png", SvgRaster.ToPng(drawn.Svg, RasterOptions.Default with { Scale = scale, MaxPixels = MaxPngPixels }));
            case "bpmn":
                return new MapFile(stem + ".bpmn", "application/xml", System.Text.Encoding.UTF8.GetBytes(drawn.Bpmn!));
            default:
                return new MapFile(stem + ".svg", "image/svg+xml", System.Text.Encoding.UTF8.GetBytes(drawn.Svg));
        }
    }
}
