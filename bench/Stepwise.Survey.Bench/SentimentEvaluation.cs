using Stepwise.Statistics.Drivers;
using Stepwise.Statistics.Feedback;
using Stepwise.Statistics.Inference;
using Stepwise.Text.Sentiment;

namespace Stepwise.Survey.Bench;

/// <summary>
/// Measures the sentiment analyser against reviewers' own verdicts: AUC and accuracy against the recommend flag, and
/// the rank correlation with the rating, on all reviews and on a time split (reviews before 2019, which were read
/// while the analyser was being written, and reviews from 2019 on, held out).
/// </summary>
internal static class SentimentEvaluation
{
    public static IReadOnlyList<(string Split, int Count, double Auc, double Accuracy, double RankCorrelation)> Run(FeedbackTable table, SentimentAnalyzer analyzer)
    {
        var scores = new double[table.Count];
        for (int i = 0; i < table.Count; i++)
        {
            scores[i] = analyzer.Score(table.Comments![i]).Compound;
        }

        var cut = new DateTime(2019, 1, 1);
        return
        [
            Measure("all", table, scores, _ => true),
            Measure("before 2019 (development)", table, scores, i => table.ResponseDates![i] < cut),
            Measure("2019 on (held out)", table, scores, i => table.ResponseDates![i] >= cut),
        ];
    }

    private static (string, int, double, double, double) Measure(string name, FeedbackTable table, double[] scores, Func<int, bool> include)
    {
        var yes = new List<double>();
        var no = new List<double>();
        var ratings = new List<double>();
        var matched = new List<double>();
        int correct = 0;
        for (int i = 0; i < table.Count; i++)
        {
            if (!include(i) || table.Outcome![i] is not bool recommended)
            {
                continue;
            }

            (recommended ? yes : no).Add(scores[i]);
            correct += (scores[i] > 0) == recommended ? 1 : 0;
            ratings.Add(table.Overall!.Values[i]);
            matched.Add(scores[i]);
        }

        // AUC is the probability that a recommending review scores above a non-recommending one (ties one half):
        // (1 + rank-biserial r) / 2 from the Mann-Whitney statistic.
        double auc = (1 + MannWhitneyTest.Compare(yes.ToArray(), no.ToArray()).EffectSize) / 2;
        int n = yes.Count + no.Count;
        return (name, n, auc, (double)correct / n, Correlations.Spearman(matched, ratings));
    }
}
