namespace Stepwise.Simulation.Model;

/// <summary>What a service level is measured on.</summary>
public enum ServiceLevelMeasure
{
    /// <summary>The time from a case's arrival to its end.</summary>
    Throughput,

    /// <summary>The time a case waited for staff, in total (a call's time in queue).</summary>
    Waiting,
}

/// <summary>A service-level target: a case meets it when the measure is at most the target; an abandoned case never does.</summary>
/// <param name="Measure">What is measured.</param>
/// <param name="TargetSeconds">The target in seconds.</param>
public sealed record ServiceLevel(ServiceLevelMeasure Measure, double TargetSeconds);
