namespace Stepwise.Simulation.Model;

/// <summary>What a service level is measured on.</summary>
public enum ServiceLevelMeasure
{
    /// <summary>The time from a case's arrival to its end.</summary>
    Throughput,

    /// <summary>The time a case waited for staff, in total (a call's time in queue).</summary>
    Waiting,
}
