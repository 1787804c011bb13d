using System.Globalization;
using Stepwise.Steps.Compliance;
using Stepwise.Workbench.Analyses;
using Stepwise.Workbench.Logs;
using Stepwise.Workbench.Problems;
using Stepwise.Workbench.Steps;

namespace Stepwise.Web.Api.Query;

/// <summary>
/// The command line may name files on the machine it runs on (a filter file, a calendar, holiday lists, rates, rules,
/// feedback); over the API those names would be files on the server, which a caller must never reach. Such fields are
/// refused with what to send instead: filters and calendars as fields, rule packs by name, data that was imported
/// into the review.
/// </summary>
internal static class ServerFiles
{
    private const string Why = "would name a file on the server, which the API does not read";

    /// <summary>Checks the filters and calendar of an analysis.</summary>
    public static void Check(Validation v, AnalysisRequest request)
    {
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(request);
        Check(v, request.Filters);
        Check(v, request.Calendar);
    }

    /// <summary>Checks filters: no filter file.</summary>
    public static void Check(Validation v, LogFilterRequest? filters)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (filters?.FilterFile is { Length: > 0 })
        {
            v.Add("filter_file", $"{Why}; give the filters as fields (from, to, where, starts_with, ...).");
        }
    }

    /// <summary>Checks a calendar: hours, zone and dates as fields only.</summary>
    public static void Check(Validation v, CalendarRequest? calendar)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (calendar is null)
        {
            return;
        }

        if (calendar.Calendar is { Length: > 0 })
        {
            v.Add("calendar", $"{Why}; give working_hours, calendar_timezone and holidays as fields.");
        }

        foreach (string day in calendar.Holidays.SelectMany(h => h.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                v.Add("holidays", $"'{day}' is not a date yyyy-MM-dd (holiday files {Why}).");
            }
        }
    }

    /// <summary>Checks the step assessment's inputs: rule packs by name; no rate, settings, answers or feedback files.</summary>
    public static void Check(Validation v, StepReviewRequest request)
    {
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Rules is { Length: > 0 } rules && !RulePacks.Exists(rules.Trim()))
        {
            v.Add("rules", $"'{rules}' is not a rule pack; the packs are {string.Join(", ", RulePacks.Names)} (rule files {Why}).");
        }

        foreach (var (field, value) in new[] { ("rates", request.Rates), ("settings", request.Settings), ("answers", request.Answers), ("feedback", request.Feedback) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                v.Add(field, $"{Why}; leave it out (the assessment uses the log's evidence; answers are the review's own).");
            }
        }
    }
}
