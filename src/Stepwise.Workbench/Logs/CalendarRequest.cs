using System.Globalization;
using Stepwise.Mining.Time;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Logs;

/// <summary>
/// How durations are measured: elapsed time (nothing set), or working time under weekly hours, a time zone and
/// holidays, given in fields or as a calendar file. Field names match the command line's options
/// (<c>working_hours</c> is <c>--working-hours</c>).
/// </summary>
public sealed record CalendarRequest
{
    /// <summary>Elapsed time.</summary>
    public static CalendarRequest Elapsed { get; } = new();

    /// <summary>Weekly working hours, e.g. <c>Mon-Fri 09:00-17:00; Sat 10:00-14:00</c> (office hours when only holidays are given).</summary>
    public string? WorkingHours { get; init; }

    /// <summary>The time zone of the working hours and holidays (IANA id); UTC when empty.</summary>
    public string? CalendarTimezone { get; init; }

    /// <summary>Holiday dates (yyyy-MM-dd), or files with one date per line (<c>#</c> starts a comment).</summary>
    public IReadOnlyList<string> Holidays { get; init; } = [];

    /// <summary>A JSON calendar file: <c>{"hours": "Mon-Fri 09:00-17:00", "timeZone": "Europe/London", "holidays": ["2024-12-25"]}</c>.</summary>
    public string? Calendar { get; init; }

    /// <summary>Whether durations are elapsed time.</summary>
    public bool IsElapsed => string.IsNullOrWhiteSpace(WorkingHours) && Holidays.Count == 0 && string.IsNullOrWhiteSpace(Calendar);

    /// <summary>Checks every field (calendar and holiday files are read when the measure is built).</summary>
    public Validation Validate()
    {
        var v = new Validation();
        if (!string.IsNullOrWhiteSpace(Calendar) && (!string.IsNullOrWhiteSpace(WorkingHours) || Holidays.Count > 0 || !string.IsNullOrWhiteSpace(CalendarTimezone)))
        {
            v.Add("calendar", "holds the hours, time zone and holidays itself; leave out --working-hours, --calendar-timezone and --holidays.");
        }

        Hours(v, WorkingHours);
        v.TimeZone("calendar_timezone", CalendarTimezone);
        foreach (var item in Holidays.SelectMany(Split))
        {
            if (!File.Exists(item))
            {
                v.Date("holidays", item);
            }
        }

        return v;
    }

    /// <summary>The duration measure: elapsed, or a working calendar.</summary>
    /// <exception cref="StepwiseException">A field is not valid, or a calendar or holiday file cannot be read.</exception>
    public DurationMeasure ToMeasure()
    {
        Validate().ThrowIfAny();
        if (!string.IsNullOrWhiteSpace(Calendar))
        {
            return CalendarFile.Read(Calendar);
        }

        if (IsElapsed)
        {
            return DurationMeasure.Elapsed;
        }

        var v = new Validation();
        var hours = Hours(v, WorkingHours) ?? Mining.Time.WorkingHours.OfficeHours;
        var zone = v.TimeZone("calendar_timezone", CalendarTimezone);
        var holidays = ReadHolidays(v, "holidays", Holidays);
        v.ThrowIfAny();
        return new WorkingCalendar(hours, zone, holidays);
    }

    internal static IReadOnlyList<DateOnly> ReadHolidays(Validation v, string field, IEnumerable<string> values)
    {
        var result = new List<DateOnly>();
        foreach (var value in values.SelectMany(Split))
        {
            if (!File.Exists(value))
            {
                if (v.Date(field, value) is { } date)
                {
                    result.Add(date);
                }

                continue;
            }

            int line = 0;
            foreach (var text in BoundedText.Read(value, 1L << 20, "holiday file").Split('\n'))
            {
                line++;
                string date = text.Split('#')[0].Trim();
                if (date.Length == 0)
                {
                    continue;
                }

                if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    result.Add(day);
                }
                else
                {
                    throw new StepwiseException(ProblemKind.BadFile, $"{Path.GetFileName(value)}, line {line.ToString(CultureInfo.InvariantCulture)}: '{date}' is not a date in the form yyyy-MM-dd.")
                    {
                        Location = new FileLocation(Path.GetFileName(value), line),
                    };
                }
            }
        }

        return result;
    }

    private static Mining.Time.WorkingHours? Hours(Validation v, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return Mining.Time.WorkingHours.Parse(text);
        }
        catch (FormatException ex)
        {
            v.Add("working_hours", ex.Message);
            return null;
        }
    }

    private static IEnumerable<string> Split(string value) => value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
