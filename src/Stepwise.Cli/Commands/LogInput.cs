using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Stepwise.Cli.Infrastructure;
using Stepwise.Mining;
using Stepwise.Mining.Filtering;
using Stepwise.Mining.IO;
using Stepwise.Mining.Time;

namespace Stepwise.Cli.Commands;

/// <summary>
/// The log argument and the options every log verb shares: how to read the file (column mapping, timestamps,
/// encoding, bad rows), which cases to keep (filters, the boundaries of a review), and how to measure durations
/// (elapsed or working time). Add them to a command with <see cref="AddTo"/>, read them with <see cref="Load(ParseResult, CliContext, CancellationToken)"/>.
/// </summary>
public sealed class LogInput
{
    private readonly Argument<string> _log = new("LOG") { Description = "The event log: .csv, .tsv or .xes, optionally .gz or .zip." };
    private readonly Option<string?> _case = new("--case") { Description = "CSV column of the case id (detected when omitted)." };
    private readonly Option<string?> _activity = new("--activity") { Description = "CSV column of the activity or status." };
    private readonly Option<string?> _timestamp = new("--timestamp") { Description = "CSV column of the (completion) timestamp." };
    private readonly Option<string?> _start = new("--start-timestamp") { Description = "CSV column of the start timestamp." };
    private readonly Option<string?> _resource = new("--resource") { Description = "CSV column of the resource (agent, user)." };
    private readonly Option<string?> _lifecycle = new("--lifecycle") { Description = "CSV column of lifecycle transitions (start/complete)." };
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
    private readonly Option<string?> _scope = new("--filter-file") { Description = "A JSON file of case filters (as stored for a review's agreed scope)." };

    private readonly Option<string?> _hours = new("--working-hours") { Description = "Measure durations in working time: e.g. 'Mon-Fri 09:00-17:00; Sat 10:00-14:00'." };
    private readonly Option<string?> _calendarZone = new("--calendar-timezone") { Description = "Time zone of the working hours and holidays (IANA id; default UTC)." };
    private readonly Option<string[]> _holidays = new("--holidays") { Description = "Holiday dates (yyyy-MM-dd, comma-separated) or a file with one date per line.", AllowMultipleArgumentsPerToken = true };
    private readonly Option<string?> _calendar = new("--calendar") { Description = "A JSON calendar file: {\"hours\": \"Mon-Fri 09:00-17:00\", \"timeZone\": \"Europe/London\", \"holidays\": [\"2024-12-25\"]}." };

    /// <summary>Adds the argument and options to <paramref name="command"/>.</summary>
    public LogInput AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Arguments.Add(_log);
        foreach (var option in new Option[]
        {
            _case, _activity, _timestamp, _start, _resource, _lifecycle, _caseAttributes, _ignore, _timestampFormat, _timezone,
            _delimiter, _encoding, _missing, _entry, _classifier, _skipBad, _maxExpanded,
            _from, _to, _window, _where, _whereNot, _startsWith, _endsWith, _contains, _notContains, _topVariants, _minDuration, _maxDuration, _scope,
            _hours, _calendarZone, _holidays, _calendar,
        })
        {
            command.Options.Add(option);
        }

        return this;
    }

    /// <summary>The path given for the log.</summary>
    public string PathOf(ParseResult parse) => parse.GetRequiredValue(_log);

    /// <summary>Reads the log (with a progress display), reports skipped rows and warnings on standard error, and
    /// applies the filters and calendar.</summary>
    public LoadedLog Load(ParseResult parse, CliContext context, CancellationToken cancellation)
        => Load(parse, context, PathOf(parse), cancellation);

    /// <summary>Reads another log (such as the after period's export) with the same read options, filters and calendar.</summary>
    public LoadedLog Load(ParseResult parse, CliContext context, string path, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(path);
        var options = ReadOptions(parse);
        var import = ProgressDisplay.Run(context, "Reading " + Path.GetFileName(path), progress => EventLogFile.Read(path, options, progress, cancellation));
        var report = import.Report;
        if (report.SkippedRows > 0)
        {
            context.Warn($"{report.SkippedRows:N0} bad rows were skipped; the first: " + string.Join(" | ", report.Issues.Take(5)));
        }

        foreach (var warning in report.Warnings)
        {
            context.Warn(warning);
        }

        var measure = Measure(parse);
        var filter = Filter(parse);
        LogView view = import.Log;
        if (filter is not null)
        {
            view = filter.Apply(view, measure);
        }

        return new LoadedLog(import, view, measure, filter);
    }

    /// <summary>The read options the command line asks for.</summary>
    public EventLogReadOptions ReadOptions(ParseResult parse)
    {
        var zone = Zone(parse.GetValue(_timezone), "--timezone");
        var timestamps = parse.GetValue(_timestampFormat) is { } format ? TimestampFormat.Parse(format, zone) : TimestampFormat.Auto with { NaiveTimeZone = zone };
        var csv = new CsvLogOptions
        {
            CaseColumn = parse.GetValue(_case),
            ActivityColumn = parse.GetValue(_activity),
            TimestampColumn = parse.GetValue(_timestamp),
            StartTimestampColumn = parse.GetValue(_start),
            ResourceColumn = parse.GetValue(_resource),
            LifecycleColumn = parse.GetValue(_lifecycle),
            CaseAttributeColumns = SplitList(parse.GetValue(_caseAttributes)),
            IgnoredColumns = SplitList(parse.GetValue(_ignore)),
            Timestamps = timestamps,
            Delimiter = CommonOptions.ParseDelimiter(parse.GetValue(_delimiter)),
            Encoding = Encoding(parse.GetValue(_encoding)),
            ZipEntry = parse.GetValue(_entry),
        };
        var missing = SplitList(parse.GetValue(_missing));
        if (missing.Count > 0)
        {
            csv = csv with { MissingValues = missing };
        }

        return new EventLogReadOptions
        {
            BadRows = parse.GetValue(_skipBad) ? BadRowPolicy.Skip : BadRowPolicy.Reject,
            MaxExpandedBytes = (parse.GetValue(_maxExpanded) ?? 4096) * 1024 * 1024,
            Csv = csv,
            Xes = new XesLogOptions { Classifier = parse.GetValue(_classifier), NaiveTimeZone = zone, ZipEntry = parse.GetValue(_entry) },
        };
    }

    /// <summary>The combined case filter the command line asks for, or null.</summary>
    public CaseFilter? Filter(ParseResult parse)
    {
        var filters = new List<CaseFilter>();
        if (parse.GetValue(_scope) is { } file)
        {
            filters.Add(ReadFilterFile(file));
        }

        var from = parse.GetValue(_from);
        var to = parse.GetValue(_to);
        if (from is not null || to is not null)
        {
            var mode = (parse.GetValue(_window) ?? "intersecting").ToLowerInvariant() switch
            {
                "intersecting" => TimeWindowMode.Intersecting,
                "starting" => TimeWindowMode.Starting,
                "ending" => TimeWindowMode.Ending,
                "contained" => TimeWindowMode.Contained,
                var other => throw new UserError($"--window '{other}' must be intersecting, starting, ending or contained."),
            };
            filters.Add(new TimeWindowFilter(Instant(from, "--from"), Instant(to, "--to"), mode));
        }

        foreach (var clause in parse.GetValue(_where) ?? [])
        {
            filters.Add(Attribute(clause, "--where", exclude: false));
        }

        foreach (var clause in parse.GetValue(_whereNot) ?? [])
        {
            filters.Add(Attribute(clause, "--where-not", exclude: true));
        }

        if (SplitList(parse.GetValue(_startsWith)) is { Count: > 0 } starts)
        {
            filters.Add(new StartActivityFilter(starts));
        }

        if (SplitList(parse.GetValue(_endsWith)) is { Count: > 0 } ends)
        {
            filters.Add(new EndActivityFilter(ends));
        }

        foreach (var activity in parse.GetValue(_contains) ?? [])
        {
            filters.Add(new ActivityPresenceFilter(activity, true));
        }

        foreach (var activity in parse.GetValue(_notContains) ?? [])
        {
            filters.Add(new ActivityPresenceFilter(activity, false));
        }

        if (parse.GetValue(_topVariants) is { } top)
        {
            filters.Add(new VariantFilter(Top: top));
        }

        var min = parse.GetValue(_minDuration);
        var max = parse.GetValue(_maxDuration);
        if (min is not null || max is not null)
        {
            filters.Add(new ThroughputTimeFilter(min is null ? null : Duration(min, "--min-duration"), max is null ? null : Duration(max, "--max-duration")));
        }

        return filters.Count switch
        {
            0 => null,
            1 => filters[0],
            _ => new AllOfFilter(filters),
        };
    }

    /// <summary>The duration measure the command line asks for: working time under a calendar, or elapsed time.</summary>
    public DurationMeasure Measure(ParseResult parse)
    {
        if (parse.GetValue(_calendar) is { } file)
        {
            return ReadCalendar(file);
        }

        var hours = parse.GetValue(_hours);
        var holidays = parse.GetValue(_holidays);
        if (hours is null && (holidays is null || holidays.Length == 0))
        {
            return DurationMeasure.Elapsed;
        }

        WorkingHours parsed;
        try
        {
            parsed = hours is null ? WorkingHours.OfficeHours : WorkingHours.Parse(hours);
        }
        catch (FormatException ex)
        {
            throw new UserError("--working-hours: " + ex.Message);
        }

        return new WorkingCalendar(parsed, Zone(parse.GetValue(_calendarZone), "--calendar-timezone"), Holidays(holidays ?? []));
    }

    /// <summary>Reads a JSON calendar file.</summary>
    public static WorkingCalendar ReadCalendar(string file)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var root = doc.RootElement;
            string hours = root.TryGetProperty("hours", out var h) ? h.GetString() ?? string.Empty : "Mon-Fri 09:00-17:00";
            string? zone = root.TryGetProperty("timeZone", out var z) ? z.GetString() : null;
            var holidays = root.TryGetProperty("holidays", out var list) ? list.EnumerateArray().Select(x => x.GetString() ?? string.Empty).ToArray() : [];
            return new WorkingCalendar(WorkingHours.Parse(hours), Zone(zone, "timeZone"), Holidays(holidays));
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            throw new UserError($"{file}: not a calendar file ({ex.Message}). Expected JSON such as {{\"hours\": \"Mon-Fri 09:00-17:00\", \"timeZone\": \"Europe/London\", \"holidays\": [\"2024-12-25\"]}}.");
        }
    }

    /// <summary>Reads a JSON file of case filters.</summary>
    public static CaseFilter ReadFilterFile(string file)
    {
        try
        {
            string json = File.ReadAllText(file);
            var trimmed = json.TrimStart();
            if (trimmed.StartsWith('['))
            {
                var list = JsonSerializer.Deserialize<List<CaseFilter>>(json, FilterJson.Options) ?? [];
                return new AllOfFilter(list);
            }

            return JsonSerializer.Deserialize<CaseFilter>(json, FilterJson.Options) ?? new AllOfFilter([]);
        }
        catch (JsonException ex)
        {
            throw new UserError($"{file}: not a filter file: {ex.Message}");
        }
    }

    private static IReadOnlyList<DateOnly> Holidays(string[] values)
    {
        var result = new List<DateOnly>();
        foreach (var value in SplitList(values))
        {
            if (File.Exists(value))
            {
                foreach (var line in File.ReadAllLines(value))
                {
                    string text = line.Split('#')[0].Trim();
                    if (text.Length > 0)
                    {
                        result.Add(Date(text, value));
                    }
                }
            }
            else
            {
                result.Add(Date(value, "--holidays"));
            }
        }

        return result;
    }

    private static DateOnly Date(string text, string source)
        => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UserError($"{source}: '{text}' is not a date in the form yyyy-MM-dd.");

    private static TimeZoneInfo? Zone(string? id, string option)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            throw new UserError($"{option}: '{id}' is not a time zone this machine knows (use an IANA id such as Europe/London).");
        }
    }

    private static AttributeFilter Attribute(string clause, string option, bool exclude)
    {
        int eq = clause.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            throw new UserError($"{option} '{clause}' must be ATTRIBUTE=VALUE[,VALUE...].");
        }

        return new AttributeFilter(clause[..eq].Trim(), clause[(eq + 1)..].Split(',', StringSplitOptions.TrimEntries), exclude);
    }

    private static DateTimeOffset? Instant(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw new UserError($"{option}: '{text}' is not a date or date-time (use ISO-8601 such as 2016-03-01 or 2016-03-01T09:00Z).");
    }

    /// <summary>Parses durations such as 90s, 45m, 4h, 2d, 1.5d, 8w or a .NET TimeSpan (1.02:00:00).</summary>
    public static TimeSpan Duration(string text, string option)
        => DurationText.TryParse(text, out var span)
            ? span
            : throw new UserError($"{option}: '{text}' is not a duration (use e.g. 90s, 45m, 4h, 2d).");

    private static TextEncodingChoice Encoding(string? text) => text?.ToLowerInvariant() switch
    {
        null or "" or "auto" => TextEncodingChoice.Auto,
        "utf-8" or "utf8" => TextEncodingChoice.Utf8,
        "utf-16" or "utf16" or "unicode" => TextEncodingChoice.Utf16,
        "latin1" or "latin-1" or "iso-8859-1" => TextEncodingChoice.Latin1,
        var other => throw new UserError($"--encoding '{other}' must be auto, utf-8, utf-16 or latin1."),
    };

    internal static IReadOnlyList<string> SplitList(string[]? values) => CommonOptions.SplitList(values);
}

/// <summary>A log as a command loaded it: the import, the filtered view, the duration measure and the filter used.</summary>
public sealed record LoadedLog(EventLogImport Import, LogView View, DurationMeasure Measure, CaseFilter? Filter)
{
    /// <summary>The whole log.</summary>
    public EventLog Log => Import.Log;
}

/// <summary>JSON settings for filter files.</summary>
public static class FilterJson
{
    /// <summary>Camel-case properties, enums as strings, comments and trailing commas allowed.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
    };
}
