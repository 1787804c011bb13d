namespace Stepwise.Simulation.Discovery;

/// <summary>One observed step time: the case's age when the step became due, the step that followed (-1 for the end
/// of the case) and the time from due to done, all in seconds.</summary>
internal readonly record struct ElapsedObservation(double Age, int Next, double Elapsed);
