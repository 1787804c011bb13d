namespace Stepwise.Reports;

/// <summary>A section: a heading, the one message it carries (the slide title), and its blocks.</summary>
/// <param name="Heading">The heading.</param>
/// <param name="Blocks">The content in order.</param>
public sealed record ReportSection(string Heading, IReadOnlyList<ReportBlock> Blocks)
{
    /// <summary>The section's message in one sentence (e.g. <c>Tickets wait 9 days before anyone starts</c>), used as
    /// the slide headline; the heading when there is none.</summary>
    public string? Message { get; init; }
}
