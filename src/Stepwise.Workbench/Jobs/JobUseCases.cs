using Stepwise.Review.Access;
using Stepwise.Review.Jobs;
using Stepwise.Review.Storage;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Jobs;

/// <summary>
/// The records of long work (imports, simulations, analyses) that a server runs off the request: kept in the workspace,
/// so a job's state, result or problem can still be read after the server restarted, with the access rules of jobs
/// (a job is read and cancelled by the account that started it, or an administrator; a review's jobs are listed to
/// everyone who may read the review). A workspace open for reading only cannot keep them: its jobs are then kept in
/// this process's memory and end with it (<see cref="AreKept"/>).
/// </summary>
public sealed class JobUseCases
{
    /// <summary>How long a job that has ended is kept by default.</summary>
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(7);

    private readonly Workbench _bench;
    private readonly IJobStore _jobs;

    internal JobUseCases(Workbench bench)
    {
        _bench = bench;
        _jobs = bench.Store.IsReadOnly ? new TransientJobStore() : bench.Store;
    }

    /// <summary>Whether jobs are kept in the workspace (false: a read-only workspace, whose jobs end with the process).</summary>
    public bool AreKept => ReferenceEquals(_jobs, _bench.Store);

    /// <summary>Records a new job of <paramref name="actor"/>, queued, run by <paramref name="runner"/>.</summary>
    /// <param name="actor">Who starts it.</param>
    /// <param name="runner">The server process that will run it.</param>
    /// <param name="kind">What it does, e.g. <c>import</c>.</param>
    /// <param name="description">In words, e.g. "Import of helpdesk.xes.gz".</param>
    /// <param name="reviewId">The review it works on, or null.</param>
    public JobRecord Start(Actor actor, Guid runner, string kind, string description, Guid? reviewId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var job = new JobRecord
        {
            Id = _bench.Workspace.NewId(),
            OwnerId = actor.UserId,
            Kind = kind,
            Description = description,
            ReviewId = reviewId,
            Runner = runner,
            State = JobState.Queued,
            CreatedAt = _bench.Now,
        };
        _jobs.AddJob(job);
        return job;
    }

    /// <summary>Writes a job's new state (its progress, its end with the result or the problem), unless it has ended.</summary>
    /// <returns>Whether it was written (false: it had ended, e.g. it was marked interrupted).</returns>
    public bool Record(JobRecord job) => _jobs.UpdateJob(job);

    /// <summary>A job the actor may see: their own; administrators: any.</summary>
    /// <exception cref="StepwiseException">No such job, or not theirs (not found either way, so ids of others' jobs tell nothing).</exception>
    public JobRecord Get(Actor actor, Guid id)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (_jobs.FindJob(id) is { } job && (actor.IsAdministrator || job.OwnerId == actor.UserId))
        {
            return job;
        }

        throw StepwiseException.NotFound(
            $"There is no job {id} of yours. Jobs that have ended are deleted after the retention period the server sets (a week unless changed); "
            + (AreKept ? "the review's data and history keep what each job saved." : "this workspace is open for reading only, so its jobs are kept only until the server stops."),
            $"job {id}");
    }

    /// <summary>The actor's jobs (administrators: every job), newest first.</summary>
    public IReadOnlyList<JobRecord> List(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return _jobs.Jobs(actor.IsAdministrator ? null : actor.UserId);
    }

    /// <summary>The jobs of a review started by any member, newest first, for anyone who may read the review.</summary>
    /// <exception cref="StepwiseException">No such review (not found), or the actor may not read it (forbidden).</exception>
    public IReadOnlyList<JobRecord> ListForReview(Actor actor, Guid reviewId)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        return _jobs.Jobs(reviewId: reviewId);
    }

    /// <summary>
    /// Marks the jobs a previous process left queued or running as interrupted, with <paramref name="problemJson"/>: a
    /// server calls this when it starts, as <paramref name="runner"/>. Their work was one transaction that never
    /// committed, so the workspace is as it was before each of them.
    /// </summary>
    /// <returns>How many jobs were marked.</returns>
    public int InterruptLeftOver(Guid runner, string problemJson) => _jobs.InterruptJobs(runner, _bench.Now, problemJson);

    /// <summary>Deletes the jobs that ended more than <paramref name="retention"/> ago.</summary>
    /// <returns>How many were deleted.</returns>
    public int Forget(TimeSpan retention)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(retention, TimeSpan.Zero);
        return _jobs.DeleteJobs(_bench.Now - retention);
    }
}
