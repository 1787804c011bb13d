using System.Globalization;

namespace Stepwise.Mining.Time;

/// <summary>A span of working time within a day, in local wall-clock time: <c>[Start, End)</c>.</summary>
public readonly record struct WorkingInterval
{
    /// <summary>Creates an interval; <paramref name="end"/> may be 24:00 (midnight at the end of the day).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The interval is empty or outside 00:00-24:00.</exception>
    public WorkingInterval(TimeSpan start, TimeSpan end)
    {
        if (start < TimeSpan.Zero || end > TimeSpan.FromHours(24) || end <= start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), $"A working interval must run forwards within one day (got {start:hh\\:mm}-{end:hh\\:mm}).");
        }

        Start = start;
        End = end;
    }

    /// <summary>Local start time of day.</summary>
    public TimeSpan Start { get; }

    /// <summary>Local end time of day (exclusive).</summary>
    public TimeSpan End { get; }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{(int)Start.TotalHours:00}:{Start.Minutes:00}-{(int)End.TotalHours:00}:{End.Minutes:00}");
}

/// <summary>Working intervals for each day of the week.</summary>
public sealed class WorkingHours
{
    private readonly WorkingInterval[][] _byDay = new WorkingInterval[7][];

    /// <summary>Creates weekly hours from intervals per day (days not given have no working time).</summary>
    /// <exception cref="ArgumentException">Intervals of a day overlap.</exception>
    public WorkingHours(IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingInterval>> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        for (int d = 0; d < 7; d++)
        {
            var list = days.TryGetValue((DayOfWeek)d, out var given) ? given.OrderBy(i => i.Start).ToArray() : [];
            for (int i = 1; i < list.Length; i++)
            {
                if (list[i].Start < list[i - 1].End)
                {
                    throw new ArgumentException($"Working intervals on {(DayOfWeek)d} overlap: {list[i - 1]} and {list[i]}.", nameof(days));
                }
            }

            _byDay[d] = list;
        }
    }

    /// <summary>Monday to Friday, 09:00-17:00.</summary>
    public static WorkingHours OfficeHours { get; } = Parse("Mon-Fri 09:00-17:00");

    /// <summary>The intervals of a weekday, in order.</summary>
    public IReadOnlyList<WorkingInterval> On(DayOfWeek day) => _byDay[(int)day];

    /// <summary>
    /// Parses hours such as <c>Mon-Fri 09:00-17:00; Sat 10:00-14:00</c> or <c>Mon-Thu 08:00-12:00,13:00-17:00; Fri 08:00-15:00</c>:
    /// day names or ranges (Mon..Sun), then comma-separated intervals; parts separated by semicolons.
    /// </summary>
    /// <exception cref="FormatException">The text is not in that form (the message says which part).</exception>
    public static WorkingHours Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var days = new Dictionary<DayOfWeek, List<WorkingInterval>>();
        foreach (var rawPart in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int space = rawPart.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0)
            {
                throw new FormatException($"'{rawPart}' must be days then hours, e.g. 'Mon-Fri 09:00-17:00'.");
            }

            var dayList = ParseDays(rawPart[..space]);
            foreach (var span in rawPart[(space + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var interval = ParseInterval(span);
                foreach (var day in dayList)
                {
                    if (!days.TryGetValue(day, out var list))
                    {
                        days[day] = list = [];
                    }

                    list.Add(interval);
                }
            }
        }

        try
        {
            return new WorkingHours(days.ToDictionary(p => p.Key, p => (IReadOnlyList<WorkingInterval>)p.Value));
        }
        catch (ArgumentException ex)
        {
            throw new FormatException(ex.Message, ex);
        }
    }

    private static List<DayOfWeek> ParseDays(string text)
    {
        var result = new List<DayOfWeek>();
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = item.Split('-', StringSplitOptions.TrimEntries);
            var first = Day(range[0]);
            var last = range.Length > 1 ? Day(range[1]) : first;
            for (int d = (int)first; ; d = (d + 1) % 7)
            {
                result.Add((DayOfWeek)d);
                if (d == (int)last)
                {
                    break;
                }
            }
        }

        return result;
    }

    private static DayOfWeek Day(string text)
    {
        string key = text.Length >= 3 ? text[..3].ToLowerInvariant() : text.ToLowerInvariant();
        return key switch
        {
            "mon" => DayOfWeek.Monday,
            "tue" => DayOfWeek.Tuesday,
            "wed" => DayOfWeek.Wednesday,
            "thu" => DayOfWeek.Thursday,
            "fri" => DayOfWeek.Friday,
            "sat" => DayOfWeek.Saturday,
            "sun" => DayOfWeek.Sunday,
            _ => throw new FormatException($"'{text}' is not a day of the week (use Mon, Tue, Wed, Thu, Fri, Sat, Sun)."),
        };
    }

    private static WorkingInterval ParseInterval(string text)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !TryTime(parts[0], out var start) || !TryTime(parts[1], out var end))
        {
            throw new FormatException($"'{text}' is not an interval such as 09:00-17:00.");
        }

        try
        {
            return new WorkingInterval(start, end);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new FormatException(ex.Message.Split(Environment.NewLine)[0], ex);
        }
    }

    private static bool TryTime(string text, out TimeSpan time)
    {
        time = default;
        var parts = text.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int h) || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int m) || h > 24 || m > 59 || (h == 24 && m > 0))
        {
            return false;
        }

        time = new TimeSpan(h, m, 0);
        return true;
    }

    /// <summary>The hours as <see cref="Parse"/> reads them, consecutive days with the same intervals written as a
    /// range: <c>Mon-Fri 09:00-17:00; Sat 10:00-14:00</c>.</summary>
    public override string ToString()
    {
        var week = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday };
        var parts = new List<string>();
        int i = 0;
        while (i < week.Length)
        {
            var spans = _byDay[(int)week[i]];
            int last = i;
            while (last + 1 < week.Length && spans.Length > 0 && spans.AsSpan().SequenceEqual(_byDay[(int)week[last + 1]]))
            {
                last++;
            }

            if (spans.Length > 0)
            {
                string days = week[i].ToString()[..3] + (last > i ? "-" + week[last].ToString()[..3] : string.Empty);
                parts.Add(days + " " + string.Join(",", spans));
            }

            i = last + 1;
        }

        return string.Join("; ", parts);
    }
}
