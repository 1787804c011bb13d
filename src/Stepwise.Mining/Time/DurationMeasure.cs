namespace Stepwise.Mining.Time;

/// <summary>
/// How the time between two instants is measured: <see cref="Elapsed"/> (calendar time) or working time under a
/// <see cref="WorkingCalendar"/>. Every duration an analysis reports goes through one of these.
/// </summary>
public abstract class DurationMeasure
{
    /// <summary>Elapsed (calendar) time.</summary>
    public static DurationMeasure Elapsed { get; } = new ElapsedMeasure();

    /// <summary>A short description for reports, e.g. "elapsed time".</summary>
    public abstract string Description { get; }

    /// <summary>The duration from <paramref name="fromTicks"/> to <paramref name="toTicks"/> (UTC ticks), in ticks;
    /// negative when <paramref name="toTicks"/> is earlier.</summary>
    public abstract long Between(long fromTicks, long toTicks);

    private sealed class ElapsedMeasure : DurationMeasure
    {
        public override string Description => "elapsed time";

        public override long Between(long fromTicks, long toTicks) => toTicks - fromTicks;
    }
}
