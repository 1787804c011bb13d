using System.Globalization;
using Stepwise.Statistics.Feedback;
using Stepwise.Survey.Bench;
using Stepwise.Text.Sentiment;

string ba = args.Length > 1 ? args[1] : "../shared/data/surveys/BA_AirlineReviews.csv";
var table = FeedbackReader.Read(ba).Table;
foreach (var (split, count, auc, accuracy, rho) in SentimentEvaluation.Run(table, new SentimentAnalyzer()))
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{split,-28} n={count,5}  AUC={auc:0.000}  accuracy={accuracy:0.000}  spearman(rating)={rho:0.000}"));
}
