using System.CommandLine;
using System.Globalization;
using Stepwise.Cli.Infrastructure;
using Stepwise.Statistics.Feedback;
using Stepwise.Statistics.Plans;
using Stepwise.Text.Themes;
using Stepwise.Workbench.Survey;

namespace Stepwise.Cli.Commands;

/// <summary>
/// <c>stepwise survey FILE</c>: imports survey, QA-scorecard or review data and reports the summary, key drivers,
/// comment themes and targets (and, on request, segments, trend and recommended actions).
/// </summary>
internal static class SurveyCommand
{
    /// <summary>The verb's name.</summary>
    public const string Name = "survey";

    /// <summary>What the verb does, as help lists it.</summary>
    public const string Description = "Analyse survey, QA-scorecard or review data: summary, key drivers, comment themes, targets.";

    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV or TSV file of responses, one row per response (also inside .gz or .zip)." };
        var show = new Option<string>("--show") { Description = "Sections: summary, drivers, themes, targets, segments, trend, actions, responses (each comment with its sentiment and theme), or all (comma-separated).", DefaultValueFactory = _ => "summary,drivers,themes,targets" };
        var read = new FeedbackReadOptions();
        var performanceTarget = Text("--performance-target", "Where the driver grid splits performance: a score on the items' scale (e.g. 4) or a share of the scale (e.g. 75%); the scale midpoint when omitted.");
        var seed = NumberOption.Long("--seed", "Seed of the grouping of comments into discovered themes.", 1);
        var targets = Many("--target", "Target, e.g. csat>=80%, nps>=20, mean:Seat comfort>=3.5, fcr:Recommended>=50%; repeatable.");
        var plan = new Option<FileInfo?>("--plan") { Description = "Measurement plan CSV (feature, metric, method, target, frequency[, column, owner])." };
        var by = Many("--by", "Segments to compare (all when omitted).");
        var period = Text("--period", "Trend period: week, month, quarter or year (from the span of dates when omitted).");
        var themes = new Option<FileInfo?>("--themes") { Description = "Theme dictionary file (lines 'Theme: term, phrase, stem*'); the customer-service default otherwise." };
        var discover = NumberOption.Whole("--discover", "How many themes to discover by grouping the comments (0 for none).", 8);
        var exclude = Many("--exclude-word", "Word never used in discovered themes (e.g. your company's name); repeatable.");
        var confidence = NumberOption.Number("--confidence", "Confidence level.", 0.95);
        var key = Text("--pseudonymise-key", "Key for pseudonymising response ids (HMAC-SHA256); or set STEPWISE_PSEUDONYM_KEY.");
        var owner = Text("--owner", "Default owner of recommended actions.");
        var today = Text("--today", "Date to plan actions from (yyyy-MM-dd; today when omitted).");
        var format = CommonOptions.Format();

        var command = new Command(Name, Description);
        command.Arguments.Add(file);
        read.AddTo(command);
        foreach (var option in new Option[] { show, targets, plan, by, period, themes, discover, exclude, seed, performanceTarget, confidence, key, owner, today, format })
        {
            command.Options.Add(option);
        }

        command.SetRun((parse, context, cancellation) =>
        {
            var sections = CommonOptions.ParseSections(parse.GetValue(show)!, SurveySection.Summary, "section");
            string path = parse.GetValue(file)!.FullName;
            var request = new SurveyRequest
            {
                Sections = sections,
                Confidence = parse.GetValue(confidence),
                Target = Split(parse.GetValue(targets)),
                Plan = parse.GetValue(plan) is FileInfo planFile ? MeasurementPlan.Read(planFile.FullName) : null,
                Themes = parse.GetValue(themes) is FileInfo themeFile ? ThemeDictionary.Read(themeFile.FullName) : null,
                Discover = parse.GetValue(discover),
                Seed = parse.GetValue(seed),
                PerformanceTarget = parse.GetValue(performanceTarget),
                ExcludeWord = Split(parse.GetValue(exclude)),
                By = Split(parse.GetValue(by)),
                Period = parse.GetValue(period),
                PseudonymiseKey = parse.GetValue(key) ?? Environment.GetEnvironmentVariable("STEPWISE_PSEUDONYM_KEY"),
                Owner = parse.GetValue(owner) ?? "Quality lead",
                Today = ParseToday(parse.GetValue(today)),
            };
            var readRequest = read.Request(parse);
            var result = ProgressDisplay.Run(context, "Analysing " + Path.GetFileName(path), progress => SurveyAnalysis.Run(path, readRequest, request, progress));
            WarnImport(context, path, result.Import);
            return CommonOptions.Print(context, SurveyReport.Build(result, sections), parse.GetValue(format));
        });
        return command;
    }

    /// <summary>
    /// Warns on standard error about a feedback import: the first 20 rows skipped and how many more, what the reader
    /// must decide (a 0 that may mean not applicable), and a file with nothing to analyse.
    /// </summary>
    internal static void WarnImport(CliContext context, string path, FeedbackImport import)
    {
        string name = Path.GetFileName(path);
        foreach (var bad in import.BadRows.Take(20))
        {
            context.Warn($"{name}, skipped {bad}");
        }

        if (import.BadRows.Count > 20)
        {
            context.Warn($"{import.BadRows.Count - 20} more problems in skipped rows (see the bad_rows table).");
        }

        foreach (string warning in import.Warnings)
        {
            context.Warn($"{name}: {warning}");
        }

        if (import.Shortfall() is { } shortfall)
        {
            context.Warn($"{name}: {shortfall}");
        }
    }

    internal static Option<string?> Text(string name, string description) => new(name) { Description = description };

    internal static Option<string[]> Many(string name, string description) => new(name) { Description = description, AllowMultipleArgumentsPerToken = false, Arity = ArgumentArity.ZeroOrMore };

    /// <summary>Values of a repeatable option, each also split at commas (a column name with a comma cannot be given this way).</summary>
    internal static List<string> Split(string[]? values) => CommonOptions.SplitList(values);

    private static DateOnly ParseToday(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new UserError($"--today: '{text}' is not a date; use yyyy-MM-dd.");
    }
}
