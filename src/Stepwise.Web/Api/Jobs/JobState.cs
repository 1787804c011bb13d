namespace Stepwise.Web.Api.Jobs;

/// <summary>Where a job is.</summary>
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
}
