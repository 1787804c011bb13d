namespace Stepwise.Simulation.Discovery;

/// <summary>One observed step time: the case's age when the step became due, the step that followed (-1 for the end
/// of the case), the time from due to done, all in seconds, and whether the person who did the step before did this one
/// too (null when either is not named).</summary>
internal readonly record struct ElapsedObservation(double Age, int Next, double Elapsed, bool? Continued = null);
