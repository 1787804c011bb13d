namespace Stepwise.Steps.Evidence;

/// <summary>The handling time of one step and where it comes from.</summary>
/// <param name="Activity">The activity id.</param>
/// <param name="Name">The activity name.</param>
/// <param name="Basis">Measured, standard, estimated, mixed or unknown.</param>
/// <param name="Instances">Instances of the step in the view.</param>
/// <param name="MeasuredInstances">Instances with their own start time.</param>
/// <param name="PerInstanceSeconds">For instances without a start time: the standard or estimated seconds per instance (NaN when unknown).</param>
/// <param name="EstimateSamples">For an estimate: the number of gaps it rests on.</param>
/// <param name="MedianSeconds">The median handling time over instances whose time is known (NaN when none).</param>
/// <param name="TotalSeconds">The handling time of all instances whose time is known.</param>
public sealed record StepHandling(
    int Activity,
    string Name,
    HandlingTimeBasis Basis,
    long Instances,
    long MeasuredInstances,
    double PerInstanceSeconds,
    int EstimateSamples,
    double MedianSeconds,
    double TotalSeconds)
{
    /// <summary>Instances set off by the step's timer (see <see cref="Timer"/>) that got no handling time: the system did
    /// them, so they carry no labour cost.</summary>
    public long TimerInstances { get; init; }

    /// <summary>The timer that sets the wait before the step, when its instances were left without handling time (null
    /// otherwise).</summary>
    public StepTimer? Timer { get; init; }
}
