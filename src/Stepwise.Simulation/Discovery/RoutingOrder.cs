using System.Globalization;
using Stepwise.Mining;

namespace Stepwise.Simulation.Discovery;

/// <summary>
/// Chooses how many past steps decide the next one by the Bayesian information criterion of the Markov chain on the
/// cases' paths (Katz 1981): -2 log-likelihood + (free transition probabilities) ln(transitions), smallest wins. A
/// longer history tells apart cases that end after a short path from cases that go on from the same steps (in
/// incident logs, quick cases that close after two updates), which a history of 2 mixes; BIC takes it only when the
/// paths show it.
/// </summary>
internal static class RoutingOrder
{
    /// <summary>The longest history tried.</summary>
    public const int MaxHistory = 6;

    public static (int History, string Reason) Choose(EventLog log, LogView view)
    {
        if (log.ActivityNames.Count >= char.MaxValue)
        {
            return (2, "history of 2 steps (too many steps to compare histories)");
        }

        long transitions = 0;
        for (int i = 0; i < view.CaseCount; i++)
        {
            transitions += log.CaseLength(view.CaseAt(i)) + 1;
        }

        double best = double.PositiveInfinity;
        int chosen = 2;
        var scores = new List<string>();
        for (int k = 1; k <= MaxHistory; k++)
        {
            var (logLikelihood, parameters) = Fit(log, view, k);
            double bic = (-2 * logLikelihood) + (parameters * Math.Log(Math.Max(2, transitions)));
            scores.Add(string.Create(CultureInfo.InvariantCulture, $"{k}: {bic:F0}"));
            if (bic < best - 1e-9)
            {
                best = bic;
                chosen = k;
            }
        }

        return (chosen, $"history of {chosen} step{(chosen == 1 ? string.Empty : "s")} chosen by the Bayesian information criterion of the paths (by history: {string.Join(", ", scores)})");
    }

    private static (double LogLikelihood, long Parameters) Fit(EventLog log, LogView view, int history)
    {
        // States are the last k activity ids (fewer at the start of a case), written as characters.
        var counts = new Dictionary<string, Dictionary<int, int>>(StringComparer.Ordinal);
        var window = new List<char>(history);
        for (int i = 0; i < view.CaseCount; i++)
        {
            var acts = log.CaseActivities(view.CaseAt(i));
            window.Clear();
            for (int j = 0; j <= acts.Length; j++)
            {
                int next = j < acts.Length ? acts[j] : -1;
                string key = new([.. window]);
                if (!counts.TryGetValue(key, out var nexts))
                {
                    counts[key] = nexts = [];
                }

                nexts[next] = nexts.GetValueOrDefault(next) + 1;
                if (j < acts.Length)
                {
                    window.Add((char)(acts[j] + 1));
                    if (window.Count > history)
                    {
                        window.RemoveAt(0);
                    }
                }
            }
        }

        double ll = 0;
        long parameters = 0;
        foreach (var nexts in counts.Values)
        {
            long total = 0;
            foreach (int n in nexts.Values)
            {
                total += n;
            }

            parameters += nexts.Count - 1;
            foreach (int n in nexts.Values)
            {
                ll += n * Math.Log((double)n / total);
            }
        }

        return (ll, parameters);
    }
}
