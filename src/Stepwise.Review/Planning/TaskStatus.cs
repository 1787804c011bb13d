namespace Stepwise.Review.Planning;

/// <summary>Progress of a plan task.</summary>
public enum PlanTaskStatus
{
    /// <summary>Not started.</summary>
    NotStarted,

    /// <summary>Under way.</summary>
    InProgress,

    /// <summary>Finished.</summary>
    Done,

    /// <summary>Stopped, waiting on something.</summary>
    Blocked,
}
