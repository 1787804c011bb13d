using Stepwise.Statistics.Feedback;

namespace Stepwise.Statistics.Estimates;

/// <summary>How many answers each point of a scale received.</summary>
/// <param name="Scale">The scale.</param>
/// <param name="Counts">Counts for Min, Min + 1, ..., Max.</param>
/// <param name="Missing">Responses without an answer (missing or not applicable).</param>
public sealed record ScoreDistribution(ScoreScale Scale, IReadOnlyList<int> Counts, int Missing)
{
    /// <summary>Answers received.</summary>
    public int Answered => Counts.Sum();

    /// <summary>Counts the answers of <paramref name="column"/>; non-whole scores are rounded to the nearest point.</summary>
    public static ScoreDistribution Of(ScoreColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var counts = new int[column.Scale.Points];
        int missing = 0;
        foreach (double v in column.Values)
        {
            if (double.IsNaN(v))
            {
                missing++;
            }
            else
            {
                counts[(int)Math.Round(v) - column.Scale.Min]++;
            }
        }

        return new ScoreDistribution(column.Scale, counts, missing);
    }
}
