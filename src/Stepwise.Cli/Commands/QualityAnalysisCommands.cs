using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;
using Stepwise.Workbench.Quality;

namespace Stepwise.Cli.Commands;

/// <summary><c>stepwise quality analyse</c>, <c>findings</c> and <c>finding</c>: feedback analysed in a quality review, and its findings.</summary>
internal static class QualityAnalysisCommands
{
    public static Command Analyse(ReviewOptions o)
    {
        var id = QualityCommand.ReviewArgument();
        var file = new Argument<FileInfo>("file") { Description = "CSV or TSV file of responses, one row per response (also inside .gz or .zip)." };
        var title = new Option<string>("--title") { Description = "A title for the analysis, unique in the review.", Required = true };
        var read = new FeedbackReadOptions();
        var sample = new Option<string?>("--sample") { Description = "The sample the responses answer (its name)." };
        var confidence = NumberOption.Number("--confidence", "Confidence level.", 0.95);
        var performanceTarget = SurveyCommand.Text("--performance-target", "Where the driver grid splits performance: a score on the items' scale or a share of it (the midpoint when omitted).");
        var discover = NumberOption.Whole("--discover", "How many themes to discover by grouping the comments (0 for none).", 8);
        var seed = NumberOption.Long("--seed", "Seed of the grouping of comments into themes.", 1);
        var exclude = SurveyCommand.Many("--exclude-word", "Word never used in discovered themes (e.g. your company's name); repeatable.");
        var key = SurveyCommand.Text("--pseudonymise-key", "Key for pseudonymising response ids in quotes; or set STEPWISE_PSEUDONYM_KEY.");
        var command = new Command("analyse", "Import feedback into the review (SHA-256 and exact read options) and keep its analysis: results against the plan's targets, key drivers, themes with redacted quotes.") { id, file, title, sample, confidence, performanceTarget, discover, seed, exclude, key };
        read.AddTo(command);
        command.SetRun((parse, context, _) =>
        {
            using var session = ReviewSession.Open(parse, o);
            Guid reviewId = session.ResolveReview(parse.GetValue(id)!);
            string path = parse.GetValue(file)!.FullName;
            var request = new FeedbackAnalysisRequest
            {
                Title = parse.GetValue(title)!,
                File = path,
                Read = read.Request(parse),
                Sample = parse.GetValue(sample),
                Confidence = parse.GetValue(confidence),
                PerformanceTarget = parse.GetValue(performanceTarget),
                Discover = parse.GetValue(discover),
                Seed = parse.GetValue(seed),
                ExcludeWord = SurveyCommand.Split(parse.GetValue(exclude)),
                PseudonymiseKey = parse.GetValue(key) ?? Environment.GetEnvironmentVariable("STEPWISE_PSEUDONYM_KEY"),
            };
            var saved = ProgressDisplay.Run(context, "Analysing " + Path.GetFileName(path), progress => session.Bench.Quality.Analyse(session.Actor, reviewId, request, progress));
            SurveyCommand.WarnImport(context, path, saved.Survey.Import);

            var analysis = saved.Analysis.Value;
            var report = new Report().Add(QualityReport.Analysis(saved.Analysis, saved.Source)).Add(QualityReport.Results(analysis));
            report.Add(QualityReport.Drivers(analysis)).Add(QualityReport.Themes(analysis));
            return CommonOptions.Print(context, report, parse.GetValue(o.Format));
        });
        return command;
    }

    public static Command Findings(ReviewOptions o)
    {
        var id = QualityCommand.ReviewArgument();
        var from = new Option<string>("--from") { Description = "The analysis (its title) whose gaps, drivers to concentrate on, and negative themes become findings.", Required = true };
        var command = new Command("findings", "Record the findings an analysis shows (missed targets, drivers to concentrate on, negative themes), skipping those already recorded.") { id, from };
        command.SetRun((parse, context, _) =>
        {
            using var session = ReviewSession.Open(parse, o);
            Guid reviewId = session.ResolveReview(parse.GetValue(id)!);
            var saved = session.Bench.Quality.FindingsFrom(session.Actor, reviewId, parse.GetValue(from)!);
            return CommonOptions.Print(context, new Report().Add(QualityReport.Findings(saved)), parse.GetValue(o.Format));
        });
        return command;
    }

    public static Command Finding(ReviewOptions o)
    {
        var id = QualityCommand.ReviewArgument();
        var kind = new Option<string>("--kind") { Description = "gap, driver, theme, segment, signal or other.", Required = true };
        var summary = new Option<string>("--summary") { Description = "What was found, in one sentence.", Required = true };
        var subject = new Option<string?>("--subject") { Description = "The metric, feature or theme concerned (actions name findings by it)." };
        var analysis = new Option<string?>("--analysis") { Description = "The analysis it comes from (its title)." };
        var priority = NumberOption.Whole("--priority", "1 (most urgent) to 3.", 2);
        var evidence = SurveyCommand.Many("--evidence", "What shows it; repeatable.");
        var command = new Command("finding", "Record a finding by hand (a mystery-shopping visit, a staff workshop, a complaint review).") { id, kind, summary, subject, analysis, priority, evidence };
        command.SetRun((parse, context, _) =>
        {
            using var session = ReviewSession.Open(parse, o);
            Guid reviewId = session.ResolveReview(parse.GetValue(id)!);
            var saved = session.Bench.Quality.RecordFinding(session.Actor, reviewId, new FindingRequest
            {
                Kind = parse.GetValue(kind)!,
                Summary = parse.GetValue(summary)!,
                Subject = parse.GetValue(subject),
                Analysis = parse.GetValue(analysis),
                Priority = parse.GetValue(priority),
                Evidence = [.. parse.GetValue(evidence) ?? []],
            });
            return CommonOptions.Print(context, new Report().Add(QualityReport.Findings([saved])), parse.GetValue(o.Format));
        });
        return command;
    }
}
