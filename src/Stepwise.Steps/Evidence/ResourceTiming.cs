namespace Stepwise.Steps.Evidence;

/// <summary>How one resource performs one step.</summary>
/// <param name="Resource">The resource id in the log.</param>
/// <param name="Name">The resource name.</param>
/// <param name="Instances">Instances of the step the resource did.</param>
/// <param name="MedianWaitingSeconds">Median waiting before those instances, in seconds (NaN when none was measured).</param>
/// <param name="MedianServiceSeconds">Median service time of those instances, in seconds (NaN when the log has no start times).</param>
public sealed record ResourceTiming(int Resource, string Name, long Instances, double MedianWaitingSeconds, double MedianServiceSeconds);
