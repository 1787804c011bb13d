using SkiaSharp;

namespace Stepwise.Reports.Pdf;

/// <summary>One laid-out page: what to draw on it, run when the document is written.</summary>
internal sealed class PdfPage
{
    public List<Action<SKCanvas>> Draw { get; } = [];
}
