using Stepwise.Simulation.Distributions;

namespace Stepwise.Simulation.CallCentre;

/// <summary>
/// Estimates callers' patience from queue waits with the Kaplan-Meier estimator: a caller who hung up after waiting t
/// shows a patience of t; a caller served after waiting t only shows a patience above t (a censored observation).
/// Fitting abandoned waits alone would make callers look far less patient than they are.
/// </summary>
public static class PatienceEstimator
{
    /// <summary>Patience beyond the longest observation is taken as this long (seconds): in effect, never abandons.</summary>
    public const double Unbounded = 86_400;

    /// <summary>The patience distribution from waits of abandoned and of served callers.</summary>
    /// <param name="abandonedWaits">Waits (seconds) of callers who hung up.</param>
    /// <param name="servedWaits">Waits (seconds) of callers who were served after queueing.</param>
    public static Distribution Estimate(IReadOnlyList<double> abandonedWaits, IReadOnlyList<double> servedWaits)
    {
        ArgumentNullException.ThrowIfNull(abandonedWaits);
        ArgumentNullException.ThrowIfNull(servedWaits);
        var observations = new List<(double Time, bool Event)>(abandonedWaits.Count + servedWaits.Count);
        observations.AddRange(abandonedWaits.Select(w => (w, true)));
        observations.AddRange(servedWaits.Select(w => (w, false)));

        // At equal times, events come before censorings (the usual Kaplan-Meier convention).
        observations.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : b.Event.CompareTo(a.Event));
        var times = new List<double>();
        var cdf = new List<double>();
        double survival = 1;
        int atRisk = observations.Count;
        int i = 0;
        while (i < observations.Count)
        {
            double t = observations[i].Time;
            int events = 0, leaving = 0;
            while (i < observations.Count && observations[i].Time == t)
            {
                events += observations[i].Event ? 1 : 0;
                leaving++;
                i++;
            }

            if (events > 0 && atRisk > 0)
            {
                survival *= 1 - ((double)events / atRisk);
                times.Add(t);
                cdf.Add(1 - survival);
            }

            atRisk -= leaving;
        }

        if (times.Count == 0)
        {
            return Distribution.Constant(Unbounded);
        }

        // Quantiles at equally spaced probabilities; beyond the estimated mass, patience is unbounded.
        const int points = DistributionFitter.MaxEmpiricalPoints;
        var q = new double[points];
        int k = 0;
        for (int p = 0; p < points; p++)
        {
            double target = (double)p / (points - 1);
            while (k < cdf.Count && cdf[k] < target)
            {
                k++;
            }

            q[p] = p == 0 ? 0 : k < cdf.Count ? times[k] : Unbounded;
        }

        for (int p = 1; p < points; p++)
        {
            q[p] = Math.Max(q[p], q[p - 1]);
        }

        return Distribution.Empirical(q);
    }
}
