using SkiaSharp;

namespace Stepwise.Reports.Pdf;

/// <summary>Page geometry and type sizes of the PDF report (A4, 20 mm margins).</summary>
internal static class PdfStyle
{
    public const float PageWidth = 595.28f;
    public const float PageHeight = 841.89f;
    public const float Margin = 56.7f;
    public const float Footer = 28f;
    public const float ContentWidth = PageWidth - (2 * Margin);
    public const float Bottom = PageHeight - Margin;
    public const float Body = 10f;
    public const float Small = 8.5f;

    public static readonly SKColor Text = new(0x1F, 0x29, 0x33);
    public static readonly SKColor Muted = new(0x52, 0x60, 0x6D);
    public static readonly SKColor Rule = new(0xD9, 0xDE, 0xE3);
    public static readonly SKColor Accent = new(0x00, 0x72, 0xB2);
    public static readonly SKColor Warning = new(0xD5, 0x5E, 0x00);
    public static readonly SKColor HeaderFill = new(0xEE, 0xF2, 0xF6);
}
