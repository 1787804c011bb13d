namespace Stepwise.Steps.Evidence;

/// <summary>
/// A step whose waiting time is set by a rule of the system (an automatic close 15 days after resolution, a reminder
/// after 48 hours) rather than by people doing work: the wait before it is nearly constant, or a large share of the
/// waits equal one value. Waits are measured in elapsed time from the previous event of the case.
/// </summary>
/// <param name="Seconds">The timer's value: the median of the waits in the band (dominant value) or of all waits.</param>
/// <param name="Matching">Waits within the band around <paramref name="Seconds"/>.</param>
/// <param name="Waits">Waits measured (instances that are not the first event of their case).</param>
/// <param name="CoefficientOfVariation">Standard deviation over mean of all the waits.</param>
/// <param name="Test">The test that recognised it.</param>
/// <param name="Tolerance">The band's half-width as a share of the value.</param>
/// <param name="OthersMedianSeconds">The median of the waits outside the band (NaN when every wait matches).</param>
public sealed record StepTimer(double Seconds, long Matching, long Waits, double CoefficientOfVariation, TimerTest Test, double Tolerance, double OthersMedianSeconds)
{
    /// <summary>Share of the waits that match the timer.</summary>
    public double Share => Waits == 0 ? double.NaN : Matching / (double)Waits;

    /// <summary>The shortest wait the timer set, in seconds (the band's lower end; the shortest wait when every wait
    /// matches). NaN when not given: then the band is <see cref="Tolerance"/> either side of <see cref="Seconds"/>.</summary>
    public double LowSeconds { get; init; } = double.NaN;

    /// <summary>The longest wait the timer set, in seconds (the band's upper end). NaN when not given.</summary>
    public double HighSeconds { get; init; } = double.NaN;

    /// <summary>Whether the step is mostly done on the timer: at least half of its waits match it.</summary>
    public bool SetsMost => Share >= 0.5;

    /// <summary>Whether a wait (in seconds, measured as <see cref="TimerDetection.WaitBefore"/> does) is one the timer
    /// set: within the band of the waits counted in <see cref="Matching"/>.</summary>
    public bool Sets(double waitSeconds)
    {
        double low = double.IsNaN(LowSeconds) ? Seconds * (1 - Tolerance) : LowSeconds;
        double high = double.IsNaN(HighSeconds) ? Seconds * (1 + Tolerance) : HighSeconds;
        return waitSeconds >= low && waitSeconds <= high;
    }
}
