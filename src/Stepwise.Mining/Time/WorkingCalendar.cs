namespace Stepwise.Mining.Time;

/// <summary>
/// Working time: weekly working hours in a time zone, without holidays. The working time between two instants is
/// the total length of working intervals between them, each interval placed on its local date and converted to UTC
/// through the zone's rules, so days when clocks change are handled exactly. Measured in O(log days) per duration
/// from cumulative working time per local day (computed for the years in use, extended on demand).
/// </summary>
public sealed class WorkingCalendar : DurationMeasure
{
    private readonly object _gate = new();
    private readonly HashSet<DateOnly> _holidays;
    private volatile Table? _table;

    /// <summary>Creates a calendar.</summary>
    /// <param name="hours">Weekly working hours (local wall-clock time).</param>
    /// <param name="timeZone">The zone the hours are in; null for UTC.</param>
    /// <param name="holidays">Local dates without working time.</param>
    public WorkingCalendar(WorkingHours hours, TimeZoneInfo? timeZone = null, IEnumerable<DateOnly>? holidays = null)
    {
        ArgumentNullException.ThrowIfNull(hours);
        Hours = hours;
        TimeZone = timeZone ?? TimeZoneInfo.Utc;
        _holidays = holidays is null ? [] : [.. holidays];
    }

    /// <summary>The weekly hours.</summary>
    public WorkingHours Hours { get; }

    /// <summary>The time zone of the hours and holidays.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>The holidays.</summary>
    public IReadOnlyCollection<DateOnly> Holidays => _holidays;

    /// <inheritdoc />
    public override string Description => $"working time ({Hours}; {TimeZone.Id}{(_holidays.Count > 0 ? $"; {_holidays.Count} holidays" : string.Empty)})";

    /// <inheritdoc />
    public override long Between(long fromTicks, long toTicks)
    {
        if (toTicks < fromTicks)
        {
            return -Between(toTicks, fromTicks);
        }

        var table = Cover(fromTicks, toTicks);
        return table.Cumulative(toTicks) - table.Cumulative(fromTicks);
    }

    /// <summary>The table of working time per day covering both instants, extended when needed.</summary>
    private Table Cover(long from, long to)
    {
        var table = _table;
        if (table is not null && table.Covers(from) && table.Covers(to))
        {
            return table;
        }

        lock (_gate)
        {
            table = _table;
            if (table is not null && table.Covers(from) && table.Covers(to))
            {
                return table;
            }

            var first = DateOnly.FromDateTime(new DateTime(from, DateTimeKind.Utc)).AddDays(-2);
            var last = DateOnly.FromDateTime(new DateTime(to, DateTimeKind.Utc)).AddDays(2);
            if (table is not null)
            {
                first = first < table.FirstDay ? first.AddDays(-366) : table.FirstDay;
                last = last > table.LastDay ? last.AddDays(366) : table.LastDay;
            }

            table = new Table(this, first, last);
            _table = table;
            return table;
        }
    }

    /// <summary>Working intervals of every local day in a range, in UTC ticks, with cumulative totals.</summary>
    private sealed class Table
    {
        private readonly long[] _dayStart; // UTC instant of each local midnight, plus one past the last day
        private readonly long[] _cumulative; // working ticks before each day
        private readonly long[][] _intervals; // per day: start,end pairs in UTC ticks

        public Table(WorkingCalendar calendar, DateOnly first, DateOnly last)
        {
            FirstDay = first;
            LastDay = last;
            int days = last.DayNumber - first.DayNumber + 1;
            _dayStart = new long[days + 1];
            _cumulative = new long[days + 1];
            _intervals = new long[days][];
            long total = 0;
            for (int i = 0; i <= days; i++)
            {
                var date = first.AddDays(i);
                _dayStart[i] = ToUtc(calendar.TimeZone, date, TimeSpan.Zero);
                if (i == days)
                {
                    _cumulative[i] = total;
                    break;
                }

                _cumulative[i] = total;
                var intervals = calendar._holidays.Contains(date) ? [] : calendar.Hours.On(date.DayOfWeek);
                var utc = new long[intervals.Count * 2];
                for (int k = 0; k < intervals.Count; k++)
                {
                    utc[2 * k] = ToUtc(calendar.TimeZone, date, intervals[k].Start);
                    utc[(2 * k) + 1] = ToUtc(calendar.TimeZone, date, intervals[k].End);
                    total += Math.Max(0, utc[(2 * k) + 1] - utc[2 * k]);
                }

                _intervals[i] = utc;
            }
        }

        public DateOnly FirstDay { get; }

        public DateOnly LastDay { get; }

        public bool Covers(long ticks) => ticks >= _dayStart[0] && ticks < _dayStart[^1];

        public long Cumulative(long ticks)
        {
            int day = Array.BinarySearch(_dayStart, ticks);
            if (day < 0)
            {
                day = ~day - 1;
            }

            day = Math.Clamp(day, 0, _intervals.Length - 1);
            long total = _cumulative[day];
            var intervals = _intervals[day];
            for (int k = 0; k < intervals.Length; k += 2)
            {
                if (ticks <= intervals[k])
                {
                    break;
                }

                total += Math.Min(ticks, intervals[k + 1]) - intervals[k];
            }

            return total;
        }

        /// <summary>The UTC instant of a local wall-clock time on a date. A time skipped by a clock change maps to the
        /// moment the clocks jump (so a shift starting in the gap starts when the day's clock resumes); a repeated
        /// time maps to its first occurrence.</summary>
        private static long ToUtc(TimeZoneInfo zone, DateOnly date, TimeSpan time)
        {
            var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified).Add(time);
            if (zone == TimeZoneInfo.Utc)
            {
                return local.Ticks;
            }

            while (zone.IsInvalidTime(local))
            {
                // Move forward minute by minute to the end of the gap (gaps are whole minutes in every real zone).
                local = local.AddMinutes(1);
            }

            var offsets = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local) : [zone.GetUtcOffset(local)];
            var offset = offsets.Max();
            return local.Ticks - offset.Ticks;
        }
    }
}
