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

            // Day numbers, clamped to the dates .NET can represent so that instants at either end of the range work.
            int first = Math.Max(MinDay, DayOf(from) - 2);
            int last = Math.Min(MaxDay, DayOf(to) + 2);
            if (table is not null)
            {
                first = first < table.FirstDay ? Math.Max(MinDay, first - 366) : table.FirstDay;
                last = last > table.LastDay ? Math.Min(MaxDay, last + 366) : table.LastDay;
            }

            table = new Table(this, first, last);
            _table = table;
            return table;
        }
    }

    private static readonly int MinDay = DateOnly.MinValue.DayNumber;
    private static readonly int MaxDay = DateOnly.MaxValue.DayNumber;

    private static int DayOf(long ticks) => (int)(Math.Clamp(ticks, 0, DateTime.MaxValue.Ticks) / TimeSpan.TicksPerDay);

    /// <summary>Working intervals of every local day in a range, in UTC ticks, with cumulative totals.</summary>
    private sealed class Table
    {
        private readonly long[] _dayStart; // UTC instant of each local midnight, plus one past the last day
        private readonly long[] _cumulative; // working ticks before each day
        private readonly long[][] _intervals; // per day: start,end pairs in UTC ticks

        public Table(WorkingCalendar calendar, int first, int last)
        {
            FirstDay = first;
            LastDay = last;
            int days = last - first + 1;
            _dayStart = new long[days + 1];
            _cumulative = new long[days + 1];
            _intervals = new long[days][];
            long total = 0;
            for (int i = 0; i <= days; i++)
            {
                int day = first + i;
                _dayStart[i] = ToUtc(calendar.TimeZone, day, TimeSpan.Zero);
                if (i == days)
                {
                    _cumulative[i] = total;
                    break;
                }

                _cumulative[i] = total;
                var date = DateOnly.FromDayNumber(day);
                var intervals = calendar._holidays.Contains(date) ? [] : calendar.Hours.On(date.DayOfWeek);
                var utc = new long[intervals.Count * 2];
                for (int k = 0; k < intervals.Count; k++)
                {
                    utc[2 * k] = ToUtc(calendar.TimeZone, day, intervals[k].Start);
                    utc[(2 * k) + 1] = ToUtc(calendar.TimeZone, day, intervals[k].End);
                    total += Math.Max(0, utc[(2 * k) + 1] - utc[2 * k]);
                }

                _intervals[i] = utc;
            }
        }

        /// <summary>Day number (<see cref="DateOnly.DayNumber"/>) of the first local day covered.</summary>
        public int FirstDay { get; }

        /// <summary>Day number of the last local day covered.</summary>
        public int LastDay { get; }

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
        /// <remarks>Computed in ticks, not <see cref="DateTime"/>, so that the day after 9999-12-31 and offsets before
        /// 0001-01-01 work (the zone's rules are looked up at the nearest representable time).</remarks>
        private static long ToUtc(TimeZoneInfo zone, int day, TimeSpan time)
        {
            long local = (day * TimeSpan.TicksPerDay) + time.Ticks;
            if (zone == TimeZoneInfo.Utc)
            {
                return local;
            }

            static DateTime Representable(long ticks) => new(Math.Clamp(ticks, 0, DateTime.MaxValue.Ticks), DateTimeKind.Unspecified);
            for (int guard = 0; guard < 24 * 60 && zone.IsInvalidTime(Representable(local)); guard++)
            {
                // Move forward minute by minute to the end of the gap (gaps are whole minutes in every real zone).
                local += TimeSpan.TicksPerMinute;
            }

            var at = Representable(local);
            var offsets = zone.IsAmbiguousTime(at) ? zone.GetAmbiguousTimeOffsets(at) : [zone.GetUtcOffset(at)];
            var offset = offsets.Max();
            return local - offset.Ticks;
        }
    }
}
