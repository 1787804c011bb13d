namespace Stepwise.Statistics.Estimates;

/// <summary>
/// The Net Promoter Score of 0-10 likelihood-to-recommend answers: promoters (9-10) minus detractors (0-6), in
/// points from -100 to 100, with the interval of a mean of +1/0/-1 scores:
/// Var = (p + d - (p - d)^2) / n, where p and d are the shares of promoters and detractors.
/// </summary>
/// <param name="Score">NPS with its interval, in points.</param>
/// <param name="Promoters">Share of promoters.</param>
/// <param name="Passives">Share of passives (7-8).</param>
/// <param name="Detractors">Share of detractors.</param>
public sealed record NetPromoterScore(Estimate Score, double Promoters, double Passives, double Detractors)
{
    /// <summary>Computes NPS of the non-NaN <paramref name="scores"/> (each 0..10; a 1-10 scale counts the same way).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A score is outside 0..10.</exception>
    public static NetPromoterScore Compute(ReadOnlySpan<double> scores, double confidence = 0.95)
    {
        int promoters = 0, detractors = 0, n = 0;
        foreach (double s in scores)
        {
            if (double.IsNaN(s))
            {
                continue;
            }

            if (s < 0 || s > 10)
            {
                throw new ArgumentOutOfRangeException(nameof(scores), s, "NPS needs scores from 0 to 10.");
            }

            n++;
            if (s >= 9)
            {
                promoters++;
            }
            else if (s <= 6)
            {
                detractors++;
            }
        }

        if (n == 0)
        {
            return new NetPromoterScore(Estimate.Empty(confidence), double.NaN, double.NaN, double.NaN);
        }

        double p = (double)promoters / n, d = (double)detractors / n, nps = p - d;
        double se = Math.Sqrt(Math.Max(0, p + d - (nps * nps)) / n);
        double z = Critical.Z(confidence);
        var score = new Estimate(100 * nps, 100 * Math.Max(-1, nps - (z * se)), 100 * Math.Min(1, nps + (z * se)), n, confidence);
        return new NetPromoterScore(score, p, 1 - p - d, d);
    }
}
