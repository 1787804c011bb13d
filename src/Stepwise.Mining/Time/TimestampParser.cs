using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Stepwise.Mining.Time;

/// <summary>
/// Parses timestamps from UTF-8 text into UTC ticks without allocating (except for custom patterns). Every
/// method returns false for text that is not a valid timestamp of its layout (including impossible dates such
/// as 31/02), never a guess.
/// </summary>
public static class TimestampParser
{
    private static readonly long EpochTicks = DateTime.UnixEpoch.Ticks;
    private static readonly int[] CumulativeDays = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

    /// <summary>Parses <paramref name="text"/> in <paramref name="format"/>, which must not be <see cref="TimestampLayout.Auto"/>.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, TimestampFormat format, out long ticks)
    {
        ArgumentNullException.ThrowIfNull(format);
        text = Trim(text);
        var zone = format.NaiveTimeZone;
        switch (format.Layout)
        {
            case TimestampLayout.Iso8601:
                return TryParseIso(text, zone, out ticks);
            case TimestampLayout.DayFirst:
                return TryParseNumericDate(text, dayFirst: true, zone, out ticks);
            case TimestampLayout.MonthFirst:
                return TryParseNumericDate(text, dayFirst: false, zone, out ticks);
            case TimestampLayout.EpochSeconds:
                return TryParseEpoch(text, TimeSpan.TicksPerSecond, out ticks);
            case TimestampLayout.EpochMilliseconds:
                return TryParseEpoch(text, TimeSpan.TicksPerMillisecond, out ticks);
            case TimestampLayout.Custom:
                return TryParseCustom(text, format.Pattern ?? string.Empty, zone, out ticks);
            default:
                throw new ArgumentException("Detect the layout before parsing.", nameof(format));
        }
    }

    /// <summary>Parses a string in <paramref name="format"/>.</summary>
    public static bool TryParse(string text, TimestampFormat format, out long ticks)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(Encoding.UTF8.GetBytes(text), format, out ticks);
    }

    /// <summary>
    /// ISO-8601 date or date-time: <c>yyyy-MM-dd</c>, optionally <c>T</c> or a space and <c>HH:mm[:ss[.f…]]</c>,
    /// optionally <c>Z</c> or an offset <c>±HH[:mm]</c>. A year-first date with slashes is accepted too.
    /// Without an offset the time is in <paramref name="naiveZone"/> (UTC when null).
    /// </summary>
    public static bool TryParseIso(ReadOnlySpan<byte> s, TimeZoneInfo? naiveZone, out long ticks)
    {
        if (TryFullIso(s, naiveZone, out ticks))
        {
            return true;
        }

        ticks = 0;
        if (s.Length < 10 || !Digits(s, 0, 4, out int year) || (s[4] != '-' && s[4] != '/') || !Digits(s, 5, 2, out int month) || s[7] != s[4] || !Digits(s, 8, 2, out int day))
        {
            return false;
        }

        int pos = 10;
        int hour = 0, minute = 0, second = 0;
        long fraction = 0;
        if (pos < s.Length && (s[pos] == 'T' || s[pos] == ' ' || s[pos] == 't'))
        {
            pos++;
            if (!TryTime(s, ref pos, out hour, out minute, out second, out fraction, allowAmPm: false))
            {
                return false;
            }
        }

        if (!TryCivil(year, month, day, hour, minute, second, out long local))
        {
            return false;
        }

        local += fraction;
        if (pos == s.Length)
        {
            return ToUtc(local, naiveZone, out ticks);
        }

        if (s[pos] == 'Z' || s[pos] == 'z')
        {
            ticks = local;
            return pos + 1 == s.Length;
        }

        if (s[pos] == '+' || s[pos] == '-')
        {
            int sign = s[pos] == '-' ? -1 : 1;
            pos++;
            if (!Digits(s, pos, 2, out int offH))
            {
                return false;
            }

            pos += 2;
            int offM = 0;
            if (pos < s.Length)
            {
                if (s[pos] == ':')
                {
                    pos++;
                }

                if (!Digits(s, pos, 2, out offM))
                {
                    return false;
                }

                pos += 2;
            }

            if (pos != s.Length || offH > 23 || offM > 59)
            {
                return false;
            }

            ticks = local - (sign * ((offH * 60L) + offM) * TimeSpan.TicksPerMinute);
            return InRange(ticks);
        }

        return false;
    }

    /// <summary>
    /// A numeric date with the day first (<c>13/02/2016</c>) or the month first (<c>02/13/2016</c>): one or two
    /// digit day and month, a four-digit year, separators <c>/</c>, <c>.</c> or <c>-</c>, optionally a time
    /// <c>H:mm[:ss[.f…]]</c> and <c>AM</c>/<c>PM</c>.
    /// </summary>
    public static bool TryParseNumericDate(ReadOnlySpan<byte> s, bool dayFirst, TimeZoneInfo? naiveZone, out long ticks)
    {
        ticks = 0;
        if (!TrySplitNumericDate(s, out int first, out int second, out int year, out int pos))
        {
            return false;
        }

        int day = dayFirst ? first : second;
        int month = dayFirst ? second : first;
        int hour = 0, minute = 0, sec = 0;
        long fraction = 0;
        if (pos < s.Length)
        {
            if (s[pos] != ' ' && s[pos] != 'T')
            {
                return false;
            }

            while (pos < s.Length && s[pos] == ' ')
            {
                pos++;
            }

            if (pos < s.Length && s[pos] == 'T')
            {
                pos++;
            }

            if (!TryTime(s, ref pos, out hour, out minute, out sec, out fraction, allowAmPm: true) || pos != s.Length)
            {
                return false;
            }
        }

        if (!TryCivil(year, month, day, hour, minute, sec, out long local))
        {
            return false;
        }

        return ToUtc(local + fraction, naiveZone, out ticks);
    }

    /// <summary>Splits the date part of a numeric date into its first and second numbers and the year.</summary>
    internal static bool TrySplitNumericDate(ReadOnlySpan<byte> s, out int first, out int second, out int year, out int end)
    {
        first = second = year = end = 0;
        int pos = 0;
        if (!Number(s, ref pos, 1, 2, out first) || pos >= s.Length)
        {
            return false;
        }

        byte sep = s[pos];
        if (sep != '/' && sep != '.' && sep != '-')
        {
            return false;
        }

        pos++;
        if (!Number(s, ref pos, 1, 2, out second) || pos >= s.Length || s[pos] != sep)
        {
            return false;
        }

        pos++;
        if (!Number(s, ref pos, 4, 4, out year))
        {
            return false;
        }

        end = pos;
        return true;
    }

    /// <summary>Seconds or milliseconds since the Unix epoch (seconds may carry a fraction).</summary>
    public static bool TryParseEpoch(ReadOnlySpan<byte> s, long ticksPerUnit, out long ticks)
    {
        ticks = 0;
        if (s.IsEmpty)
        {
            return false;
        }

        int pos = 0;
        bool negative = s[0] == '-';
        if (negative)
        {
            pos++;
        }

        long whole = 0;
        int start = pos;
        while (pos < s.Length && (uint)(s[pos] - '0') <= 9)
        {
            if (whole > 922_337_203_685L)
            {
                return false;
            }

            whole = (whole * 10) + (s[pos] - '0');
            pos++;
        }

        if (pos == start)
        {
            return false;
        }

        long frac = 0;
        if (pos < s.Length && s[pos] == '.')
        {
            pos++;
            long scale = ticksPerUnit;
            while (pos < s.Length && (uint)(s[pos] - '0') <= 9)
            {
                scale /= 10;
                frac += (s[pos] - '0') * scale;
                pos++;
            }
        }

        if (pos != s.Length)
        {
            return false;
        }

        long value = (whole * ticksPerUnit) + frac;
        ticks = EpochTicks + (negative ? -value : value);
        return ticks > 0 && ticks < DateTime.MaxValue.Ticks;
    }

    /// <summary>A .NET custom pattern (e.g. <c>dd.MM.yyyy HH:mm:ss</c>); an offset in the pattern is honoured.</summary>
    public static bool TryParseCustom(ReadOnlySpan<byte> s, string pattern, TimeZoneInfo? naiveZone, out long ticks)
    {
        ticks = 0;
        if (s.Length > 256)
        {
            return false;
        }

        Span<char> chars = stackalloc char[s.Length];
        if (!Encoding.UTF8.TryGetChars(s, chars, out int n))
        {
            return false;
        }

        bool hasOffset = pattern.Contains('z', StringComparison.Ordinal) || pattern.Contains('K', StringComparison.Ordinal);
        if (hasOffset)
        {
            if (!DateTimeOffset.TryParseExact(chars[..n], pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dto))
            {
                return false;
            }

            ticks = dto.UtcTicks;
            return true;
        }

        if (!DateTime.TryParseExact(chars[..n], pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt))
        {
            return false;
        }

        return ToUtc(dt.Ticks, naiveZone, out ticks);
    }

    /// <summary>Converts local wall-clock ticks in <paramref name="zone"/> to UTC; false for a time that does not
    /// exist in the zone (a daylight-saving gap).</summary>
    public static bool ToUtc(long localTicks, TimeZoneInfo? zone, out long utcTicks)
    {
        if (zone is null || zone == TimeZoneInfo.Utc)
        {
            utcTicks = localTicks;
            return InRange(localTicks);
        }

        utcTicks = 0;
        if (!InRange(localTicks))
        {
            return false;
        }

        var local = new DateTime(localTicks, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return false;
        }

        utcTicks = localTicks - zone.GetUtcOffset(local).Ticks;
        return InRange(utcTicks);
    }

    /// <summary>Whether ticks are an instant .NET can represent (0001-01-01 to 9999-12-31 UTC).</summary>
    public static bool InRange(long ticks) => ticks >= 0 && ticks <= DateTime.MaxValue.Ticks;

    /// <summary>Ticks of a civil date and time, validating every field (no 31 February, no hour 24).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryCivil(int year, int month, int day, int hour, int minute, int second, out long ticks)
    {
        ticks = 0;
        if (year < 1 || year > 9999 || (uint)(month - 1) > 11 || day < 1 || (uint)hour > 23 || (uint)minute > 59 || (uint)second > 59)
        {
            return false;
        }

        bool leap = (year % 4 == 0) && (year % 100 != 0 || year % 400 == 0);
        int daysInMonth = CumulativeDays[month] - CumulativeDays[month - 1] + (month == 2 && leap ? 1 : 0);
        if (day > daysInMonth)
        {
            return false;
        }

        int y = year - 1;
        long days = (y * 365L) + (y / 4) - (y / 100) + (y / 400) + CumulativeDays[month - 1] + (month > 2 && leap ? 1 : 0) + day - 1;
        ticks = (days * TimeSpan.TicksPerDay) + (hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute) + (second * TimeSpan.TicksPerSecond);
        return true;
    }

    private static bool TryTime(ReadOnlySpan<byte> s, ref int pos, out int hour, out int minute, out int second, out long fraction, bool allowAmPm)
    {
        hour = minute = second = 0;
        fraction = 0;
        if (!Number(s, ref pos, 1, 2, out hour) || pos >= s.Length || s[pos] != ':')
        {
            return false;
        }

        pos++;
        if (!Digits(s, pos, 2, out minute))
        {
            return false;
        }

        pos += 2;
        if (pos < s.Length && s[pos] == ':')
        {
            pos++;
            if (!Digits(s, pos, 2, out second))
            {
                return false;
            }

            pos += 2;
            if (pos < s.Length && (s[pos] == '.' || s[pos] == ','))
            {
                int start = ++pos;
                pos = ReadFraction(s, pos, ref fraction);
                if (pos == start)
                {
                    return false;
                }
            }
        }

        if (allowAmPm && pos < s.Length)
        {
            int p = pos;
            while (p < s.Length && s[p] == ' ')
            {
                p++;
            }

            if (p + 2 == s.Length && (s[p + 1] | 0x20) == 'm')
            {
                byte ap = (byte)(s[p] | 0x20);
                if ((ap != 'a' && ap != 'p') || hour < 1 || hour > 12)
                {
                    return false;
                }

                hour = (hour % 12) + (ap == 'p' ? 12 : 0);
                pos = s.Length;
            }
        }

        return true;
    }

    /// <summary>
    /// Adds to <paramref name="ticks"/> the fraction of a second whose digits start at <paramref name="pos"/> (each
    /// digit a tenth of the one before, those past the seventh worth nothing); returns the position after the digits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int ReadFraction(ReadOnlySpan<byte> s, int pos, ref long ticks)
    {
        long scale = TimeSpan.TicksPerSecond;
        while (pos < s.Length && (uint)(s[pos] - '0') <= 9)
        {
            scale /= 10;
            ticks += (s[pos] - '0') * scale;
            pos++;
        }

        return pos;
    }

    /// <summary>
    /// The form most exports write, <c>yyyy-MM-ddTHH:mm:ss</c> (or a space for the T) with <c>Z</c> or nothing after
    /// it, read at fixed places without loops. False for anything else, which the general reading then takes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryFullIso(ReadOnlySpan<byte> s, TimeZoneInfo? naiveZone, out long ticks)
    {
        ticks = 0;
        bool zulu = s.Length == 20 && (s[19] == 'Z' || s[19] == 'z');
        if ((s.Length != 19 && !zulu) || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' || s[16] != ':')
        {
            return false;
        }

        uint y0 = (uint)(s[0] - '0'), y1 = (uint)(s[1] - '0'), y2 = (uint)(s[2] - '0'), y3 = (uint)(s[3] - '0');
        uint mo0 = (uint)(s[5] - '0'), mo1 = (uint)(s[6] - '0'), d0 = (uint)(s[8] - '0'), d1 = (uint)(s[9] - '0');
        uint h0 = (uint)(s[11] - '0'), h1 = (uint)(s[12] - '0'), mi0 = (uint)(s[14] - '0'), mi1 = (uint)(s[15] - '0');
        uint s0 = (uint)(s[17] - '0'), s1 = (uint)(s[18] - '0');
        if ((y0 > 9) | (y1 > 9) | (y2 > 9) | (y3 > 9) | (mo0 > 9) | (mo1 > 9) | (d0 > 9) | (d1 > 9) | (h0 > 9) | (h1 > 9) | (mi0 > 9) | (mi1 > 9) | (s0 > 9) | (s1 > 9))
        {
            return false;
        }

        int year = (int)((y0 * 1000) + (y1 * 100) + (y2 * 10) + y3);
        if (!TryCivil(year, (int)((mo0 * 10) + mo1), (int)((d0 * 10) + d1), (int)((h0 * 10) + h1), (int)((mi0 * 10) + mi1), (int)((s0 * 10) + s1), out long local))
        {
            return false;
        }

        if (zulu)
        {
            ticks = local;
            return true;
        }

        return ToUtc(local, naiveZone, out ticks);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Digits(ReadOnlySpan<byte> s, int pos, int count, out int value)
    {
        value = 0;
        if (pos + count > s.Length)
        {
            return false;
        }

        for (int i = 0; i < count; i++)
        {
            uint d = (uint)(s[pos + i] - '0');
            if (d > 9)
            {
                return false;
            }

            value = (value * 10) + (int)d;
        }

        return true;
    }

    private static bool Number(ReadOnlySpan<byte> s, ref int pos, int min, int max, out int value)
    {
        value = 0;
        int start = pos;
        while (pos < s.Length && pos - start < max && (uint)(s[pos] - '0') <= 9)
        {
            value = (value * 10) + (s[pos] - '0');
            pos++;
        }

        return pos - start >= min && (pos >= s.Length || (uint)(s[pos] - '0') > 9);
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> s)
    {
        int a = 0, b = s.Length;
        while (a < b && (s[a] == ' ' || s[a] == '\t'))
        {
            a++;
        }

        while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
        {
            b--;
        }

        return s[a..b];
    }
}
