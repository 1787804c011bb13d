using System.Globalization;

namespace Stepwise.Rendering.Svg;

/// <summary>
/// How an SVG becomes a picture. Every value is checked when it is set; the defaults give a sharp picture for a
/// slide or a printed page (twice the SVG's own size, on white).
/// </summary>
public sealed record RasterOptions
{
    /// <summary>The defaults: scale 2, white background.</summary>
    public static RasterOptions Default { get; } = new();

    private readonly double _scale = 2;
    private readonly string? _background = "#ffffff";
    private readonly long _maxPixels = 64L * 1024 * 1024;

    /// <summary>Pixels per SVG unit (CSS pixel), from 0.1 to 16. 2 suits slides and print at about 150 dpi on A4.</summary>
    public double Scale
    {
        get => _scale;
        init
        {
            if (!double.IsFinite(value) || value < 0.1 || value > 16)
            {
                throw new ArgumentOutOfRangeException(nameof(Scale), value, "The scale must be between 0.1 and 16.");
            }

            _scale = value;
        }
    }

    /// <summary>Background colour as <c>#rrggbb</c>, or null for a transparent background.</summary>
    public string? Background
    {
        get => _background;
        init
        {
            if (value is not null && ParseColor(value) is null)
            {
                throw new ArgumentException($"The background must be a colour written #rrggbb, not '{value}'.", nameof(Background));
            }

            _background = value;
        }
    }

    /// <summary>The largest picture made, in pixels (width times height); a larger one is refused rather than
    /// exhausting memory. Default 64 Mpx.</summary>
    public long MaxPixels
    {
        get => _maxPixels;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _maxPixels = value;
        }
    }

    /// <summary>The background as 0xAARRGGBB (fully transparent when none).</summary>
    internal uint BackgroundArgb => _background is null ? 0u : ParseColor(_background)!.Value;

    private static uint? ParseColor(string text) =>
        text.Length == 7 && text[0] == '#'
        && uint.TryParse(text.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint rgb)
            ? 0xFF000000u | rgb
            : null;
}
