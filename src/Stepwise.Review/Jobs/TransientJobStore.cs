using Stepwise.Review.Storage;

namespace Stepwise.Review.Jobs;

/// <summary>
/// Jobs kept in this process's memory, with the same rules as the workspace's jobs table (a job that has ended is
/// final; newest first; retention deletes only ended jobs): for a workspace open for reading only, which cannot keep
/// them, and for the in-memory store of tests. Jobs kept here do not outlive the process. Thread-safe.
/// </summary>
public sealed class TransientJobStore : IJobStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, JobRecord> _jobs = [];

    /// <inheritdoc />
    public void AddJob(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        lock (_lock)
        {
            if (!_jobs.TryAdd(job.Id, job))
            {
                throw new InvalidOperationException($"Job {job.Id} is already recorded.");
            }
        }
    }

    /// <inheritdoc />
    public bool UpdateJob(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        lock (_lock)
        {
            if (!_jobs.TryGetValue(job.Id, out var stored) || stored.IsFinished)
            {
                return false;
            }

            // Who started it, what it is and when it was asked for never change.
            _jobs[job.Id] = job with { OwnerId = stored.OwnerId, Kind = stored.Kind, Description = stored.Description, ReviewId = stored.ReviewId, CreatedAt = stored.CreatedAt };
            return true;
        }
    }

    /// <inheritdoc />
    public JobRecord? FindJob(Guid id)
    {
        lock (_lock)
        {
            return _jobs.GetValueOrDefault(id);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<JobRecord> Jobs(Guid? ownerId = null, Guid? reviewId = null)
    {
        lock (_lock)
        {
            return [.. _jobs.Values
                .Where(j => (ownerId is null || j.OwnerId == ownerId) && (reviewId is null || j.ReviewId == reviewId))
                .OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id)];
        }
    }

    /// <inheritdoc />
    public int InterruptJobs(Guid runner, DateTimeOffset at, string problemJson)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(problemJson);
        lock (_lock)
        {
            var left = _jobs.Values.Where(j => !j.IsFinished && j.Runner != runner).ToList();
            foreach (var job in left)
            {
                _jobs[job.Id] = job with { State = JobState.Interrupted, FinishedAt = at, ProblemJson = problemJson };
            }

            return left.Count;
        }
    }

    /// <inheritdoc />
    public int DeleteJobs(DateTimeOffset finishedBefore)
    {
        lock (_lock)
        {
            var old = _jobs.Values.Where(j => j.IsFinished && j.FinishedAt < finishedBefore).Select(j => j.Id).ToList();
            foreach (var id in old)
            {
                _jobs.Remove(id);
            }

            return old.Count;
        }
    }
}
