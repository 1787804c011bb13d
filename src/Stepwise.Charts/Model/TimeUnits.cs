namespace Stepwise.Charts;

/// <summary>Conversions between seconds and the units durations are shown in.</summary>
public static class TimeUnits
{
    /// <summary>Seconds in one <paramref name="unit"/>.</summary>
    public static double Seconds(TimeUnit unit) => unit switch
    {
        TimeUnit.Minutes => 60,
        TimeUnit.Hours => 3600,
        TimeUnit.Days => 86400,
        _ => throw new ArgumentOutOfRangeException(nameof(unit)),
    };

    /// <summary><paramref name="seconds"/> expressed in <paramref name="unit"/>.</summary>
    public static double FromSeconds(double seconds, TimeUnit unit) => seconds / Seconds(unit);

    /// <summary>The unit that writes a typical duration (e.g. the median) as a number between about 1 and a few
    /// hundred: minutes below 2 hours, hours below 3 days, else days.</summary>
    public static TimeUnit Choose(double typicalSeconds) => typicalSeconds switch
    {
        < 2 * 3600 => TimeUnit.Minutes,
        < 3 * 86400 => TimeUnit.Hours,
        _ => TimeUnit.Days,
    };

    /// <summary>The unit's name in labels and headers (<c>minutes</c>, <c>hours</c>, <c>days</c>).</summary>
    public static string Name(TimeUnit unit) => unit switch
    {
        TimeUnit.Minutes => "minutes",
        TimeUnit.Hours => "hours",
        TimeUnit.Days => "days",
        _ => throw new ArgumentOutOfRangeException(nameof(unit)),
    };

    /// <summary>The unit's symbol after a value (<c>min</c>, <c>h</c>, <c>d</c>).</summary>
    public static string Symbol(TimeUnit unit) => unit switch
    {
        TimeUnit.Minutes => "min",
        TimeUnit.Hours => "h",
        TimeUnit.Days => "d",
        _ => throw new ArgumentOutOfRangeException(nameof(unit)),
    };
}
