using System.Globalization;

namespace Stepwise.Statistics.Feedback;

/// <summary>
/// The range of a rating scale: whole points from <see cref="Min"/> to <see cref="Max"/> (a 1-5 Likert scale, a 0-10
/// likelihood-to-recommend scale, a 1-10 rating). Scores outside the range are invalid.
/// </summary>
public readonly record struct ScoreScale
{
    /// <summary>Creates a scale; <paramref name="max"/> must exceed <paramref name="min"/>.</summary>
    public ScoreScale(int min, int max)
    {
        if (max <= min)
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, $"A scale's maximum must exceed its minimum ({min}).");
        }

        Min = min;
        Max = max;
    }

    /// <summary>The lowest score.</summary>
    public int Min { get; }

    /// <summary>The highest score.</summary>
    public int Max { get; }

    /// <summary>A five-point Likert scale, 1 to 5.</summary>
    public static ScoreScale Likert5 => new(1, 5);

    /// <summary>A seven-point scale, 1 to 7 (used for customer effort).</summary>
    public static ScoreScale Seven => new(1, 7);

    /// <summary>The eleven-point 0-10 likelihood-to-recommend scale of NPS.</summary>
    public static ScoreScale ZeroToTen => new(0, 10);

    /// <summary>The number of points on the scale.</summary>
    public int Points => Max - Min + 1;

    /// <summary>Whether <paramref name="score"/> lies on the scale.</summary>
    public bool Contains(double score) => score >= Min && score <= Max;

    /// <summary>Whether <paramref name="score"/> is in the top <paramref name="boxes"/> points (top-2-box by default).</summary>
    public bool IsTopBox(double score, int boxes = 2) => score > Max - boxes;

    /// <summary>Maps <paramref name="score"/> onto 0-100 (the minimum to 0, the maximum to 100).</summary>
    public double ToPercent(double score) => (score - Min) * 100.0 / (Max - Min);

    /// <summary>Parses <c>1-5</c>, <c>0-10</c>, <c>1..7</c>.</summary>
    /// <exception cref="FormatException">The text is not two whole numbers separated by '-' or '..'.</exception>
    public static ScoreScale Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string t = text.Trim().Replace("..", "-", StringComparison.Ordinal);
        int dash = t.IndexOf('-', 1);
        if (dash > 0
            && int.TryParse(t.AsSpan(0, dash), NumberStyles.Integer, CultureInfo.InvariantCulture, out int min)
            && int.TryParse(t.AsSpan(dash + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out int max)
            && max > min)
        {
            return new ScoreScale(min, max);
        }

        throw new FormatException($"'{text}' is not a scale; expected MIN-MAX with MIN < MAX, e.g. 1-5 or 0-10.");
    }

    /// <summary>The smallest usual scale (1-5, 0-5, 1-7, 1-10, 0-10, 0-100) that holds every observed score, or the
    /// observed range itself.</summary>
    public static ScoreScale Fit(double observedMin, double observedMax)
    {
        (int Min, int Max)[] usual = [(1, 5), (0, 5), (1, 7), (1, 10), (0, 10), (0, 100)];
        foreach (var (min, max) in usual)
        {
            if (observedMin >= min && observedMax <= max)
            {
                return new ScoreScale(min, max);
            }
        }

        int lo = (int)Math.Floor(observedMin);
        int hi = (int)Math.Ceiling(observedMax);
        return new ScoreScale(lo, Math.Max(hi, lo + 1));
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Min}-{Max}");
}
