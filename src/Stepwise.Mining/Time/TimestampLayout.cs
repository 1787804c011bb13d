namespace Stepwise.Mining.Time;

/// <summary>How timestamps in a text column are written.</summary>
public enum TimestampLayout
{
    /// <summary>Detect from the values: ISO-8601, day-first or month-first dates, or Unix epoch numbers.</summary>
    Auto,

    /// <summary>ISO-8601: <c>2016-02-13T09:21:00</c>, a space instead of T, optional fraction and offset (Z, +01:00).</summary>
    Iso8601,

    /// <summary>Day first: <c>13/02/2016 09:21</c> (separators / . or -, optional seconds, fraction, AM/PM).</summary>
    DayFirst,

    /// <summary>Month first: <c>02/13/2016 9:21 PM</c>.</summary>
    MonthFirst,

    /// <summary>Seconds since 1970-01-01T00:00:00Z, optionally with a fraction.</summary>
    EpochSeconds,

    /// <summary>Milliseconds since 1970-01-01T00:00:00Z.</summary>
    EpochMilliseconds,

    /// <summary>A .NET custom date and time format string, e.g. <c>dd.MM.yyyy HH:mm:ss</c>.</summary>
    Custom,
}
