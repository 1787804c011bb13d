namespace Stepwise.Review.Scoping;

/// <summary>
/// The kinds of change a review may propose to a process: one per kind of simulation scenario change
/// (<see cref="Options.ChangeKinds"/> maps each change to its kind), so whatever a scope allows can be simulated.
/// </summary>
public enum ChangeType
{
    /// <summary>Remove a step.</summary>
    RemoveStep,

    /// <summary>Automate a step.</summary>
    Automate,

    /// <summary>Merge steps into one.</summary>
    Merge,

    /// <summary>Change the order of steps.</summary>
    Resequence,

    /// <summary>Do steps at the same time.</summary>
    Parallelise,

    /// <summary>Add staff (capacity).</summary>
    AddStaff,

    /// <summary>Remove staff.</summary>
    RemoveStaff,

    /// <summary>Change working hours.</summary>
    ChangeHours,

    /// <summary>Reduce rework (loops, reopenings).</summary>
    ReduceRework,

    /// <summary>Move work to customer self-service.</summary>
    SelfService,

    /// <summary>Model growth (or fall) in demand.</summary>
    DemandGrowth,
}
