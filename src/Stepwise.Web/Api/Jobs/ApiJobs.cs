using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Stepwise.Web.Api.Problems;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Problems;

namespace Stepwise.Web.Api.Jobs;

/// <summary>
/// Runs long work (imports, simulations) off the request: a request starts a job and answers 202 with its resource;
/// the job reports progress, then its result or its problem. At most <see cref="Slots"/> jobs run at once (the others
/// wait, queued), so a burst of uploads cannot starve the server. A cancelled or failed job leaves the workspace as it
/// was: the use cases it runs complete in one transaction or not at all. Finished jobs are kept for
/// <see cref="Retention"/>, then forgotten. Jobs live in this server's memory: a restart ends running ones (their
/// work rolls back) and forgets finished ones; a job id from before the restart is answered with a not-found problem
/// that says so (job ids are version 7 UUIDs, which carry the time they were made).
/// </summary>
public sealed class ApiJobs : IDisposable
{
    /// <summary>How long a finished job's resource stays readable.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<Guid, ApiJob> _jobs = new();
    private readonly SemaphoreSlim _slots;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Creates the job runner.</summary>
    public ApiJobs(TimeProvider time, IHostApplicationLifetime? lifetime = null, int slots = 2)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        _time = time;
        StartedAt = time.GetUtcNow();
        Slots = slots;
        _slots = new SemaphoreSlim(slots, slots);
        lifetime?.ApplicationStopping.Register(_stopping.Cancel);
    }

    /// <summary>When this server (its job runner) started: jobs started before then are gone.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>How many jobs run at once.</summary>
    public int Slots { get; }

    /// <summary>The URL of a job's resource.</summary>
    public static string Location(Guid id) => $"{ApiRoutes.Prefix}/jobs/{id:D}";

    /// <summary>
    /// Starts a job for <paramref name="actor"/>. <paramref name="work"/> gets the job's progress and cancellation;
    /// <paramref name="cleanup"/> runs when it has ended, whichever way (e.g. deleting an uploaded file).
    /// </summary>
    public JobStatus Start(Actor actor, string kind, string description, Guid? reviewId, Func<IProgress<double>, CancellationToken, JobOutcome> work, Action? cleanup = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(work);
        Forget();
        var job = new ApiJob(Guid.CreateVersion7(), actor.UserId, kind, description, reviewId, _time.GetUtcNow());
        _jobs[job.Id] = job;
        _ = Task.Run(() => RunAsync(job, work, cleanup));
        return job.Status();
    }

    /// <summary>A job the actor may see (their own; administrators: any).</summary>
    /// <exception cref="StepwiseException">No such job, or not theirs (not found either way).</exception>
    public JobStatus Get(Actor actor, Guid id) => Find(actor, id).Status();

    /// <summary>The actor's jobs (administrators: every job), newest first.</summary>
    public IReadOnlyList<JobStatus> List(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Forget();
        return [.. _jobs.Values.Where(j => actor.IsAdministrator || j.OwnerId == actor.UserId).OrderByDescending(j => j.CreatedAt).Select(j => j.Status())];
    }

    /// <summary>
    /// The jobs of a review, newest first, for anyone who may read the review (the caller's access is checked by the
    /// use-case layer before this is called): imports, assessments, simulations and analyses started by any member.
    /// </summary>
    public IReadOnlyList<JobStatus> ListForReview(Guid reviewId)
    {
        Forget();
        return [.. _jobs.Values.Where(j => j.ReviewId == reviewId).OrderByDescending(j => j.CreatedAt).Select(j => j.Status())];
    }

    /// <summary>Asks a job to stop; a job already ended is left as it is.</summary>
    public JobStatus Cancel(Actor actor, Guid id)
    {
        var job = Find(actor, id);
        if (!job.IsFinished)
        {
            job.Cancellation.Cancel();
        }

        return job.Status();
    }

    /// <summary>Waits until a job has ended (for tests and for callers that asked to wait).</summary>
    public async Task<JobStatus> WaitAsync(Actor actor, Guid id, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var job = Find(actor, id);
        try
        {
            await job.Ended.Task.WaitAsync(timeout, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The caller gets the job as it stands.
        }

        return job.Status();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        _slots.Dispose();
    }

    private async Task RunAsync(ApiJob job, Func<IProgress<double>, CancellationToken, JobOutcome> work, Action? cleanup)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(job.Cancellation.Token, _stopping.Token);
        bool entered = false;
        try
        {
            await _slots.WaitAsync(linked.Token);
            entered = true;
            job.Start(_time.GetUtcNow());
            var outcome = await Task.Factory.StartNew(() => work(job, linked.Token), linked.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            job.Succeed(outcome, _time.GetUtcNow());
        }
        catch (Exception ex)
        {
            bool cancelled = ex is OperationCanceledException && linked.IsCancellationRequested;
            var described = cancelled
                ? new StepwiseException(ProblemKind.Cancelled, $"{job.Description} was cancelled; nothing was saved.")
                : ex;
            var problem = ProblemCatalog.Describe(described);
            job.Fail(ApiProblem.Of(problem, problem.Status, Location(job.Id)), cancelled, _time.GetUtcNow());
        }
        finally
        {
            if (entered)
            {
                _slots.Release();
            }

            try
            {
                cleanup?.Invoke();
            }
            catch (IOException)
            {
                // A temporary file that cannot be deleted now is left to the system's temporary-file cleanup.
            }
        }
    }

    private ApiJob Find(Actor actor, Guid id)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Forget();
        if (_jobs.TryGetValue(id, out var job) && (actor.IsAdministrator || job.OwnerId == actor.UserId))
        {
            return job;
        }

        string started = StartedAt.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        string detail = CreatedAt(id) is { } created && created < StartedAt
            ? $"Job {id} was started at {created.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)}, before this server restarted at {started}: jobs are kept in the server's memory and do not survive a restart. "
                + "A job that was still running then was stopped and left the workspace as it was; one that had finished kept what it saved. Look at the review's data and history, and start it again if it is not there."
            : $"There is no job {id} of yours. Finished jobs are kept for {Retention.TotalMinutes:0} minutes, and jobs do not survive a restart of the server (this one started at {started}).";
        throw StepwiseException.NotFound(detail, $"job {id}");
    }

    // Job ids are version 7 UUIDs, whose first 48 bits are the Unix time in milliseconds when they were made.
    private static DateTimeOffset? CreatedAt(Guid id)
    {
        if (id.Version != 7)
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        long milliseconds = ((long)bytes[0] << 40) | ((long)bytes[1] << 32) | ((long)bytes[2] << 24) | ((long)bytes[3] << 16) | ((long)bytes[4] << 8) | bytes[5];
        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }

    private void Forget()
    {
        var cutoff = _time.GetUtcNow() - Retention;
        foreach (var (id, job) in _jobs)
        {
            if (job.FinishedAt is { } finished && finished < cutoff)
            {
                _jobs.TryRemove(id, out _);
            }
        }
    }

    internal static int StatusOf(JobState state) => state switch
    {
        JobState.Queued or JobState.Running => StatusCodes.Status202Accepted,
        _ => StatusCodes.Status200OK,
    };
}
