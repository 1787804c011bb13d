namespace Stepwise.Statistics.Findings;

/// <summary>Something a quality review found, with the evidence for it.</summary>
/// <param name="Kind">What it is about.</param>
/// <param name="Subject">The metric, item, theme or group concerned.</param>
/// <param name="Summary">One sentence saying what was found.</param>
/// <param name="Priority">1 (act now), 2 (act this cycle) or 3 (watch).</param>
/// <param name="Evidence">The supporting facts.</param>
public sealed record Finding(FindingKind Kind, string Subject, string Summary, int Priority, IReadOnlyList<Evidence> Evidence);
