using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Stepwise.Review.Common;
using Stepwise.Review.Quality;
using Stepwise.Statistics.Feedback;
using Stepwise.Statistics.Targets;
using Stepwise.Survey.Bench;
using Stepwise.Text.Sentiment;
using Stepwise.Workbench.Quality;
using Stepwise.Workbench.Survey;

// Usage: Stepwise.Survey.Bench [DATA_FOLDER] [RUNS]
//        Stepwise.Survey.Bench calibrate [DATA_FOLDER] [MODEL_FILE]
// Times the survey analysis end to end (import, every section, and the record a quality review keeps of it) on both
// survey files, in process,
// and measures sentiment against the reviewers' own stars on the held-out half of the labelled reviews.
// `calibrate` fits the sentiment model on the calibration half and writes it (by default over the model that ships).
if (args.Length > 0 && args[0] == "calibrate")
{
    string folder = args.Length > 1 ? args[1] : Path.Combine("..", "shared", "data");
    string output = args.Length > 2 ? args[2] : Path.Combine("src", "Stepwise.Text", "Resources", "sentiment-model.txt");
    var labelled = LabelledReview.Load(folder);
    var calibration = labelled.Where(r => r.Calibration).ToList();
    var clock = Stopwatch.StartNew();
    var model = SentimentCalibration.Fit([.. calibration.Select(r => r.Text)], [.. calibration.Select(r => r.Label)], [.. calibration.Select(r => r.Source)]);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fitted on {calibration.Count:N0} reviews in {clock.Elapsed.TotalSeconds:0.0} s: {model.FeatureCount:N0} features, thresholds {model.NegativeBelow} / {model.PositiveAbove}"));
    var header = "Stepwise sentiment model: a logistic regression over the lexicon's scores and words and word pairs, with\n" +
        "thresholds for negative / neutral / positive. Fitted by `dotnet run -c Release --project bench/Stepwise.Survey.Bench -- calibrate`\n" +
        "on the calibration half of the labelled reviews in the shared data (Yelp 10k: stars 1-2 / 3 / 4-5; British Airways:\n" +
        "overall rating 1-4 / 5-6 / 7-10), the half whose SHA-256 of 'source:id' starts with a byte below 128.\n" + model.Description;
    File.WriteAllText(output, model.WithDescription(header).Format());
    PrintSentiment(labelled, new SentimentAnalyzer(null, SentimentModel.Read(output)));
    return;
}

string data = args.Length > 0 ? args[0] : Path.Combine("..", "shared", "data");
int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
string airline = Path.Combine(data, "surveys", "airline_passenger_satisfaction_kaggle_test.csv");
string ba = Path.Combine(data, "surveys", "BA_AirlineReviews.csv");

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
Console.WriteLine($"command: dotnet run -c Release --project bench/Stepwise.Survey.Bench -- {data} {runs}");

var airlineOptions = new FeedbackImportOptions { NotApplicableValues = ["0"] };
var request = new SurveyRequest { Sections = SurveySection.All, Target = ["csat>=50%"], Today = new DateOnly(2024, 1, 15) };
Time("airline (25,976 rows, 14 items), all sections", airline, airlineOptions, request, runs);
Time("BA reviews (3,701 rows, comments), all sections", ba, new FeedbackImportOptions(), request with { ExcludeWord = ["british", "airways"] }, runs);

Console.WriteLine();
PrintSentiment(LabelledReview.Load(data), new SentimentAnalyzer());

static void PrintSentiment(List<LabelledReview> labelled, SentimentAnalyzer analyzer)
{
    Console.WriteLine("sentiment against the reviewers' stars (AUC: negative against positive; shares: negative / neutral / positive, reported against labelled):");
    foreach (var (name, model) in new[] { ("lexicon alone", new SentimentAnalyzer(analyzer.Lexicon, model: null)), ("calibrated model", analyzer) })
    {
        foreach (bool calibration in new[] { true, false })
        {
            foreach (string source in new[] { "yelp", "ba" })
            {
                var part = labelled.Where(r => r.Source == source && r.Calibration == calibration).ToList();
                var (n, auc, expected, reported) = SentimentEvaluation.Measure(part, model);
                var lowest = part.Where(r => r.Stars == 1).ToList();
                double lowestPositive = lowest.Count(r => model.Score(r.Text).Category == SentimentLabel.Positive) / (double)lowest.Count;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {name,-16} {(calibration ? "calibration" : "held out"),-11} {source,-4} n={n,5}  AUC={auc:0.000}  reported {reported[0]:P1} / {reported[1]:P1} / {reported[2]:P1}  labelled {expected[0]:P1} / {expected[1]:P1} / {expected[2]:P1}  worst gap {Enumerable.Range(0, 3).Max(k => Math.Abs(reported[k] - expected[k])) * 100:0.0} points  1-star read positive {lowestPositive:P1} of {lowest.Count}"));
            }
        }
    }
}

static void Time(string label, string path, FeedbackImportOptions options, SurveyRequest request, int runs)
{
    var times = new List<double>();
    var phases = new List<(double Import, double Analysis, double Render)>();
    for (int run = 0; run <= runs; run++)
    {
        var clock = Stopwatch.StartNew();
        var import = FeedbackReader.Read(path, options);
        double imported = clock.Elapsed.TotalMilliseconds;
        var result = SurveyAnalysis.Run(import, request);
        double analysed = clock.Elapsed.TotalMilliseconds;
        // The record a quality review keeps: results against the plan's target, drivers, themes with quotes.
        var plan = new QualityReview
        {
            Id = Guid.NewGuid(),
            Title = "bench",
            Owner = "bench",
            CreatedAt = DateTimeOffset.UnixEpoch,
            MeasurementPlan = [new PlannedMeasure { Metric = "CSAT", Statistic = "csat", Method = "survey", Frequency = "monthly", Target = 0.5 }],
        };
        var record = AnalysisRecords.From(Guid.NewGuid(), label, Guid.NewGuid(), ContentHash.Of("bench"u8), result, plan, 0.95, DateTimeOffset.UnixEpoch);
        _ = CanonicalJson.Serialize(record);
        clock.Stop();
        if (run > 0)
        {
            times.Add(clock.Elapsed.TotalMilliseconds);
            phases.Add((imported, analysed - imported, clock.Elapsed.TotalMilliseconds - analysed));
        }
        else
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: first run (includes JIT) {clock.Elapsed.TotalMilliseconds:0} ms"));
        }
    }

    times.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: median {times[times.Count / 2]:0} ms, min {times[0]:0} ms, max {times[^1]:0} ms over {runs} runs"));
    static double Median(IEnumerable<double> xs)
    {
        var sorted = xs.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  phases (median): import {Median(phases.Select(p => p.Import)):0} ms, analysis {Median(phases.Select(p => p.Analysis)):0} ms, review record {Median(phases.Select(p => p.Render)):0} ms"));
}
