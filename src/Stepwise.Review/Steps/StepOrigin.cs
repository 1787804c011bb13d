namespace Stepwise.Review.Steps;

/// <summary>Where a step came from.</summary>
public enum StepOrigin
{
    /// <summary>Discovered from an event log.</summary>
    Discovered,

    /// <summary>Entered by hand (work the data does not show).</summary>
    Manual,
}
