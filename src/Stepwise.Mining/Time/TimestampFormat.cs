namespace Stepwise.Mining.Time;

/// <summary>
/// How to read timestamps: a layout, a pattern for <see cref="TimestampLayout.Custom"/>, and the time zone of
/// timestamps written without an offset (UTC by default).
/// </summary>
public sealed record TimestampFormat
{
    /// <summary>Detect the layout from the values; naive times are UTC.</summary>
    public static TimestampFormat Auto { get; } = new();

    /// <summary>The layout.</summary>
    public TimestampLayout Layout { get; init; } = TimestampLayout.Auto;

    /// <summary>The .NET format string, for <see cref="TimestampLayout.Custom"/> only.</summary>
    public string? Pattern { get; init; }

    /// <summary>The zone of timestamps without an offset; null means UTC.</summary>
    public TimeZoneInfo? NaiveTimeZone { get; init; }

    /// <summary>
    /// Parses a user's format option: <c>auto</c>, <c>iso</c>, <c>dmy</c> (day first), <c>mdy</c> (month first),
    /// <c>epoch-s</c>, <c>epoch-ms</c>, or a .NET custom pattern such as <c>dd/MM/yyyy HH:mm</c>.
    /// </summary>
    public static TimestampFormat Parse(string text, TimeZoneInfo? naiveTimeZone = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var layout = text.Trim().ToLowerInvariant() switch
        {
            "auto" or "" => TimestampLayout.Auto,
            "iso" or "iso8601" or "iso-8601" => TimestampLayout.Iso8601,
            "dmy" or "day-first" or "dayfirst" => TimestampLayout.DayFirst,
            "mdy" or "month-first" or "monthfirst" => TimestampLayout.MonthFirst,
            "epoch" or "epoch-s" or "unix" or "unix-s" => TimestampLayout.EpochSeconds,
            "epoch-ms" or "unix-ms" => TimestampLayout.EpochMilliseconds,
            _ => TimestampLayout.Custom,
        };
        return new TimestampFormat
        {
            Layout = layout,
            Pattern = layout == TimestampLayout.Custom ? text : null,
            NaiveTimeZone = naiveTimeZone,
        };
    }

    /// <summary>A short description for reports, e.g. <c>day-first (13/02/2016 09:21)</c>.</summary>
    public string Describe() => Layout switch
    {
        TimestampLayout.Iso8601 => "ISO-8601",
        TimestampLayout.DayFirst => "day-first (13/02/2016 09:21)",
        TimestampLayout.MonthFirst => "month-first (02/13/2016 09:21)",
        TimestampLayout.EpochSeconds => "Unix epoch seconds",
        TimestampLayout.EpochMilliseconds => "Unix epoch milliseconds",
        TimestampLayout.Custom => "pattern " + Pattern,
        _ => "auto",
    } + (NaiveTimeZone is null || NaiveTimeZone == TimeZoneInfo.Utc ? string.Empty : ", naive times in " + NaiveTimeZone.Id);
}
