using Stepwise.Statistics.Feedback;
using Stepwise.Statistics.Inference;

namespace Stepwise.Statistics.Segments;

/// <summary>
/// Compares each group of each segment with the rest of the responses, choosing the test by the kind of measure: a
/// chi-square test for a yes/no outcome, Mann-Whitney for ratings on scales of up to 7 points (ordinal, many ties),
/// Welch's t for longer scales and measures; then adjusts every p-value of the call for multiple comparisons.
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

        var raw = new List<(string Segment, string Group, string Measure, int Ng, int Nr, double Vg, double Vr, TestResult Test)>();
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
                        raw.Add((segment.Name, segment.Labels[g], table.OutcomeName!, (int)ng, (int)nr, (double)counts[0, 0] / ng, (double)counts[1, 0] / nr, ChiSquareTest.Independence(counts)));
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
                    raw.Add((segment.Name, segment.Labels[g], score.Name, a.Length, b.Length, a.Average(), b.Average(), test));
                }
            }
        }

        var adjusted = MultipleComparisons.Adjust([.. raw.Select(x => x.Test.PValue)], adjustment);
        return [.. raw.Select((x, i) => new SegmentDifference(x.Segment, x.Group, x.Measure, x.Ng, x.Nr, x.Vg, x.Vr, x.Test, adjusted[i]))];
    }
}
