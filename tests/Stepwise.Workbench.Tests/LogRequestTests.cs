using Stepwise.Mining.Filtering;
using Stepwise.Mining.Time;
using Stepwise.Workbench.Logs;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Tests;

/// <summary>The log requests own their validation: every bad field at once, named as the command line's option.</summary>
public sealed class LogRequestTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stepwise-requests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ReadRequest_SeveralBadFields_EveryOneNamedAtOnce()
    {
        var request = new LogReadRequest { Timezone = "Mars/Olympus", Delimiter = "two", Encoding = "ebcdic", MaxExpandedMb = 0 };
        var errors = request.Validate().Errors;
        Assert.Equal(["timezone", "delimiter", "encoding", "max_expanded_mb"], errors.Select(e => e.Field));
        Assert.Equal("--max-expanded-mb", errors[3].OptionName);
        var ex = Assert.Throws<StepwiseException>(() => request.ToReadOptions());
        Assert.Equal(ProblemKind.InvalidValue, ex.Kind);
        Assert.Equal(4, ex.Errors.Count);
    }

    [Fact]
    public void ReadRequest_Given_MapsOntoTheReadersOptions()
    {
        var options = new LogReadRequest { Case = "number", Delimiter = "tab", Encoding = "latin1", TimestampFormat = "dmy", Timezone = "Europe/London", SkipBadRows = true, Missing = ["-"] }.ToReadOptions();
        Assert.Equal("number", options.Csv.CaseColumn);
        Assert.Equal('\t', options.Csv.Delimiter);
        Assert.Equal(Mining.IO.TextEncodingChoice.Latin1, options.Csv.Encoding);
        Assert.Equal(TimestampLayout.DayFirst, options.Csv.Timestamps.Layout);
        Assert.Equal("Europe/London", options.Csv.Timestamps.NaiveTimeZone!.Id);
        Assert.Equal(Mining.IO.BadRowPolicy.Skip, options.BadRows);
        Assert.Equal(["-"], options.Csv.MissingValues);
    }

    [Fact]
    public void FilterRequest_BadClausesAndRanges_NamedByOption()
    {
        var request = new LogFilterRequest { From = "2016-13-45", Window = "sideways", Where = ["channel"], MinDuration = "2d", MaxDuration = "1d", TopVariants = 0 };
        var fields = request.Validate().Errors.Select(e => e.Field).ToList();
        Assert.Equal(["from", "window", "where", "top_variants", "max_duration"], fields);
    }

    [Fact]
    public void FilterRequest_Valid_BuildsEveryCondition()
    {
        var filter = new LogFilterRequest { From = "2016-01-01", To = "2016-07-01", Window = "starting", Where = ["channel=phone,email"], EndsWith = ["Closed"], TopVariants = 10, MinDuration = "1h" }.ToFilter();
        var all = Assert.IsType<AllOfFilter>(filter);
        Assert.Equal(5, all.Filters.Count);
        var window = Assert.IsType<TimeWindowFilter>(all.Filters[0]);
        Assert.Equal(TimeWindowMode.Starting, window.Mode);
        Assert.Equal(new DateTimeOffset(2016, 1, 1, 0, 0, 0, TimeSpan.Zero), window.From);
        Assert.Equal(["phone", "email"], Assert.IsType<AttributeFilter>(all.Filters[1]).Values);
    }

    [Fact]
    public void FilterFile_NotJson_BadFileNamingLine()
    {
        string path = Path.Combine(_folder, "scope.json");
        File.WriteAllText(path, "[\n  {\"kind\": \"ends-with\", \"activities\": [\"Closed\"]},\n  {\"kind\": \"nonsense\"\n]");
        var ex = Assert.Throws<StepwiseException>(() => new LogFilterRequest { FilterFile = path }.ToFilter());
        Assert.Equal(ProblemKind.BadFile, ex.Kind);
        Assert.Contains("scope.json, line", ex.Message);
        Assert.DoesNotContain("Stepwise.", ex.Message);
    }

    [Fact]
    public void CalendarRequest_HoursAndHolidays_WorkingCalendarInTheZone()
    {
        var measure = Assert.IsType<WorkingCalendar>(new CalendarRequest { WorkingHours = "Mon-Fri 09:00-17:00", CalendarTimezone = "Europe/Rome", Holidays = ["2024-12-25,2024-12-26"] }.ToMeasure());
        Assert.Equal("Europe/Rome", measure.TimeZone.Id);
        Assert.Equal(2, measure.Holidays.Count);
        // Monday 23 Dec 09:00 to Friday 27 Dec 17:00 local: 3 working days (23, 24, 27) of 8 hours.
        var from = new DateTimeOffset(2024, 12, 23, 8, 0, 0, TimeSpan.Zero).UtcTicks;
        var to = new DateTimeOffset(2024, 12, 27, 16, 0, 0, TimeSpan.Zero).UtcTicks;
        Assert.Equal(TimeSpan.FromHours(24).Ticks, measure.Between(from, to));
    }

    [Fact]
    public void CalendarFile_BadHolidayAndBadHours_BadFileSayingWhat()
    {
        string path = Path.Combine(_folder, "calendar.json");
        File.WriteAllText(path, "{\"hours\": \"Mon-Fri 9 to 5\", \"timeZone\": \"Europe/London\"}");
        var ex = Assert.Throws<StepwiseException>(() => new CalendarRequest { Calendar = path }.ToMeasure());
        Assert.Equal(ProblemKind.BadFile, ex.Kind);
        Assert.Contains("calendar.json: not a calendar file: 'hours'", ex.Message);

        File.WriteAllText(path, "{\"holidays\": [\"25/12/2024\"]}");
        Assert.Contains("'25/12/2024' is not a date in the form yyyy-MM-dd", Assert.Throws<StepwiseException>(() => new CalendarRequest { Calendar = path }.ToMeasure()).Message);
        Assert.Equal("calendar", Assert.Throws<StepwiseException>(() => new CalendarRequest { Calendar = path, WorkingHours = "Mon 09:00-17:00" }.ToMeasure()).Errors[0].Field);
    }

    [Fact]
    public void HolidayFile_BadLine_NamedWithItsLine()
    {
        string path = Path.Combine(_folder, "holidays.txt");
        File.WriteAllText(path, "# UK 2024\n2024-12-25\nBoxing day\n");
        var ex = Assert.Throws<StepwiseException>(() => new CalendarRequest { Holidays = [path] }.ToMeasure());
        Assert.Equal(ProblemKind.BadFile, ex.Kind);
        Assert.Equal(3, ex.Location!.Line);
    }
}
