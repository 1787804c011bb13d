using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Stepwise.Mining.Time;

/// <summary>
/// Reads ISO-8601 date-times in the form XES writers and most exports use, <c>yyyy-MM-ddTHH:mm:ss</c> (or a space
/// for the <c>T</c>) with an optional fraction of a second and then <c>Z</c>, an offset <c>+HH:mm</c> or nothing (a
/// time in the naive zone), at fixed places, the day remembered from the date before (the events of a log mostly
/// fall on few days, and a day's events mostly follow one another). Anything else (and any value that form does not
/// accept) is left to <see cref="TimestampParser"/>, which reads the fixed form to the same ticks. One per reading
/// thread.
/// </summary>
internal sealed class IsoTimestampReader
{
    // The last day read: its ten bytes (yyyy-MM-dd) as two words, and its ticks at midnight.
    private bool _hasDay;
    private ulong _dayHead;
    private ushort _dayTail;
    private long _dayTicks;

    /// <summary>UTC ticks of the ISO-8601 date <paramref name="s"/> (an XES date), as
    /// <see cref="TimestampParser.TryParseIso"/> reads it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryParseIso(ReadOnlySpan<byte> s, TimeZoneInfo? naiveZone, out long ticks)
        => TryFixed(s, naiveZone, out ticks) || TimestampParser.TryParseIso(s, naiveZone, out ticks);

    /// <summary>UTC ticks of <paramref name="s"/> in <paramref name="format"/>, as
    /// <see cref="TimestampParser.TryParse(ReadOnlySpan{byte}, TimestampFormat, out long)"/> reads it (a CSV field).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryParse(ReadOnlySpan<byte> s, TimestampFormat format, out long ticks)
        => (format.Layout == TimestampLayout.Iso8601 && TryFixed(s, format.NaiveTimeZone, out ticks)) || TimestampParser.TryParse(s, format, out ticks);

    /// <summary>
    /// <c>yyyy-MM-ddTHH:mm:ss</c> or <c>yyyy-MM-dd HH:mm:ss</c>, then <c>.</c> and digits (optional), then <c>Z</c>,
    /// <c>+HH:mm</c>, <c>-HH:mm</c> or nothing (local time in <paramref name="naiveZone"/>, UTC when null): false
    /// for anything else or an impossible date or offset, left to the general reading.
    /// </summary>
    private bool TryFixed(ReadOnlySpan<byte> s, TimeZoneInfo? naiveZone, out long ticks)
    {
        ticks = 0;
        if (s.Length < 19 || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' || s[16] != ':')
        {
            return false;
        }

        ulong head = MemoryMarshal.Read<ulong>(s);
        ushort tail = MemoryMarshal.Read<ushort>(s[8..]);
        long day;
        if (_hasDay && head == _dayHead && tail == _dayTail)
        {
            day = _dayTicks;
        }
        else
        {
            uint y0 = (uint)(s[0] - '0'), y1 = (uint)(s[1] - '0'), y2 = (uint)(s[2] - '0'), y3 = (uint)(s[3] - '0');
            uint mo0 = (uint)(s[5] - '0'), mo1 = (uint)(s[6] - '0'), d0 = (uint)(s[8] - '0'), d1 = (uint)(s[9] - '0');
            if (s[4] != '-' || s[7] != '-' || (y0 > 9) | (y1 > 9) | (y2 > 9) | (y3 > 9) | (mo0 > 9) | (mo1 > 9) | (d0 > 9) | (d1 > 9))
            {
                return false;
            }

            int year = (int)((y0 * 1000) + (y1 * 100) + (y2 * 10) + y3);
            if (!TimestampParser.TryCivil(year, (int)((mo0 * 10) + mo1), (int)((d0 * 10) + d1), 0, 0, 0, out day))
            {
                return false;
            }

            _hasDay = true;
            _dayHead = head;
            _dayTail = tail;
            _dayTicks = day;
        }

        uint h0 = (uint)(s[11] - '0'), h1 = (uint)(s[12] - '0'), mi0 = (uint)(s[14] - '0'), mi1 = (uint)(s[15] - '0');
        uint s0 = (uint)(s[17] - '0'), s1 = (uint)(s[18] - '0');
        if ((h0 > 9) | (h1 > 9) | (mi0 > 9) | (mi1 > 9) | (s0 > 9) | (s1 > 9))
        {
            return false;
        }

        // As TimestampParser.TryCivil checks and adds the time of day.
        uint hour = (h0 * 10) + h1, minute = (mi0 * 10) + mi1, second = (s0 * 10) + s1;
        if (hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        long local = day + (hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute) + (second * TimeSpan.TicksPerSecond);
        int pos = 19;
        if (pos < s.Length && s[pos] == '.')
        {
            int start = ++pos;
            pos = TimestampParser.ReadFraction(s, pos, ref local);
            if (pos == start)
            {
                return false;
            }
        }

        if (pos == s.Length)
        {
            return TimestampParser.ToUtc(local, naiveZone, out ticks);
        }

        byte zone = s[pos];
        if (zone == 'Z')
        {
            ticks = local;
            return pos + 1 == s.Length;
        }

        if ((zone != '+' && zone != '-') || pos + 6 != s.Length || s[pos + 3] != ':')
        {
            return false;
        }

        uint oh0 = (uint)(s[pos + 1] - '0'), oh1 = (uint)(s[pos + 2] - '0'), om0 = (uint)(s[pos + 4] - '0'), om1 = (uint)(s[pos + 5] - '0');
        if ((oh0 > 9) | (oh1 > 9) | (om0 > 9) | (om1 > 9))
        {
            return false;
        }

        int offH = (int)((oh0 * 10) + oh1);
        int offM = (int)((om0 * 10) + om1);
        if (offH > 23 || offM > 59)
        {
            return false;
        }

        int sign = zone == '-' ? -1 : 1;
        ticks = local - (sign * ((offH * 60L) + offM) * TimeSpan.TicksPerMinute);
        if (!TimestampParser.InRange(ticks))
        {
            ticks = 0;
            return false;
        }

        return true;
    }
}
