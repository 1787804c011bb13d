using Stepwise.Simulation.Engine;

namespace Stepwise.Simulation.Tests;

/// <summary>Staff-seconds on shift between two instants (the denominator of utilisation), over spans short and very long.</summary>
public class PoolCalendarStaffTests
{
    private const double Hour = 3600;
    private const double Week = 168 * Hour;

    [Fact]
    public void StaffSecondsBetween_TwoStaffMondayNineToFive_HandWorked()
    {
        // Two staff on Mondays 09:00-17:00: 16 staff-hours a week. From Monday 00:30 to Monday 10:30 three weeks later:
        // three whole weeks (48 staff-hours) and then 09:00-10:30 (1.5 h x 2 = 3 staff-hours): 51 x 3,600 s.
        var hours = new double[168];
        for (int h = 9; h < 17; h++)
        {
            hours[h] = 2;
        }

        var calendar = new PoolCalendar(hours, []);

        Assert.Equal(51 * Hour, calendar.StaffSecondsBetween(0.5 * Hour, (3 * Week) + (10.5 * Hour)));
        Assert.Equal(2 * 0.25 * Hour, calendar.StaffSecondsBetween(9.5 * Hour, 9.75 * Hour));
        Assert.Equal(0, calendar.StaffSecondsBetween(17 * Hour, 24 * Hour));
    }

    [Fact]
    public void StaffSecondsBetween_TenThousandYears_WholeWeeksTimesTheWeek()
    {
        // One person round the clock except Sundays (144 staff-hours a week), over 521,775 weeks (about 10,000 years).
        var hours = new double[168];
        Array.Fill(hours, 1.0, 0, 144);
        var calendar = new PoolCalendar(hours, []);

        Assert.Equal(521_775.0 * 144 * Hour, calendar.StaffSecondsBetween(0, 521_775 * Week));
    }

    [Fact]
    public void StaffSecondsBetween_FractionalStaffAndHolidays_EqualsTheSumOfTheHours()
    {
        // 2.4 staff every hour (3 in 40% of hours, chosen per hour) and two holidays: the total must be the hour-by-hour
        // sum of the staff the simulation sees, including the part-hours at both ends.
        var hours = new double[168];
        Array.Fill(hours, 2.4);
        var calendar = new PoolCalendar(hours, [3, 10], salt: 7);
        double from = 1234.5;
        double to = (30 * Week) + 777.25;

        double expected = calendar.CapacityAt(from) * (Hour - from);
        for (long hour = 1; hour < (long)(to / Hour); hour++)
        {
            expected += calendar.CapacityAt(hour * Hour) * Hour;
        }

        expected += calendar.CapacityAt(to) * (to - (Math.Floor(to / Hour) * Hour));

        Assert.Equal(expected, calendar.StaffSecondsBetween(from, to), 1e-6);
        Assert.InRange(expected / (to - from), 2.3, 2.5);
        Assert.Equal(0, calendar.CapacityAt((3 * 24 * Hour) + 1));
    }
}
