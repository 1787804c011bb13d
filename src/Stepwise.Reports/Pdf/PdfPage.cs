using SkiaSharp;
using static Stepwise.Reports.Pdf.PdfStyle;

namespace Stepwise.Reports.Pdf;

/// <summary>One laid-out page: its orientation, and what to draw on it, run when the document is written.</summary>
internal sealed class PdfPage(bool landscape = false)
{
    /// <summary>Whether the page is A4 landscape (for a table too wide for a portrait page).</summary>
    public bool Landscape { get; set; } = landscape;

    /// <summary>The page's width in points.</summary>
    public float Width => Landscape ? PageHeight : PageWidth;

    /// <summary>The page's height in points.</summary>
    public float Height => Landscape ? PageWidth : PageHeight;

    /// <summary>The width of the content area between the margins.</summary>
    public float ContentWidth => Width - (2 * Margin);

    public List<Action<SKCanvas>> Draw { get; } = [];
}
