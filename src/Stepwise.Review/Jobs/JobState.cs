namespace Stepwise.Review.Jobs;

/// <summary>Where a job is. Queued and running jobs are unfinished; every other state is final.</summary>
public enum JobState
{
    /// <summary>Waiting for a free slot.</summary>
    Queued,

    /// <summary>Running.</summary>
    Running,

    /// <summary>Done; the result is there.</summary>
    Succeeded,

    /// <summary>Failed; the problem says why, and nothing was saved.</summary>
    Failed,

    /// <summary>Cancelled; nothing was saved.</summary>
    Cancelled,

    /// <summary>The server that ran it stopped before it ended; its work was rolled back, and the problem says so.</summary>
    Interrupted,
}
