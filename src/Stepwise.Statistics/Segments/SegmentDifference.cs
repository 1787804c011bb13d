using Stepwise.Statistics.Inference;

namespace Stepwise.Statistics.Segments;

/// <summary>How one group of a segment compares with the rest of the responses on one measure.</summary>
/// <param name="Segment">The segment (e.g. <c>Class</c>).</param>
/// <param name="Group">The group (e.g. <c>Business</c>).</param>
/// <param name="Measure">What was compared (the overall score, the outcome or an item).</param>
/// <param name="GroupCount">Responses in the group with a value.</param>
/// <param name="RestCount">Responses outside the group with a value.</param>
/// <param name="GroupValue">The group's share (for a yes/no outcome) or mean.</param>
/// <param name="RestValue">The rest's share or mean.</param>
/// <param name="Test">The test used: chi-square for shares, Mann-Whitney for short rating scales, Welch for long scales and measures.</param>
/// <param name="AdjustedPValue">The p-value adjusted for all comparisons made together.</param>
public sealed record SegmentDifference(string Segment, string Group, string Measure, int GroupCount, int RestCount, double GroupValue, double RestValue, TestResult Test, double AdjustedPValue)
{
    /// <summary>
    /// Whether this is the same comparison as another group's, seen from the other side (the second group of a segment
    /// of two): it carries that comparison's adjusted p-value and is not counted again in the adjustment.
    /// </summary>
    public bool Repeats { get; init; }

    /// <summary>Whether the difference is significant at <paramref name="alpha"/> after adjustment.</summary>
    public bool IsSignificant(double alpha = 0.05) => AdjustedPValue < alpha;
}
