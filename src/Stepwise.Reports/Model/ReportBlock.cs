namespace Stepwise.Reports;

/// <summary>A piece of a section's content.</summary>
public abstract record ReportBlock;

/// <summary>A paragraph of text.</summary>
/// <param name="Text">The text.</param>
/// <param name="HoldsPersonalData">Whether it may hold personal data (then redacted unless the document opts in).</param>
public sealed record Paragraph(string Text, bool HoldsPersonalData = false) : ReportBlock;

/// <summary>A bulleted list.</summary>
public sealed record BulletList(IReadOnlyList<string> Items) : ReportBlock;

/// <summary>Headline numbers shown large, each with its unit; the percentages among them with the same decimals (the most
/// any of them asks for), so that shares side by side read alike.</summary>
public sealed record KeyFigures : ReportBlock
{
    /// <summary>Headline numbers, in order.</summary>
    /// <param name="figures">The figures.</param>
    public KeyFigures(IReadOnlyList<KeyFigure> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        int decimals = figures.Where(f => f.Measure.Kind == Stepwise.Charts.MeasureKind.Percent).Select(f => f.Measure.Decimals).DefaultIfEmpty(-1).Max();
        Figures = [.. figures.Select(f => f.Measure.Kind == Stepwise.Charts.MeasureKind.Percent && f.Measure.Decimals != decimals
            ? f with { Measure = Stepwise.Charts.Measure.Percent(f.Measure.Name, decimals) }
            : f)];
    }

    /// <summary>The figures, in order, percentages at the same decimals.</summary>
    public IReadOnlyList<KeyFigure> Figures { get; }
}

/// <summary>A table.</summary>
/// <param name="Table">The table.</param>
public sealed record TableBlock(ReportTable Table) : ReportBlock
{
    /// <summary>
    /// Whether the table is detail behind a figure or a message rather than the evidence itself: the PDF of a
    /// <see cref="ReportDocument.Brief"/> document (a board paper of two pages) names it in a line saying where it is
    /// (the workbook's sheet, the HTML report) instead of printing it; every other format, and the PDF of any other
    /// document, shows it whole.
    /// </summary>
    public bool Detail { get; init; }
}

/// <summary>A chart; each format draws it at its own size and shows its data table.</summary>
/// <param name="Chart">The chart.</param>
public sealed record ChartBlock(Stepwise.Charts.Chart Chart) : ReportBlock;

/// <summary>A picture drawn elsewhere as SVG (a process map made for a slide, or one part of one split over slides):
/// the page formats draw it the content's width, the deck on the whole of a slide of its own (or its
/// <see cref="PictureBlock.SlideParts"/> on a slide each).</summary>
/// <param name="Svg">The picture, a stand-alone SVG document.</param>
/// <param name="Title">What it shows, in a few words (the slide's headline when it is not a section's first block).</param>
/// <param name="Description">What it shows, in words: for screen readers (the slide picture's alternative text) and the
/// slide's notes; the page formats name the figure by its title, the picture carrying its own caption.</param>
public sealed record PictureBlock(string Svg, string Title, string Description) : ReportBlock
{
    /// <summary>The same picture made for slides, in parts where the whole would print too small on one: the deck shows
    /// these, each on a whole slide of its own, in place of the picture; the other formats show the picture.</summary>
    public IReadOnlyList<PictureBlock> SlideParts { get; init; } = [];
}

/// <summary>What a customer or colleague said. Always redacted unless the document opts in to personal data.</summary>
/// <param name="Text">The words.</param>
/// <param name="Attribution">Who or what it came from (a pseudonymous response id, a channel).</param>
public sealed record Quote(string Text, string? Attribution = null) : ReportBlock;

/// <summary>A note: a caveat, a method, a warning.</summary>
public sealed record Note(string Text, bool IsWarning = false) : ReportBlock;
