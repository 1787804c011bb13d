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
    private readonly bool _periodic;
    private readonly ulong _salt;

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
        _periodic = holidayDays.Count == 0 && !fractional;
        Varies = varies || !_periodic;
    }

    /// <summary>Whether the capacity changes during the week (so hourly updates are needed).</summary>
    public bool Varies { get; }

    public int CapacityAt(double t)
    {
        long hour = (long)(t / Hour);
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

        if (_periodic && work > _weeklyWork)
        {
            // Any full week holds exactly the weekly working time, wherever it starts.
            double weeks = Math.Floor(work / _weeklyWork);
            if (weeks * _weeklyWork >= work)
            {
                weeks -= 1;
            }

            t += weeks * Week;
            work -= weeks * _weeklyWork;
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

    /// <summary>Working seconds between two instants (0 when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public double WorkBetween(double from, double to)
    {
        if (to <= from)
        {
            return 0;
        }

        double total = 0;
        if (_periodic && to - from > Week)
        {
            double weeks = Math.Floor((to - from) / Week);
            total += weeks * _weeklyWork;
            from += weeks * Week;
        }

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
}
