namespace Stepwise.Reports;

/// <summary>
/// A report for one audience, independent of its format: a title, the audience, sections of headings, paragraphs,
/// key figures, tables, charts, quotes and notes, and where its data came from. A pack builder fills it from a review;
/// the formats (<c>HtmlReport</c>, <c>PdfReport</c>, <c>XlsxReport</c>, <c>PptxReport</c>) write it as HTML, PDF, XLSX or PPTX. The same document gives the same output: nothing
/// here or in the formats reads a clock.
/// </summary>
public sealed record ReportDocument
{
    private readonly string _title = "Report";
    private readonly string _audience = "Everyone";

    /// <summary>The report's title.</summary>
    public required string Title
    {
        get => _title;
        init
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value, nameof(Title));
            _title = value;
        }
    }

    /// <summary>A line under the title (the review, the period).</summary>
    public string? Subtitle { get; init; }

    /// <summary>Who the report is for (e.g. <c>Senior managers</c>).</summary>
    public required string Audience
    {
        get => _audience;
        init
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value, nameof(Audience));
            _audience = value;
        }
    }

    /// <summary>The date the report is as of (given, never read from a clock).</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Who prepared it.</summary>
    public string? Author { get; init; }

    /// <summary>The sections in order.</summary>
    public IReadOnlyList<ReportSection> Sections { get; init; } = [];

    /// <summary>Where the data came from, for the provenance sheet and the closing section.</summary>
    public IReadOnlyList<DataSourceNote> Sources { get; init; } = [];

    /// <summary>
    /// Whether personal data stays in the report. False by default: quotes, comment columns and paragraphs marked as
    /// holding personal data are redacted (e-mail addresses, phone and account numbers, postcodes, known names). Set
    /// true only on an explicit request, which the caller records in the review's history.
    /// </summary>
    public bool IncludePersonalData { get; init; }

    /// <summary>
    /// A short document meant to fit two pages (a board paper): the PDF leaves out the appendix of the figures' data
    /// (each chart labels its values, and the HTML, the workbook and the slides still carry every table) and names its
    /// data sources in a line under the title instead of a table.
    /// </summary>
    public bool Brief { get; init; }

    /// <summary>
    /// Whether the data sources are named in one line under the title (a briefing for the people who do the work) in
    /// the PDF, the HTML report and the deck, rather than in a closing table with their hashes; the workbook lists them
    /// in its provenance sheet either way. A <see cref="Brief"/> document's PDF names them in that line too.
    /// </summary>
    public bool SourcesInOneLine { get; init; }

    /// <summary>The data sources in one line: "Data sources: name, what it holds (imported when); ...".</summary>
    public string SourcesLine()
        => "Data sources: " + string.Join("; ", Sources.Select(s => $"{s.Name}, {s.Description}" + (string.IsNullOrWhiteSpace(s.Imported) ? string.Empty : $" (imported {s.Imported})"))) + ".";

    /// <summary>Names to redact wherever they appear in redacted text (e.g. respondents' names).</summary>
    public IReadOnlyList<string> KnownNames { get; init; } = [];

    /// <summary>Every table in the document, chart data tables included, in order.</summary>
    public IEnumerable<(ReportSection Section, ReportTable Table)> Tables()
    {
        foreach (var section in Sections)
        {
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case TableBlock t:
                        yield return (section, t.Table);
                        break;
                    case ChartBlock c:
                        yield return (section, ReportTable.FromChart(c.Chart.Render().Table));
                        break;
                }
            }
        }
    }
}
