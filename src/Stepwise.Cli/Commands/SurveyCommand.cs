using System.CommandLine;
using System.Globalization;
using System.Text;
using Stepwise.Cli.Infrastructure;
using Stepwise.Statistics.Control;
using Stepwise.Statistics.Drivers;
using Stepwise.Statistics.Feedback;
using Stepwise.Statistics.Findings;
using Stepwise.Statistics.Plans;
using Stepwise.Statistics.Tabular;
using Stepwise.Statistics.Targets;
using Stepwise.Text.Privacy;
using Stepwise.Text.Themes;

namespace Stepwise.Cli.Commands;

/// <summary>
/// <c>stepwise survey FILE</c>: imports survey, QA-scorecard or review data and reports the summary, key drivers,
/// comment themes and targets (and, on request, segments, trend and recommended actions).
/// </summary>
public static class SurveyCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV or TSV file of responses, one row per response (also inside .gz or .zip)." };
        var show = new Option<string>("--show") { Description = "Sections: summary, drivers, themes, targets, segments, trend, actions, responses (each comment with its sentiment and theme), or all (comma-separated).", DefaultValueFactory = _ => "summary,drivers,themes,targets" };
        var id = Text("--id", "Response (respondent, review) id column.");
        var caseId = Text("--case-id", "Case (ticket) id column.");
        var customerId = Text("--customer-id", "Customer id column.");
        var date = Text("--date", "Response date column.");
        var dateFormat = Many("--date-format", "Date format (.NET custom format, e.g. dd/MM/yyyy); repeatable.");
        var overall = Text("--overall", "Overall score column.");
        var overallScale = Text("--overall-scale", "Scale of the overall score, e.g. 1-10 (detected when omitted).");
        var items = Many("--item", "Item score column; repeatable or comma-separated (detected when omitted).");
        var itemScale = Text("--item-scale", "Scale of every item, e.g. 1-5 (detected per item when omitted).");
        var notApplicable = Many("--not-applicable", "Item value meaning 'not applicable', read as missing (e.g. 0).");
        var comments = Many("--comment", "Comment column; repeatable, joined in order.");
        var nameColumn = Text("--name-column", "Respondent name column (used only to redact names from comments).");
        var segments = Many("--segment", "Segment column; repeatable or comma-separated (detected when omitted).");
        var measures = Many("--measure", "Numeric column that is not a rating (e.g. a delay in minutes).");
        var outcome = Text("--outcome", "Yes/no outcome column (recommended, satisfied, resolved).");
        var outcomeYes = Many("--outcome-yes", "Outcome value meaning yes; repeatable. With --outcome-yes alone every other value is no.");
        var outcomeNo = Many("--outcome-no", "Outcome value meaning no; repeatable. With --outcome-no alone every other value is yes; with both, other values are no answer.");
        var performanceTarget = Text("--performance-target", "Where the driver grid splits performance: a score on the items' scale (e.g. 4) or a share of the scale (e.g. 75%); the scale midpoint when omitted.");
        var seed = NumberOption.Long("--seed", "Seed of the grouping of comments into discovered themes.", 1);
        var zipEntry = Text("--zip-entry", "The file to read inside a .zip that holds several.");
        var ignore = Many("--ignore", "Column never to use; repeatable.");
        var missing = Many("--missing", "Extra value meaning 'no answer'; repeatable.");
        var delimiter = Text("--delimiter", "Field delimiter: , ; tab or | (detected when omitted).");
        var encoding = Text("--encoding", "utf-8, utf-16, latin-1 or windows-1252 (by byte-order mark, else UTF-8, when omitted; a file that is not valid UTF-8 is refused, never guessed).");
        var skipBad = new Option<bool>("--skip-bad-rows") { Description = "Skip rows with bad values and list them, instead of rejecting the file." };
        var noDetect = new Option<bool>("--no-detect") { Description = "Use only the columns named in options; detect nothing." };
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

        var command = new Command("survey", "Analyse survey, QA-scorecard or review data: summary, key drivers, comment themes, targets.");
        command.Arguments.Add(file);
        foreach (var option in new Option[] { show, id, caseId, customerId, date, dateFormat, overall, overallScale, items, itemScale, notApplicable, comments, nameColumn, segments, measures, outcome, outcomeYes, outcomeNo, ignore, missing, delimiter, encoding, zipEntry, skipBad, noDetect, targets, plan, by, period, themes, discover, exclude, seed, performanceTarget, confidence, key, owner, today, format })
        {
            command.Options.Add(option);
        }

        command.SetRun((parse, context, cancellation) =>
        {
            var sections = CommonOptions.ParseSections(parse.GetValue(show)!, SurveySection.Summary, "section");
            var defaults = new FeedbackImportOptions();
            var options = new FeedbackImportOptions
            {
                Text = new DelimitedTextOptions { Delimiter = CommonOptions.ParseDelimiter(parse.GetValue(delimiter)), Encoding = ParseEncoding(parse.GetValue(encoding)), ZipEntry = parse.GetValue(zipEntry) },
                AutoDetect = !parse.GetValue(noDetect),
                SkipBadRows = parse.GetValue(skipBad),
                OverallScale = ParseScale(parse.GetValue(overallScale), "--overall-scale"),
                ItemScale = ParseScale(parse.GetValue(itemScale), "--item-scale"),
                NotApplicableValues = Split(parse.GetValue(notApplicable)),
                MissingMarkers = [.. defaults.MissingMarkers, .. Split(parse.GetValue(missing))],
                OutcomePositiveValues = Split(parse.GetValue(outcomeYes)) is { Count: > 0 } yes ? yes : defaults.OutcomePositiveValues,
                OutcomeNegativeValues = Split(parse.GetValue(outcomeNo)) is { Count: > 0 } no ? no : defaults.OutcomeNegativeValues,
                UnlistedOutcome = (Split(parse.GetValue(outcomeYes)).Count > 0, Split(parse.GetValue(outcomeNo)).Count > 0) switch
                {
                    (true, true) => UnlistedOutcome.Missing,
                    (true, false) => UnlistedOutcome.No,
                    (false, true) => UnlistedOutcome.Yes,
                    _ => UnlistedOutcome.Reject,
                },
                DateFormats = Split(parse.GetValue(dateFormat)),
                Mapping = new FeedbackColumnMapping
                {
                    ResponseId = parse.GetValue(id),
                    CaseId = parse.GetValue(caseId),
                    CustomerId = parse.GetValue(customerId),
                    Date = parse.GetValue(date),
                    Overall = parse.GetValue(overall),
                    Items = Split(parse.GetValue(items)),
                    Comments = Split(parse.GetValue(comments)),
                    RespondentName = parse.GetValue(nameColumn),
                    Segments = Split(parse.GetValue(segments)),
                    Measures = Split(parse.GetValue(measures)),
                    Outcome = parse.GetValue(outcome),
                    Ignore = Split(parse.GetValue(ignore)),
                },
            };
            string path = parse.GetValue(file)!.FullName;
            string? keyText = parse.GetValue(key) ?? Environment.GetEnvironmentVariable("STEPWISE_PSEUDONYM_KEY");
            var request = new SurveyRequest
            {
                Sections = sections,
                Confidence = parse.GetValue(confidence) is double c and > 0 and < 1 ? c : throw new UserError($"--confidence: {parse.GetValue(confidence).ToString(CultureInfo.InvariantCulture)} is not a confidence level; use a share between 0 and 1, e.g. 0.95."),
                Targets = [.. Split(parse.GetValue(targets)).Select(ParseTarget)],
                Plan = parse.GetValue(plan) is FileInfo planFile ? MeasurementPlan.Read(planFile.FullName) : null,
                Themes = parse.GetValue(themes) is FileInfo themeFile ? ThemeDictionary.Read(themeFile.FullName) : null,
                DiscoverThemes = parse.GetValue(discover) is int k and >= 0 and <= 200 ? k : throw new UserError($"--discover: {parse.GetValue(discover)} is not a number of themes from 0 to 200."),
                Seed = parse.GetValue(seed),
                PerformanceTarget = parse.GetValue(performanceTarget),
                ExcludeWords = [.. Split(parse.GetValue(exclude)).Select(w => w.ToLowerInvariant())],
                Segments = Split(parse.GetValue(by)),
                Period = ParsePeriod(parse.GetValue(period)),
                Pseudonymiser = string.IsNullOrEmpty(keyText) ? null : Encoding.UTF8.GetByteCount(keyText) >= 16 ? new Pseudonymiser(Encoding.UTF8.GetBytes(keyText))
                    : throw new UserError("--pseudonymise-key: the key needs at least 16 bytes (e.g. 32 random characters)."),
                Policy = new ActionPolicy(parse.GetValue(owner) ?? "Quality lead"),
                Today = ParseToday(parse.GetValue(today)),
            };
            var result = ProgressDisplay.Run(context, "Analysing " + Path.GetFileName(path), progress =>
            {
                FeedbackImport import;
                try
                {
                    import = FeedbackReader.Read(path, options);
                }
                catch (TextEncodingException ex)
                {
                    // The same bad-file error, naming the option that reads the file in another encoding.
                    throw new TextEncodingException(ex.FileName, ex.Line, ex.Problem + " (e.g. --encoding latin-1)", ex.Value, ex.ByteOffset);
                }

                progress.Report(0.2);
                if (request.PerformanceTarget is not null && import.Table.Items.Count > 0)
                {
                    try
                    {
                        KeyDrivers.PerformanceSplitOf(request.PerformanceTarget, import.Table.Items);
                    }
                    catch (FormatException ex)
                    {
                        throw new UserError("--performance-target: " + ex.Message);
                    }
                }

                return SurveyAnalysis.Run(import, request);
            });
            foreach (var bad in result.Import.BadRows.Take(20))
            {
                context.Warn($"{Path.GetFileName(path)}, skipped {bad}");
            }

            if (result.Import.BadRows.Count > 20)
            {
                context.Warn($"{result.Import.BadRows.Count - 20} more problems in skipped rows (see the bad_rows table).");
            }

            if (result.Import.Shortfall() is { } shortfall)
            {
                context.Warn($"{Path.GetFileName(path)}: {shortfall}");
            }

            return CommonOptions.Print(context, SurveyReport.Build(result, sections), parse.GetValue(format));
        });
        return command;
    }

    internal static Option<string?> Text(string name, string description) => new(name) { Description = description };

    internal static Option<string[]> Many(string name, string description) => new(name) { Description = description, AllowMultipleArgumentsPerToken = false, Arity = ArgumentArity.ZeroOrMore };

    /// <summary>Values of a repeatable option, each also split at commas (a column name with a comma cannot be given this way).</summary>
    internal static List<string> Split(string[]? values) => CommonOptions.SplitList(values);

    internal static Encoding? ParseEncoding(string? text) => text?.ToLowerInvariant() switch
    {
        null or "" or "auto" => null,
        "utf-8" or "utf8" => new UTF8Encoding(false),
        "utf-16" or "utf16" => Encoding.Unicode,
        "latin-1" or "latin1" or "iso-8859-1" => Encoding.Latin1,
        "windows-1252" or "cp1252" or "1252" => CodePagesEncodingProvider.Instance.GetEncoding(1252),
        _ => throw new UserError($"--encoding: '{text}' is not supported; use utf-8, utf-16, latin-1 or windows-1252."),
    };

    private static ScoreScale? ParseScale(string? text, string option)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            return ScoreScale.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new UserError($"{option}: {ex.Message}");
        }
    }

    private static Target ParseTarget(string text)
    {
        try
        {
            return TargetSpec.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new UserError("--target: " + ex.Message);
        }
    }

    private static Period? ParsePeriod(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return Enum.TryParse<Period>(text, ignoreCase: true, out var p) && !int.TryParse(text, out _)
            ? p
            : throw new UserError($"--period: '{text}' is not a period; use week, month, quarter or year.");
    }

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
