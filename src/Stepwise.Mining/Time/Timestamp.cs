namespace Stepwise.Mining.Time;

/// <summary>
/// Helpers for the engine's representation of instants: <see cref="long"/> UTC ticks (100 ns units since
/// 0001-01-01T00:00:00Z, as <see cref="DateTime.Ticks"/>). <see cref="None"/> marks a missing instant.
/// </summary>
public static class Timestamp
{
    /// <summary>The value that marks a missing instant in tick columns.</summary>
    public const long None = long.MinValue;

    /// <summary>Ticks per second.</summary>
    public const long TicksPerSecond = TimeSpan.TicksPerSecond;

    /// <summary>Converts ticks to a UTC <see cref="DateTime"/>.</summary>
    public static DateTime ToDateTime(long ticks) => new(ticks, DateTimeKind.Utc);

    /// <summary>Converts ticks to a <see cref="DateTimeOffset"/> at offset zero.</summary>
    public static DateTimeOffset ToDateTimeOffset(long ticks) => new(ticks, TimeSpan.Zero);

    /// <summary>Converts an instant to UTC ticks.</summary>
    public static long FromDateTimeOffset(DateTimeOffset value) => value.UtcTicks;

    /// <summary>Formats ticks as ISO-8601 UTC with the shortest exact fraction, e.g. <c>2016-02-13T09:21:00Z</c>.</summary>
    public static string Format(long ticks)
    {
        if (ticks == None)
        {
            return string.Empty;
        }

        var dt = ToDateTime(ticks);
        return (ticks % TicksPerSecond) == 0
            ? dt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)
            : dt.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Converts a tick difference to seconds.</summary>
    public static double ToSeconds(long ticks) => ticks / (double)TicksPerSecond;
}
