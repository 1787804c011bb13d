using Stepwise.Mining.Time;

namespace Stepwise.Mining.Tests;

/// <summary>Working time against hand-worked cases: weekends, holidays, clock changes, partial days.</summary>
public class WorkingCalendarTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static long Utc(int y, int mo, int d, int h, int mi = 0) => new DateTime(y, mo, d, h, mi, 0, DateTimeKind.Utc).Ticks;

    private static double Hours(long ticks) => ticks / (double)TimeSpan.TicksPerHour;

    [Fact]
    public void Between_WithinOneWorkingDay_IsElapsed()
    {
        var calendar = new WorkingCalendar(WorkingHours.Parse("Mon-Fri 09:00-17:00"));
        // Wednesday 2024-01-10, 10:00 to 15:30 = 5.5 hours.
        Assert.Equal(5.5, Hours(calendar.Between(Utc(2024, 1, 10, 10), Utc(2024, 1, 10, 15, 30))));
    }

    [Fact]
    public void Between_OverAWeekend_CountsOnlyWorkingHours()
    {
        var calendar = new WorkingCalendar(WorkingHours.Parse("Mon-Fri 09:00-17:00"));
        // Friday 2024-01-12 16:00 to Monday 2024-01-15 10:00: 1 h Friday + 1 h Monday = 2 h.
        Assert.Equal(2.0, Hours(calendar.Between(Utc(2024, 1, 12, 16), Utc(2024, 1, 15, 10))));
        // Saturday to Sunday: nothing.
        Assert.Equal(0.0, Hours(calendar.Between(Utc(2024, 1, 13, 8), Utc(2024, 1, 14, 20))));
    }

    [Fact]
    public void Between_OutsideHoursAtBothEnds_ClampsToTheDay()
    {
        var calendar = new WorkingCalendar(WorkingHours.Parse("Mon-Fri 09:00-12:00,13:00-17:00"));
        // Monday 2024-01-08 06:00 to 20:00 with a lunch break: 3 h + 4 h = 7 h.
        Assert.Equal(7.0, Hours(calendar.Between(Utc(2024, 1, 8, 6), Utc(2024, 1, 8, 20))));
        // During lunch to the next morning at 10:00: 4 h afternoon + 1 h next morning.
        Assert.Equal(5.0, Hours(calendar.Between(Utc(2024, 1, 8, 12, 30), Utc(2024, 1, 9, 10))));
    }

    [Fact]
    public void Between_ChristmasHolidays_Skipped()
    {
        var calendar = new WorkingCalendar(WorkingHours.Parse("Mon-Fri 09:00-17:00"), null, [new DateOnly(2023, 12, 25), new DateOnly(2023, 12, 26)]);
        // Friday 22 Dec 17:00 to Wednesday 27 Dec 11:00: Mon and Tue are holidays, so 2 h on Wednesday.
        Assert.Equal(2.0, Hours(calendar.Between(Utc(2023, 12, 22, 17), Utc(2023, 12, 27, 11))));
    }

    [Fact]
    public void Between_AcrossSpringClockChange_UsesLocalHours()
    {
        var calendar = new WorkingCalendar(WorkingHours.Parse("Mon-Fri 09:00-17:00"), London);
        // Clocks go forward on Sunday 31 March 2024. Friday 29 Mar 09:00 GMT (= 09:00 UTC) to Monday 1 Apr
        // 09:00 BST (= 08:00 UTC): all of Friday, 8 h.
        Assert.Equal(8.0, Hours(calendar.Between(Utc(2024, 3, 29, 9), Utc(2024, 4, 1, 8))));
        // Monday 1 April working day is 08:00-16:00 UTC: 10:00 UTC to 16:30 UTC = 6 h.
        Assert.Equal(6.0, Hours(calendar.Between(Utc(2024, 4, 1, 10), Utc(2024, 4, 1, 16, 30))));
    }

    [Fact]
    public void Between_AcrossAutumnClockChange_UsesLocalHours()
    {
        var calendar = new WorkingCalendar(WorkingHours.Parse("Mon-Fri 09:00-17:00"), London);
        // Clocks go back on Sunday 27 October 2024. Friday 25 Oct 16:00 UTC (17:00 BST, end of day) to Monday
        // 28 Oct 10:00 UTC (10:00 GMT): 1 h on Monday.
        Assert.Equal(1.0, Hours(calendar.Between(Utc(2024, 10, 25, 16), Utc(2024, 10, 28, 10))));
    }

    [Fact]
    public void Between_ShiftAcrossTheNightOfAClockChange_IsItsRealLength()
    {
        // A night shift 00:00-06:00 on Sunday 31 March 2024 in London: 01:00-02:00 does not exist, so it lasts 5 h.
        var calendar = new WorkingCalendar(WorkingHours.Parse("Sun 00:00-06:00"), London);
        Assert.Equal(5.0, Hours(calendar.Between(Utc(2024, 3, 30, 12), Utc(2024, 3, 31, 12))));
        // On Sunday 27 October 2024 01:00-02:00 happens twice: the shift lasts 7 h.
        Assert.Equal(7.0, Hours(calendar.Between(Utc(2024, 10, 26, 12), Utc(2024, 10, 27, 12))));
    }

    [Fact]
    public void Between_Reversed_IsNegative_AndLongSpansMatchWeekCount()
    {
        var calendar = new WorkingCalendar(WorkingHours.Parse("Mon-Fri 09:00-17:00"));
        Assert.Equal(-2.0, Hours(calendar.Between(Utc(2024, 1, 15, 10), Utc(2024, 1, 12, 16))));
        // 52 whole weeks from a Monday 00:00: 52 * 40 h.
        Assert.Equal(52 * 40.0, Hours(calendar.Between(Utc(2024, 1, 1, 0), Utc(2024, 12, 30, 0))));
        // And far outside the first range used: the table extends.
        Assert.Equal(40.0, Hours(calendar.Between(Utc(2030, 1, 7, 0), Utc(2030, 1, 14, 0))));
    }

    [Theory]
    [InlineData("Mon-Fri 09:00")]
    [InlineData("Funday 09:00-17:00")]
    [InlineData("Mon 17:00-09:00")]
    [InlineData("Mon 09:00-12:00,11:00-13:00")]
    public void Parse_BadHours_ExplainsWhy(string text)
        => Assert.Throws<FormatException>(() => WorkingHours.Parse(text));

    [Fact]
    public void Parse_RangesAndLists_Combine()
    {
        var hours = WorkingHours.Parse("Mon-Thu 08:00-12:00,13:00-17:00; Fri 08:00-15:00; Sat-Sun 10:00-12:00");
        Assert.Equal(2, hours.On(DayOfWeek.Wednesday).Count);
        Assert.Single(hours.On(DayOfWeek.Friday));
        Assert.Single(hours.On(DayOfWeek.Sunday));
    }
}

public class DurationTextTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("45m", 45 * 60)]
    [InlineData("1.5h", 5400)]
    [InlineData("2d", 2 * 86400)]
    [InlineData("8w", 8 * 7 * 86400)]
    [InlineData("1.02:00:00", 86400 + 7200)]
    public void TryParse_WrittenForms_GiveTheDuration(string text, double seconds)
    {
        Assert.True(DurationText.TryParse(text, out var span));
        Assert.Equal(seconds, span.TotalSeconds);
    }

    [Theory]
    [InlineData("-2d")]
    [InlineData("two days")]
    [InlineData("5x")]
    public void TryParse_OtherText_Refused(string text) => Assert.False(DurationText.TryParse(text, out _));

    [Theory]
    [InlineData("Mon-Fri 09:00-17:00", "Mon-Fri 09:00-17:00")]
    [InlineData("Mon-Fri 09:00-17:00; Sat 10:00-14:00", "Mon-Fri 09:00-17:00; Sat 10:00-14:00")]
    [InlineData("Mon-Thu 08:00-12:00,13:00-17:00; Fri 08:00-15:00", "Mon-Thu 08:00-12:00,13:00-17:00; Fri 08:00-15:00")]
    [InlineData("Mon 09:00-17:00; Wed 09:00-17:00", "Mon 09:00-17:00; Wed 09:00-17:00")]
    [InlineData("Sat-Sun 10:00-16:00", "Sat-Sun 10:00-16:00")]
    [InlineData("Tue 09:00-12:00; Mon 09:00-12:00", "Mon-Tue 09:00-12:00")]
    public void ToString_GroupsConsecutiveDaysAndReadsBack(string text, string expected)
    {
        var hours = WorkingHours.Parse(text);
        Assert.Equal(expected, hours.ToString());
        var again = WorkingHours.Parse(hours.ToString());
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            Assert.Equal(hours.On(day), again.On(day));
        }
    }
}
