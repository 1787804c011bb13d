using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Stepwise.Cli.Commands;
using Stepwise.Cli.Output;
using Stepwise.Statistics.Feedback;
using Stepwise.Statistics.Targets;
using Stepwise.Survey.Bench;
using Stepwise.Text.Sentiment;

// Usage: Stepwise.Survey.Bench [DATA_FOLDER] [RUNS]
// Times `stepwise survey` end to end (import, every section, report rendering) on both survey files, in process,
// and measures sentiment against the BA reviewers' own verdicts.
string data = args.Length > 0 ? args[0] : Path.Combine("..", "shared", "data");
int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
string airline = Path.Combine(data, "surveys", "airline_passenger_satisfaction_kaggle_test.csv");
string ba = Path.Combine(data, "surveys", "BA_AirlineReviews.csv");

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
Console.WriteLine($"command: dotnet run -c Release --project bench/Stepwise.Survey.Bench -- {data} {runs}");

var airlineOptions = new FeedbackImportOptions { NotApplicableValues = ["0"] };
var request = new SurveyRequest { Sections = SurveySection.All, Targets = [TargetSpec.Parse("csat>=50%")], Today = new DateOnly(2024, 1, 15) };
Time("airline (25,976 rows, 14 items), all sections", airline, airlineOptions, request, runs);
Time("BA reviews (3,701 rows, comments), all sections", ba, new FeedbackImportOptions(), request with { ExcludeWords = ["british", "airways"] }, runs);

Console.WriteLine();
Console.WriteLine("sentiment against the reviewers' Recommended flag and rating (BA reviews):");
var reviews = FeedbackReader.Read(ba).Table;
foreach (var (split, count, auc, accuracy, rho) in SentimentEvaluation.Run(reviews, new SentimentAnalyzer()))
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {split,-28} n={count,5}  AUC={auc:0.000}  accuracy={accuracy:0.000}  spearman(rating)={rho:0.000}"));
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
        var writer = new StringWriter();
        ReportWriter.Write(SurveyReport.Build(result, request.Sections), OutputFormat.Table, writer);
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

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  phases (median): import {Median(phases.Select(p => p.Import)):0} ms, analysis {Median(phases.Select(p => p.Analysis)):0} ms, report {Median(phases.Select(p => p.Render)):0} ms"));
}
