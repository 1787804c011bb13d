namespace Stepwise.Monitoring.Conformance;

/// <summary>How the process after the change keeps to what was agreed, and what is new in it.</summary>
/// <param name="Checks">Each part of the agreement, checked before and after.</param>
/// <param name="NewSteps">Steps seen after the change but never before.</param>
/// <param name="GoneSteps">Steps seen before the change but never after (counts are of before cases).</param>
/// <param name="NewPaths">Paths seen after but never before, most frequent first.</param>
/// <param name="NewPathCount">How many new paths there are in all.</param>
/// <param name="NewVariantShare">Share of the after cases whose whole path (variant) was never seen before.</param>
public sealed record ConformanceReport(
    IReadOnlyList<ConformanceCheck> Checks,
    IReadOnlyList<NewBehaviour> NewSteps,
    IReadOnlyList<NewBehaviour> GoneSteps,
    IReadOnlyList<NewBehaviour> NewPaths,
    int NewPathCount,
    double NewVariantShare);
