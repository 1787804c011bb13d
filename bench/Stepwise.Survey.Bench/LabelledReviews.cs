using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Stepwise.Statistics.Feedback;
using Stepwise.Statistics.Tabular;
using Stepwise.Text.Sentiment;

namespace Stepwise.Survey.Bench;

/// <summary>
/// The labelled reviews sentiment is calibrated and measured on. Labels come from the reviewers' own stars or
/// ratings: Yelp 1-2 stars negative, 3 neutral, 4-5 positive; British Airways overall rating 1-4 negative, 5-6
/// neutral, 7-10 positive (reviews without a rating are left out). Each review is in the calibration half or the
/// held-out half by the first byte of the SHA-256 of "source:id" (below 128: calibration), a split that does not
/// depend on the order of the files.
/// </summary>
internal sealed record LabelledReview(string Source, string Id, string Text, int Stars, SentimentLabel Label, bool Calibration)
{
    public static List<LabelledReview> Load(string data)
    {
        var reviews = new List<LabelledReview>();
        using (var zip = ZipFile.OpenRead(Path.Combine(data, "text", "yelp_reviews_10k.csv.zip")))
        using (var entry = zip.GetEntry("yelp.csv")!.Open())
        using (var memory = new MemoryStream())
        {
            entry.CopyTo(memory);
            var table = DelimitedTextReader.Parse(memory.ToArray(), "yelp.csv");
            int id = table.IndexOf("review_id"), stars = table.IndexOf("stars"), text = table.IndexOf("text");
            foreach (var record in table.Records)
            {
                int s = int.Parse(record[stars], System.Globalization.CultureInfo.InvariantCulture);
                reviews.Add(Make("yelp", record[id], record[text], s, s <= 2 ? SentimentLabel.Negative : s == 3 ? SentimentLabel.Neutral : SentimentLabel.Positive));
            }
        }

        var ba = FeedbackReader.Read(Path.Combine(data, "surveys", "BA_AirlineReviews.csv")).Table;
        for (int i = 0; i < ba.Count; i++)
        {
            double rating = ba.Overall!.Values[i];
            if (double.IsNaN(rating) || ba.Comments![i] is not string comment)
            {
                continue;
            }

            int r = (int)rating;
            reviews.Add(Make("ba", ba.ResponseIds[i], comment, r, r <= 4 ? SentimentLabel.Negative : r <= 6 ? SentimentLabel.Neutral : SentimentLabel.Positive));
        }

        return reviews;
    }

    public static bool InCalibrationHalf(string source, string id) => SHA256.HashData(Encoding.UTF8.GetBytes(source + ":" + id))[0] < 128;

    private static LabelledReview Make(string source, string id, string text, int stars, SentimentLabel label)
        => new(source, id, text, stars, label, InCalibrationHalf(source, id));
}
