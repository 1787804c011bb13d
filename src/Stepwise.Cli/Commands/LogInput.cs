using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Workbench.Analyses;
using Stepwise.Workbench.Logs;
using Stepwise.Workbench.Hosting;

namespace Stepwise.Cli.Commands;

/// <summary>
/// The log argument and the options every log verb shares, parsed into the layer's requests: how to read the file
/// (<see cref="LogReadRequest"/>), which cases to keep (<see cref="LogFilterRequest"/>) and how to measure durations
/// (<see cref="CalendarRequest"/>). With <c>--review</c> the verb analyses the review's stored data inside its agreed
/// scope instead of a file (<c>--data</c> names the data source; LOG, if given, is matched by its SHA-256).
/// </summary>
internal sealed class LogInput(bool review = true, bool filters = true, bool byIsTaken = false)
{
    private readonly Argument<string?> _log = new("LOG") { Description = "The event log: .csv, .tsv or .xes, optionally .gz or .zip, or an .xlsx workbook (with --review: optional, matched to the review's data by its SHA-256).", Arity = review ? ArgumentArity.ZeroOrOne : ArgumentArity.ExactlyOne };
    private readonly Option<string?> _case = new("--case") { Description = "CSV column of the case id (detected when omitted)." };
    private readonly Option<string?> _activity = new("--activity") { Description = "CSV column of the activity or status." };
    private readonly Option<string?> _timestamp = new("--timestamp") { Description = "CSV column of the (completion) timestamp." };
    private readonly Option<string?> _start = new("--start-timestamp") { Description = "CSV column of the start timestamp." };
    private readonly Option<string?> _resource = new("--resource") { Description = "CSV column of the resource (agent, user)." };
    private readonly Option<string?> _lifecycle = new("--lifecycle") { Description = "CSV column of lifecycle transitions (start/complete)." };
    private readonly Option<string?> _lifecycleMode = new("--lifecycle-mode") { Description = "How lifecycle transitions become steps: pair (default: the XES standard lifecycle model joins schedule/start/suspend/resume/complete of one instance), events (every event its own step), or classifier (steps named activity+transition)." };
    private readonly Option<string?> _sheet = new("--sheet") { Description = "The sheet to read in an .xlsx workbook (default: the first)." };
    private readonly Option<string[]> _caseAttributes = new("--case-attributes") { Description = "CSV columns holding one value per case (comma-separated).", AllowMultipleArgumentsPerToken = true };
    private readonly Option<string[]> _ignore = new("--ignore-columns") { Description = "CSV columns not to import (comma-separated).", AllowMultipleArgumentsPerToken = true };
    private readonly Option<string?> _timestampFormat = new("--timestamp-format") { Description = "auto, iso, dmy, mdy, epoch-s, epoch-ms, or a pattern such as 'dd/MM/yyyy HH:mm'." };
    private readonly Option<string?> _timezone = new("--timezone") { Description = "Time zone of timestamps written without an offset (IANA id, e.g. Europe/London); UTC by default." };
    private readonly Option<string?> _delimiter = new("--delimiter") { Description = "CSV delimiter: ',', ';', 'tab' or '|' (detected when omitted)." };
    private readonly Option<string?> _encoding = new("--encoding") { Description = "auto, utf-8, utf-16 or latin1." };
    private readonly Option<string[]> _missing = new("--missing") { Description = "Values meaning missing (comma-separated; default: empty, ?, NULL, NA, N/A).", AllowMultipleArgumentsPerToken = true };
    private readonly Option<string?> _entry = new("--zip-entry") { Description = "The file to read inside a .zip archive." };
    private readonly Option<string?> _classifier = new("--classifier") { Description = "XES: a classifier the log declares, or attribute keys (e.g. 'concept:name lifecycle:transition')." };
    private readonly Option<bool> _skipBad = new("--skip-bad-rows") { Description = "Import the rows that can be read and report the others (default: reject the file)." };
    private readonly Option<long?> _maxExpanded = new("--max-expanded-mb") { Description = "The most a compressed file may expand to, in MB (default 4096)." };
    private readonly Option<long?> _maxRows = new("--max-rows") { Description = "The most rows (XES: events) the file may hold; a larger file is refused (default: no limit)." };

    private readonly Option<string?> _from = new("--from") { Description = "Keep cases in a time window from this date/time (ISO-8601)." };
    private readonly Option<string?> _to = new("--to") { Description = "... up to this date/time (exclusive)." };
    private readonly Option<string?> _window = new("--window") { Description = "How cases relate to --from/--to: intersecting (default), starting, ending or contained." };
    private readonly Option<string[]> _where = new("--where") { Description = "Keep cases where ATTRIBUTE has one of the values: 'channel=phone,email' (repeatable)." };
    private readonly Option<string[]> _whereNot = new("--where-not") { Description = "Drop cases where ATTRIBUTE has one of the values (repeatable)." };
    private readonly Option<string[]> _startsWith = new("--starts-with") { Description = "Keep cases whose first activity is one of these (comma-separated).", AllowMultipleArgumentsPerToken = true };
    private readonly Option<string[]> _endsWith = new("--ends-with") { Description = "Keep cases whose last activity is one of these (comma-separated).", AllowMultipleArgumentsPerToken = true };
    private readonly Option<string[]> _contains = new("--contains") { Description = "Keep cases containing this activity (repeatable)." };
    private readonly Option<string[]> _notContains = new("--not-contains") { Description = "Keep cases not containing this activity (repeatable)." };
    private readonly Option<int?> _topVariants = new("--top-variants") { Description = "Keep cases of the N most frequent variants." };
    private readonly Option<string?> _minDuration = new("--min-duration") { Description = "Keep cases taking at least this long (e.g. 90m, 4h, 2d)." };
    private readonly Option<string?> _maxDuration = new("--max-duration") { Description = "Keep cases taking at most this long." };
    private readonly Option<string?> _filterFile = new("--filter-file") { Description = "A JSON file of case filters (as stored for a review's agreed scope)." };

    private readonly Option<string?> _hours = new("--working-hours") { Description = "Measure durations in working time: e.g. 'Mon-Fri 09:00-17:00; Sat 10:00-14:00'." };
    private readonly Option<string?> _calendarZone = new("--calendar-timezone") { Description = "Time zone of the working hours and holidays (IANA id; default UTC)." };
    private readonly Option<string[]> _holidays = new("--holidays") { Description = "Holiday dates (yyyy-MM-dd, comma-separated) or a file with one date per line.", AllowMultipleArgumentsPerToken = true };
    private readonly Option<string?> _calendar = new("--calendar") { Description = "A JSON calendar file: {\"hours\": \"Mon-Fri 09:00-17:00\", \"timeZone\": \"Europe/London\", \"holidays\": [\"2024-12-25\"]}." };

    private readonly Option<string?> _review = new("--review") { Description = "Analyse a review's stored data inside its agreed scope (id, unique prefix or title) instead of a file." };
    private readonly Option<string?> _data = new("--data") { Description = "With --review: the data source (id, prefix or file name; default: the latest event log, or the one LOG's SHA-256 matches)." };
    private readonly Option<string> _workspace = new("--workspace", "-w") { Description = "With --review: the workspace (a SQLite file or PostgreSQL connection string; default STEPWISE_WORKSPACE, else stepwise.db).", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("STEPWISE_WORKSPACE") is { Length: > 0 } env ? env : WorkspaceLocation.DefaultFile };
    private readonly Option<string> _by = new(byIsTaken ? "--as" : "--by", byIsTaken ? Array.Empty<string>() : new[] { "--as" }) { Description = "With --review: the account you act as (default: STEPWISE_USER, else the login name)" + (byIsTaken ? "." : "; also --as."), DefaultValueFactory = _ => Environment.GetEnvironmentVariable("STEPWISE_USER") is { Length: > 0 } env ? env : Environment.UserName };

    /// <summary>Adds the argument and options to <paramref name="command"/>.</summary>
    public LogInput AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Arguments.Add(_log);
        foreach (var option in new Option[] { _case, _activity, _timestamp, _start, _resource, _lifecycle, _lifecycleMode, _caseAttributes, _ignore, _timestampFormat, _timezone, _delimiter, _encoding, _missing, _entry, _sheet, _classifier, _skipBad, _maxExpanded, _maxRows })
        {
            command.Options.Add(option);
        }

        if (filters)
        {
            foreach (var option in new Option[] { _from, _to, _window, _where, _whereNot, _startsWith, _endsWith, _contains, _notContains, _topVariants, _minDuration, _maxDuration, _filterFile, _hours, _calendarZone, _holidays, _calendar })
            {
                command.Options.Add(option);
            }
        }

        if (review)
        {
            command.Options.Add(_review);
            command.Options.Add(_data);
            command.Options.Add(_workspace);
            command.Options.Add(_by);
        }

        return this;
    }

    /// <summary>The path given for the log, or null.</summary>
    public string? PathOf(ParseResult parse) => parse.GetValue(_log);

    /// <summary>Makes the log argument optional (a verb that can work without a log, such as a simulation of a saved
    /// model); read it with <see cref="PathOf"/>.</summary>
    public LogInput Optional()
    {
        _log.Arity = ArgumentArity.ZeroOrOne;
        return this;
    }

    /// <summary>The log options the user typed (as typed, e.g. <c>--case</c>), other than <paramref name="except"/>,
    /// so that a verb can refuse the ones it would otherwise ignore.</summary>
    public IReadOnlyList<string> Given(ParseResult parse, params string[] except)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var given = new List<string>();
        foreach (var option in new Option[]
        {
            _case, _activity, _timestamp, _start, _resource, _lifecycle, _lifecycleMode, _caseAttributes, _ignore, _timestampFormat, _timezone,
            _delimiter, _encoding, _missing, _entry, _sheet, _classifier, _skipBad, _maxExpanded, _maxRows,
            _from, _to, _window, _where, _whereNot, _startsWith, _endsWith, _contains, _notContains, _topVariants, _minDuration, _maxDuration, _filterFile,
            _hours, _calendarZone, _holidays, _calendar,
        })
        {
            if (parse.GetResult(option) is { Implicit: false } && !except.Contains(option.Name, StringComparer.Ordinal))
            {
                given.Add(option.Name);
            }
        }

        return given;
    }

    /// <summary>The <c>--from</c> and <c>--to</c> instants, when given.</summary>
    public (DateTimeOffset? From, DateTimeOffset? To) Window(ParseResult parse)
        => (Instant(parse.GetValue(_from), "--from"), Instant(parse.GetValue(_to), "--to"));

    /// <summary>Parses durations such as 90s, 45m, 4h, 2d, 1.5d, 8w or a .NET TimeSpan (1.02:00:00).</summary>
    public static TimeSpan Duration(string text, string option)
        => Stepwise.Mining.Time.DurationText.TryParse(text, out var span)
            ? span
            : throw new UserError($"{option}: '{text}' is not a duration (use e.g. 90s, 45m, 4h, 2d).");

    private static DateTimeOffset? Instant(string? text, string option)
        => text is null ? null
            : DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var value)
                ? value
                : throw new UserError($"{option}: '{text}' is not a date or date-time (use ISO-8601 such as 2016-03-01 or 2016-03-01T09:00Z).");

    /// <summary>The path given for the log.</summary>
    /// <exception cref="UserError">None is given.</exception>
    public string RequiredPath(ParseResult parse) => PathOf(parse) ?? throw new UserError(review ? "Give the event log file (LOG), or --review to analyse a review's stored data." : "Give the event log file (LOG).");

    /// <summary>The review named with <c>--review</c>, or null.</summary>
    public string? ReviewOf(ParseResult parse) => review ? parse.GetValue(_review) : null;

    /// <summary>How to read the file.</summary>
    public LogReadRequest ReadRequest(ParseResult parse) => new()
    {
        Case = parse.GetValue(_case),
        Activity = parse.GetValue(_activity),
        Timestamp = parse.GetValue(_timestamp),
        StartTimestamp = parse.GetValue(_start),
        Resource = parse.GetValue(_resource),
        Lifecycle = parse.GetValue(_lifecycle),
        LifecycleMode = parse.GetValue(_lifecycleMode),
        Sheet = parse.GetValue(_sheet),
        CaseAttributes = CommonOptions.SplitList(parse.GetValue(_caseAttributes)),
        IgnoreColumns = CommonOptions.SplitList(parse.GetValue(_ignore)),
        TimestampFormat = parse.GetValue(_timestampFormat),
        Timezone = parse.GetValue(_timezone),
        Delimiter = parse.GetValue(_delimiter),
        Encoding = parse.GetValue(_encoding),
        Missing = CommonOptions.SplitList(parse.GetValue(_missing)),
        ZipEntry = parse.GetValue(_entry),
        Classifier = parse.GetValue(_classifier),
        SkipBadRows = parse.GetValue(_skipBad),
        MaxExpandedMb = parse.GetValue(_maxExpanded),
        MaxRows = parse.GetValue(_maxRows),
    };

    /// <summary>Which cases to keep.</summary>
    public LogFilterRequest FilterRequest(ParseResult parse) => new()
    {
        From = parse.GetValue(_from),
        To = parse.GetValue(_to),
        Window = parse.GetValue(_window),
        Where = parse.GetValue(_where) ?? [],
        WhereNot = parse.GetValue(_whereNot) ?? [],
        StartsWith = CommonOptions.SplitList(parse.GetValue(_startsWith)),
        EndsWith = CommonOptions.SplitList(parse.GetValue(_endsWith)),
        Contains = parse.GetValue(_contains) ?? [],
        NotContains = parse.GetValue(_notContains) ?? [],
        TopVariants = parse.GetValue(_topVariants),
        MinDuration = parse.GetValue(_minDuration),
        MaxDuration = parse.GetValue(_maxDuration),
        FilterFile = parse.GetValue(_filterFile),
    };

    /// <summary>How to measure durations.</summary>
    public CalendarRequest CalendarRequest(ParseResult parse) => new()
    {
        WorkingHours = parse.GetValue(_hours),
        CalendarTimezone = parse.GetValue(_calendarZone),
        Holidays = parse.GetValue(_holidays) ?? [],
        Calendar = parse.GetValue(_calendar),
    };

    /// <summary>Opens the workspace named with <c>--workspace</c>, acting as <c>--by</c>.</summary>
    public ReviewSession OpenSession(ParseResult parse) => ReviewSession.Open(parse, new ReviewOptions(_workspace, _by, CommonOptions.Format()));

    /// <summary>The analysis request for the review's data: <c>--data</c>, else the data source LOG's SHA-256 matches, else the latest.</summary>
    public AnalysisRequest AnalysisRequest(ParseResult parse, ReviewSession session, Guid reviewId, bool withFilters = true)
    {
        string? data = parse.GetValue(_data);
        if (data is null && PathOf(parse) is { } path)
        {
            data = session.Bench.Data.FindByFile(session.Actor, reviewId, path).Id.ToString("D");
        }

        return new AnalysisRequest { DataSource = data, Filters = withFilters ? FilterRequest(parse) : LogFilterRequest.None, Calendar = CalendarRequest(parse) };
    }

    /// <summary>
    /// Reads the log (with a progress display) or opens the review's stored data, reports skipped rows and warnings on
    /// standard error, and applies the filters and calendar.
    /// </summary>
    public LoadedLog Load(ParseResult parse, CliContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(context);
        if (ReviewOf(parse) is { } reviewText)
        {
            using var session = OpenSession(parse);
            Guid reviewId = session.ResolveReview(reviewText);
            var request = AnalysisRequest(parse, session, reviewId);
            var opened = ProgressDisplay.Run(context, "Loading the review's data", _ => session.Bench.Analyses.Open(session.Actor, reviewId, request, cancellation));
            context.MeasuredIn(opened.Selection.Measure);
            return new LoadedLog(opened.Selection, opened.Basis);
        }

        return Load(parse, context, RequiredPath(parse), cancellation);
    }

    /// <summary>Reads a log file (LOG, or another such as the after period's export) with the same read options, filters and calendar.</summary>
    public LoadedLog Load(ParseResult parse, CliContext context, string path, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(path);
        var read = ProgressDisplay.Run(context, "Reading " + Path.GetFileName(path), progress => LogFiles.Read(path, ReadRequest(parse), progress, cancellation));
        var report = read.Import.Report;
        if (report.SkippedRows > 0)
        {
            context.Warn((report.SkippedRows == 1 ? "1 bad row was skipped: " : $"{report.SkippedRows:N0} bad rows were skipped; the first: ") + string.Join(" | ", report.Issues.Take(5)));
        }

        foreach (var warning in report.Warnings)
        {
            context.Warn(warning);
        }

        var selection = LogSelection.Of(read.Import.Log.All, read.Origin, FilterRequest(parse), CalendarRequest(parse));
        context.MeasuredIn(selection.Measure);
        return new LoadedLog(selection, null);
    }
}

/// <summary>A log as a command loaded it: the selection (view, measure, filter, origin) and, for a review's data, what it was computed on.</summary>
internal sealed record LoadedLog(LogSelection Selection, AnalysisBasis? Basis)
{
    public Mining.LogView View => Selection.View;

    public Mining.Time.DurationMeasure Measure => Selection.Measure;

    public Mining.Filtering.CaseFilter? Filter => Selection.Filter;

    public Mining.EventLog Log => Selection.Log;

    public LogOrigin Origin => Selection.Origin;
}
