namespace Stepwise.Simulation.Model;

/// <summary>Where a pool's staff on shift come from.</summary>
public enum CapacityBasis
{
    /// <summary>Given by a person (in the model file or with the discovery options).</summary>
    Given,

    /// <summary>Counted in the log: the distinct people seen working (completing an event) in each hour of the week (in
    /// the pool's shifts, as many as were seen then; in its other hours, as often as someone was seen). A lower bound:
    /// people at work who recorded nothing in an hour are not counted.</summary>
    ResourcesSeen,

    /// <summary>From the work in progress at once in each hour (logs with start and completion times).</summary>
    WorkInProgress,

    /// <summary>The log cannot tell: the pool is given as many staff as the work needed, so it never queues, and staffing
    /// changes have no effect until a capacity is given.</summary>
    Unknown,
}
