namespace Stepwise.Simulation.Engine;

/// <summary>
/// A pool's staff on shift per hour of the week, with holidays, on the engine's clock: seconds since the Monday 00:00
/// that starts the simulated week. Also advances work through working time for pools whose work pauses off shift.
/// </summary>
internal sealed class PoolCalendar
{
    public const double Hour = 3600;
    public const double Week = 168 * Hour;

    private readonly double[] _capacity;
    private readonly HashSet<int> _holidayDays; // day indices on the engine's clock
    private readonly double _weeklyWork;
    private readonly long _weeklyStaffHours; // staff x hours on shift in a week (used only when periodic: whole staff)
    private readonly bool _periodic;
    private readonly ulong _salt;
    private readonly double[] _cumulative = new double[169]; // working seconds before each hour of the week
    private StaffMemo? _staffMemo; // a reference, so that replications on other threads never see half of one

    /// <param name="capacityByHour">Staff per hour of week; a fraction such as 6.4 means 7 staff in 40% of the weeks
    /// and 6 in the others, chosen by a hash of the hour so that every run (as-is or scenario) sees the same shifts.</param>
    /// <param name="holidayDays">Days without work.</param>
    /// <param name="salt">Distinguishes the pools' draws of fractional staff.</param>
    public PoolCalendar(double[] capacityByHour, HashSet<int> holidayDays, int salt = 0)
    {
        _capacity = capacityByHour;
        _holidayDays = holidayDays;
        _salt = (ulong)salt * 0x9E3779B97F4A7C15UL;
        int working = 0;
        bool varies = false;
        bool fractional = false;
        for (int h = 0; h < capacityByHour.Length; h++)
        {
            working += capacityByHour[h] > 0 ? 1 : 0;
            varies |= capacityByHour[h] != capacityByHour[0];
            fractional |= capacityByHour[h] != Math.Floor(capacityByHour[h]);
        }

        _weeklyWork = working * Hour;
        for (int h = 0; h < 168; h++)
        {
            _cumulative[h + 1] = _cumulative[h] + (capacityByHour[h] > 0 ? Hour : 0);
        }

        _periodic = holidayDays.Count == 0 && !fractional;
        _weeklyStaffHours = _periodic ? (long)capacityByHour.Sum() : 0;
        Varies = varies || !_periodic;
    }

    /// <summary>Whether the capacity changes during the week (so shift changes must be scheduled).</summary>
    public bool Varies { get; }

    /// <summary>Whether the capacity may change when hour <paramref name="hourOfWeek"/> begins: always with holidays
    /// or fractional staff, otherwise only where the weekly profile steps.</summary>
    public bool MayChangeAt(int hourOfWeek)
        => !_periodic || _capacity[hourOfWeek] != _capacity[(hourOfWeek + 167) % 168];

    public int CapacityAt(double t) => CapacityOfHour((long)(t / Hour));

    private int CapacityOfHour(long hour)
    {
        if (_holidayDays.Count > 0 && _holidayDays.Contains((int)(hour / 24)))
        {
            return 0;
        }

        double value = _capacity[(int)(hour % 168)];
        int whole = (int)value;
        double fraction = value - whole;
        if (fraction > 0 && Unit(hour) < fraction)
        {
            whole++;
        }

        return whole;
    }

    private double Unit(long hour)
    {
        ulong z = ((ulong)hour + _salt) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 31)) * 0x94D049BB133111EBUL;
        z ^= z >> 29;
        return (z >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>The instant at which <paramref name="work"/> seconds of working time started at <paramref name="t"/> are done.</summary>
    public double Advance(double t, double work)
    {
        if (work <= 0)
        {
            return t;
        }

        if (_weeklyWork <= 0)
        {
            return double.PositiveInfinity;
        }

        if (_periodic)
        {
            // Prefix sums of the weekly pattern: O(log 168) whatever the duration.
            double weekStart = Math.Floor(t / Week) * Week;
            double target = WorkBeforeInWeek(t - weekStart) + work;
            double weeks = Math.Ceiling(target / _weeklyWork) - 1;
            double rest = target - (weeks * _weeklyWork);
            return weekStart + (weeks * Week) + InstantInWeek(rest);
        }

        for (int guard = 0; guard < 100_000; guard++)
        {
            double hourEnd = (Math.Floor(t / Hour) + 1) * Hour;
            if (CapacityAt(t) > 0)
            {
                double available = hourEnd - t;
                if (work <= available)
                {
                    return t + work;
                }

                work -= available;
            }

            t = hourEnd;
        }

        return double.PositiveInfinity;
    }

    /// <summary>Staff-seconds on shift between two instants (every replication of a run asks for the same period, so the
    /// last answer is kept).</summary>
    public double StaffSecondsBetween(double from, double to)
    {
        var memo = Volatile.Read(ref _staffMemo);
        if (memo is not null && memo.From == from && memo.To == to)
        {
            return memo.Value;
        }

        double total = 0;
        long first = (long)Math.Ceiling(from / Hour);
        long last = (long)Math.Floor(to / Hour);
        if (last > first)
        {
            // The part-hours at either end, and the whole hours between counted on whole numbers (a horizon of
            // centuries is summed by weeks when the staff repeat every week, and otherwise hour by hour without
            // floating-point steps).
            total += CapacityAt(from) * ((first * Hour) - from);
            total += WholeHourStaffSeconds(first, last);
            total += to > last * Hour ? CapacityAt(last * Hour) * (to - (last * Hour)) : 0;
        }
        else
        {
            for (double t = from; t < to;)
            {
                double hourEnd = Math.Min(to, (Math.Floor(t / Hour) + 1) * Hour);
                total += CapacityAt(t) * (hourEnd - t);
                t = hourEnd;
            }
        }

        Volatile.Write(ref _staffMemo, new StaffMemo(from, to, total));
        return total;
    }

    private double WholeHourStaffSeconds(long first, long last)
    {
        long staffHours = 0;
        long hour = first;
        if (_periodic)
        {
            long weeks = (last - first) / 168;
            staffHours += weeks * _weeklyStaffHours;
            hour += weeks * 168;
        }

        for (; hour < last; hour++)
        {
            staffHours += CapacityOfHour(hour);
        }

        return staffHours * Hour;
    }

    private sealed record StaffMemo(double From, double To, double Value);

    /// <summary>Working seconds between two instants (0 when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public double WorkBetween(double from, double to)
    {
        if (to <= from)
        {
            return 0;
        }

        if (_periodic)
        {
            return CumulativeWork(to) - CumulativeWork(from);
        }

        double total = 0;
        while (from < to)
        {
            double hourEnd = Math.Min(to, (Math.Floor(from / Hour) + 1) * Hour);
            if (CapacityAt(from) > 0)
            {
                total += hourEnd - from;
            }

            from = hourEnd;
        }

        return total;
    }

    /// <summary>Working seconds from the clock's origin to <paramref name="t"/> (periodic calendars only).</summary>
    private double CumulativeWork(double t)
    {
        double weeks = Math.Floor(t / Week);
        return (weeks * _weeklyWork) + WorkBeforeInWeek(t - (weeks * Week));
    }

    /// <summary>Working seconds between the start of the week and <paramref name="offset"/> seconds into it.</summary>
    private double WorkBeforeInWeek(double offset)
    {
        int h = Math.Clamp((int)(offset / Hour), 0, 167);
        return _cumulative[h] + (_capacity[h] > 0 ? Math.Min(Hour, offset - (h * Hour)) : 0);
    }

    /// <summary>The offset into the week at which <paramref name="work"/> (0 &lt; work &lt;= weekly work) seconds of
    /// working time have passed since the week began.</summary>
    private double InstantInWeek(double work)
    {
        int lo = 0, hi = 167;
        while (lo < hi)
        {
            // The first hour whose end has at least the work done; it is a working hour.
            int mid = (lo + hi) >> 1;
            if (_cumulative[mid + 1] >= work)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return (lo * Hour) + (work - _cumulative[lo]);
    }
}
