using Stepwise.Review.Jobs;

namespace Stepwise.Review.Storage;

/// <summary>
/// The jobs of a workspace: long work (imports, simulations) that a server runs, kept so that a job's state, result or
/// problem can be read after the server that ran it restarted. Part of the storage port; every method is atomic. A job
/// that has ended is final: its state, result and problem never change again, and it is only deleted (by retention).
/// </summary>
public interface IJobStore
{
    /// <summary>Records a new job.</summary>
    void AddJob(JobRecord job);

    /// <summary>Writes a job's new state, progress, times, result and problem, if it has not ended yet.</summary>
    /// <returns>Whether it was written (false: no such job, or it has ended, e.g. interrupted by another process).</returns>
    bool UpdateJob(JobRecord job);

    /// <summary>The job with that id, or null.</summary>
    JobRecord? FindJob(Guid id);

    /// <summary>Jobs, newest first: those started by <paramref name="ownerId"/> (everyone's when null), of
    /// <paramref name="reviewId"/> (any review's when null).</summary>
    IReadOnlyList<JobRecord> Jobs(Guid? ownerId = null, Guid? reviewId = null);

    /// <summary>
    /// Marks every queued or running job of another runner than <paramref name="runner"/> as
    /// <see cref="JobState.Interrupted"/> at <paramref name="at"/>, with <paramref name="problemJson"/>: run by a server
    /// when it starts, for the jobs its previous process left unfinished.
    /// </summary>
    /// <returns>How many jobs were marked.</returns>
    int InterruptJobs(Guid runner, DateTimeOffset at, string problemJson);

    /// <summary>Deletes the jobs that ended before <paramref name="finishedBefore"/>; unfinished jobs are kept.</summary>
    /// <returns>How many were deleted.</returns>
    int DeleteJobs(DateTimeOffset finishedBefore);
}
