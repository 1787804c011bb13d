namespace Stepwise.Statistics.Feedback;

/// <summary>
/// Scores of one question (the overall score or an item) for every response, on a <see cref="ScoreScale"/>.
/// A missing or not-applicable answer is <see cref="double.NaN"/>.
/// </summary>
public sealed class ScoreColumn
{
    /// <summary>Creates a column; every non-NaN value must lie on <paramref name="scale"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value lies off the scale.</exception>
    public ScoreColumn(string name, ScoreScale scale, double[] values)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(values);
        foreach (double v in values)
        {
            if (!double.IsNaN(v) && !scale.Contains(v))
            {
                throw new ArgumentOutOfRangeException(nameof(values), v, $"Score {v} of '{name}' is off the scale {scale}.");
            }
        }

        Name = name;
        Scale = scale;
        Values = values;
    }

    /// <summary>The question, as named in the source file.</summary>
    public string Name { get; }

    /// <summary>The scale the scores are on.</summary>
    public ScoreScale Scale { get; }

    /// <summary>One score per response; NaN when missing or not applicable.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>How many responses have a score.</summary>
    public int AnsweredCount
    {
        get
        {
            int n = 0;
            foreach (double v in Values)
            {
                if (!double.IsNaN(v))
                {
                    n++;
                }
            }

            return n;
        }
    }
}
