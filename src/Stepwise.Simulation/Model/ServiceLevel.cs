namespace Stepwise.Simulation.Model;

/// <summary>A service-level target: a case meets it when the measure is at most the target; an abandoned case never does.</summary>
/// <param name="Measure">What is measured.</param>
/// <param name="TargetSeconds">The target in seconds.</param>
public sealed record ServiceLevel(ServiceLevelMeasure Measure, double TargetSeconds);
