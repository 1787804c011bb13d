namespace Stepwise.Workbench.Reports;

/// <summary>The file format of a report.</summary>
public enum ReportFormat
{
    /// <summary>One self-contained HTML file (no external requests, print stylesheet).</summary>
    Html,

    /// <summary>A4 PDF with page numbers, a contents list and the font embedded.</summary>
    Pdf,

    /// <summary>An Excel workbook: one sheet per table, typed cells, frozen headers, a provenance sheet.</summary>
    Xlsx,

    /// <summary>16:9 slides: one message per slide, charts as pictures, the numbers in the notes.</summary>
    Pptx,
}
