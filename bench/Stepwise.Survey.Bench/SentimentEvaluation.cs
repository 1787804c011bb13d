using Stepwise.Text.Sentiment;

namespace Stepwise.Survey.Bench;

/// <summary>
/// Measures sentiment against reviewers' own stars: ROC AUC of the score for negative against positive reviews
/// (neutral ones left out; the probability that a positive review scores above a negative one, ties one half), and
/// the share of each label against the labelled share.
/// </summary>
internal static class SentimentEvaluation
{
    public static (int Count, double Auc, double[] Labelled, double[] Reported) Measure(IReadOnlyList<LabelledReview> reviews, SentimentAnalyzer analyzer)
    {
        var scores = reviews.Select(r => analyzer.Score(r.Text)).ToArray();
        var positive = reviews.Select((r, i) => (r, i)).Where(x => x.r.Label == SentimentLabel.Positive).Select(x => scores[x.i].Compound).Order().ToArray();
        var negative = reviews.Select((r, i) => (r, i)).Where(x => x.r.Label == SentimentLabel.Negative).Select(x => scores[x.i].Compound).ToArray();
        double wins = 0;
        foreach (double s in negative)
        {
            // Positive scores above s, plus half of those equal to it.
            int above = positive.Length - UpperBound(positive, s);
            int equal = UpperBound(positive, s) - LowerBound(positive, s);
            wins += above + (0.5 * equal);
        }

        double auc = wins / ((double)positive.Length * negative.Length);
        var labels = Enum.GetValues<SentimentLabel>();
        double[] labelled = [.. labels.Select(l => reviews.Count(r => r.Label == l) / (double)reviews.Count)];
        double[] reported = [.. labels.Select(l => scores.Count(s => s.Category == l) / (double)reviews.Count)];
        return (reviews.Count, auc, labelled, reported);
    }

    private static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static int UpperBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
