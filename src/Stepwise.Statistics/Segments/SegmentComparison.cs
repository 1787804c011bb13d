using Stepwise.Statistics.Feedback;
using Stepwise.Statistics.Inference;

namespace Stepwise.Statistics.Segments;

/// <summary>
/// Compares each group of each segment with the rest of the responses, choosing the test by the kind of measure: a
/// chi-square test for a yes/no outcome, Mann-Whitney for ratings on scales of up to 7 points (ordinal, many ties),
/// Welch's t for longer scales and measures; then adjusts every p-value of the call for multiple comparisons. In a
/// segment of two groups, the second group against the rest is the first against the rest seen from the other side:
/// it is reported for both groups but counted once in the adjustment (<see cref="SegmentDifference.Repeats"/>).
/// </summary>
public static class SegmentComparison
{
    /// <summary>Groups smaller than this (on either side) are not tested.</summary>
    public const int MinimumGroupSize = 5;

    /// <summary>Compares groups on the overall score, the outcome and the named items.</summary>
    /// <param name="table">The responses.</param>
    /// <param name="segments">The segments to compare within (all of the table's when empty).</param>
    /// <param name="items">Item names to compare as well as the overall score and outcome.</param>
    /// <param name="adjustment">How p-values are adjusted (Holm by default).</param>
    public static IReadOnlyList<SegmentDifference> Compare(FeedbackTable table, IReadOnlyList<SegmentColumn>? segments = null, IReadOnlyList<string>? items = null, Adjustment adjustment = Adjustment.Holm)
    {
        ArgumentNullException.ThrowIfNull(table);
        segments = segments is null || segments.Count == 0 ? table.Segments : segments;
        var scores = new List<ScoreColumn>();
        if (table.Overall is not null)
        {
            scores.Add(table.Overall);
        }

        foreach (string name in items ?? [])
        {
            scores.Add(table.FindScore(name) ?? throw new ArgumentException($"'{name}' is not a score column of {table.Source}.", nameof(items)));
        }

        var raw = new List<(string Segment, string Group, string Measure, int Ng, int Nr, double Vg, double Vr, TestResult Test, int Same)>();
        foreach (var segment in segments)
        {
            for (int g = 0; g < segment.Labels.Count; g++)
            {
                if (table.Outcome is not null)
                {
                    long[,] counts = new long[2, 2];
                    for (int r = 0; r < table.Count; r++)
                    {
                        if (segment.Codes[r] < 0 || table.Outcome[r] is not bool b)
                        {
                            continue;
                        }

                        counts[segment.Codes[r] == g ? 0 : 1, b ? 0 : 1]++;
                    }

                    long ng = counts[0, 0] + counts[0, 1], nr = counts[1, 0] + counts[1, 1];
                    if (ng >= MinimumGroupSize && nr >= MinimumGroupSize && counts[0, 0] + counts[1, 0] > 0 && counts[0, 1] + counts[1, 1] > 0)
                    {
                        raw.Add((segment.Name, segment.Labels[g], table.OutcomeName!, (int)ng, (int)nr, (double)counts[0, 0] / ng, (double)counts[1, 0] / nr, ChiSquareTest.Independence(counts), SameAs(raw, segment, g, table.OutcomeName!)));
                    }
                }

                foreach (var score in scores)
                {
                    var inGroup = new List<double>();
                    var rest = new List<double>();
                    for (int r = 0; r < table.Count; r++)
                    {
                        double v = score.Values[r];
                        if (segment.Codes[r] < 0 || double.IsNaN(v))
                        {
                            continue;
                        }

                        (segment.Codes[r] == g ? inGroup : rest).Add(v);
                    }

                    if (inGroup.Count < MinimumGroupSize || rest.Count < MinimumGroupSize)
                    {
                        continue;
                    }

                    var a = inGroup.ToArray();
                    var b = rest.ToArray();
                    var test = score.Scale.Points <= 7 ? MannWhitneyTest.Compare(a, b) : WelchTest.Compare(a, b);
                    raw.Add((segment.Name, segment.Labels[g], score.Name, a.Length, b.Length, a.Average(), b.Average(), test, SameAs(raw, segment, g, score.Name)));
                }
            }
        }

        var family = Enumerable.Range(0, raw.Count).Where(i => raw[i].Same < 0).ToList();
        var adjusted = MultipleComparisons.Adjust([.. family.Select(i => raw[i].Test.PValue)], adjustment);
        var adjustedOf = new double[raw.Count];
        for (int k = 0; k < family.Count; k++)
        {
            adjustedOf[family[k]] = adjusted[k];
        }

        for (int i = 0; i < raw.Count; i++)
        {
            if (raw[i].Same >= 0)
            {
                adjustedOf[i] = adjustedOf[raw[i].Same];
            }
        }

        return [.. raw.Select((x, i) => new SegmentDifference(x.Segment, x.Group, x.Measure, x.Ng, x.Nr, x.Vg, x.Vr, x.Test, adjustedOf[i]) { Repeats = x.Same >= 0 })];
    }

    // The comparison this one repeats: in a segment of two groups, the second group's with the first group's on the
    // same measure (-1 for any other).
    private static int SameAs(List<(string Segment, string Group, string Measure, int Ng, int Nr, double Vg, double Vr, TestResult Test, int Same)> raw, SegmentColumn segment, int group, string measure)
        => segment.Labels.Count == 2 && group == 1
            ? raw.FindIndex(x => x.Segment == segment.Name && x.Group == segment.Labels[0] && x.Measure == measure)
            : -1;
}
