using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stepwise.Review.Jobs;
using Stepwise.Review.Storage;
using Stepwise.Web.Api.Problems;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Problems;

namespace Stepwise.Web.Api.Jobs;

/// <summary>
/// Runs long work (imports, simulations) off the request: a request starts a job and answers 202 with its resource;
/// the job reports progress, then its result or its problem. At most <see cref="JobSettings.Slots"/> jobs run at once
/// (the others wait, queued), so a burst of uploads cannot starve the server. A cancelled or failed job leaves the
/// workspace as it was: the use cases it runs complete in one transaction or not at all.
/// <para>
/// Every job is kept in the workspace (<see cref="Workbench.Jobs.JobUseCases"/>) as its state changes: queued, running
/// (progress written at most once a second), then succeeded with its result, failed or cancelled with its problem. So a
/// job can be read after a restart: when this server starts, the jobs a previous process left queued or running are
/// marked interrupted, with a problem saying that the server stopped and their work was rolled back. Jobs that have
/// ended are deleted after <see cref="JobSettings.Retention"/>.
/// </para>
/// </summary>
public sealed partial class ApiJobs : IDisposable
{
    // How often, at most, jobs past their retention are deleted.
    private static readonly TimeSpan ForgetEvery = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<Guid, ApiJob> _live = new();
    private readonly Workbench.Workbench _bench;
    private readonly JobSettings _settings;
    private readonly JsonSerializerOptions _json;
    private readonly ILogger _log;
    private readonly SemaphoreSlim _slots;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private long _nextForget;
    private volatile bool _disposed;

    /// <summary>
    /// Creates the job runner of this server process, and marks the jobs a previous process left unfinished as
    /// interrupted.
    /// </summary>
    public ApiJobs(Workbench.Workbench bench, JobSettings settings, TimeProvider time, IOptions<JsonOptions> json, ILogger<ApiJobs> log, IHostApplicationLifetime? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(bench);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(log);
        _bench = bench;
        _settings = settings;
        _time = time;
        _json = json.Value.SerializerOptions;
        _log = log;
        Runner = Guid.CreateVersion7(time.GetUtcNow());
        StartedAt = time.GetUtcNow();
        _slots = new SemaphoreSlim(settings.Slots, settings.Slots);
        lifetime?.ApplicationStopping.Register(StopJobs);

        try
        {
            int interrupted = bench.Jobs.InterruptLeftOver(Runner, Serialize(InterruptedProblem(StartedAt)));
            if (interrupted > 0)
            {
                LogInterrupted(_log, interrupted);
            }
        }
        catch (Exception ex) when (ex is DbException or WorkspaceWriteRefusedException)
        {
            // The server still serves everything else; starting a job then reports the same refusal to its caller.
            LogCannotRecord(_log, ex);
        }

        ForgetIfDue();
        _ = Task.Run(WriteProgressAsync);
    }

    /// <summary>This server process, as the jobs it runs name it.</summary>
    public Guid Runner { get; }

    /// <summary>When this server (its job runner) started.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>How many jobs run at once.</summary>
    public int Slots => _settings.Slots;

    /// <summary>How long a job that has ended is kept.</summary>
    public TimeSpan Retention => _settings.Retention;

    /// <summary>The URL of a job's resource.</summary>
    public static string Location(Guid id) => $"{ApiRoutes.Prefix}/jobs/{id:D}";

    /// <summary>
    /// Starts a job for <paramref name="actor"/>. <paramref name="work"/> gets the job's progress and cancellation;
    /// <paramref name="cleanup"/> runs when it has ended, whichever way (e.g. deleting an uploaded file).
    /// </summary>
    /// <exception cref="WorkspaceWriteRefusedException">The job cannot be recorded; nothing was started, and the caller
    /// still owns what <paramref name="cleanup"/> would release.</exception>
    public JobStatus Start(Actor actor, string kind, string description, Guid? reviewId, Func<IProgress<double>, CancellationToken, JobOutcome> work, Action? cleanup = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(work);
        ForgetIfDue();
        var record = _bench.Jobs.Start(actor, Runner, kind, description, reviewId);
        var job = new ApiJob(record);
        _live[job.Id] = job;
        _ = Task.Run(() => RunAsync(job, work, cleanup));
        return Status(record);
    }

    /// <summary>A job the actor may see (their own; administrators: any).</summary>
    /// <exception cref="StepwiseException">No such job, or not theirs (not found either way).</exception>
    public JobStatus Get(Actor actor, Guid id) => Status(Find(actor, id));

    /// <summary>The actor's jobs (administrators: every job), newest first.</summary>
    public IReadOnlyList<JobStatus> List(Actor actor)
    {
        ForgetIfDue();
        return [.. _bench.Jobs.List(actor).Where(Kept).Select(Status)];
    }

    /// <summary>
    /// The jobs of a review, newest first, for anyone who may read the review: imports, assessments, simulations and
    /// analyses started by any member.
    /// </summary>
    /// <exception cref="StepwiseException">No such review, or the actor may not read it.</exception>
    public IReadOnlyList<JobStatus> ListForReview(Actor actor, Guid reviewId)
    {
        ForgetIfDue();
        return [.. _bench.Jobs.ListForReview(actor, reviewId).Where(Kept).Select(Status)];
    }

    /// <summary>Asks a job to stop; a job already ended is left as it is.</summary>
    public JobStatus Cancel(Actor actor, Guid id)
    {
        var record = Find(actor, id);
        if (_live.TryGetValue(id, out var job) && !job.Record.IsFinished)
        {
            job.Cancellation.Cancel();
        }

        return Status(record);
    }

    /// <summary>Waits until a job has ended (for tests and for callers that asked to wait).</summary>
    public async Task<JobStatus> WaitAsync(Actor actor, Guid id, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var record = Find(actor, id);
        if (_live.TryGetValue(id, out var job))
        {
            try
            {
                await job.Ended.Task.WaitAsync(timeout, _time, cancellationToken);
            }
            catch (TimeoutException)
            {
                // The caller gets the job as it stands.
            }

            return Status(job.Record);
        }

        return Status(record);
    }

    /// <summary>
    /// Stops the jobs this server runs, when the server stops: each rolls its work back and is recorded as interrupted
    /// (the server was stopped), waiting for them until <paramref name="cancellationToken"/> says the server may wait no
    /// longer. A job whose end could not be written then is marked interrupted when the server starts again.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_disposed)
        {
            return;
        }

        StopJobs();
        try
        {
            await Task.WhenAll(_live.Values.Select(j => j.Ended.Task)).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout is up.
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        StopJobs();
        _disposed = true;
        _stopping.Dispose();
        _slots.Dispose();
    }

    // The host may dispose the runner before or after it signals that it is stopping.
    private void StopJobs()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            _stopping.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Disposed meanwhile: the jobs were stopped then.
        }
    }

    private async Task RunAsync(ApiJob job, Func<IProgress<double>, CancellationToken, JobOutcome> work, Action? cleanup)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(job.Cancellation.Token, _stopping.Token);
        bool entered = false;
        JobRecord ended;
        try
        {
            await _slots.WaitAsync(linked.Token);
            entered = true;
            // A slot freed by a running job that the stop cancelled can reach a queued job before the stop's cancellation
            // does (the stop flags itself first, then cancels job by job): a queued job never starts once the server is
            // stopping, so it reads as never started, as after a restart.
            if (_stopping.IsCancellationRequested)
            {
                throw new OperationCanceledException();
            }

            Write(job.Start(Now()));
            var outcome = await Task.Factory.StartNew(() => work(job, linked.Token), linked.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            ended = job.Succeed(outcome.Result is null ? null : JsonSerializer.Serialize(outcome.Result, outcome.Result.GetType(), _json), outcome.Location, Now());
        }
        catch (Exception ex)
        {
            bool cancelled = ex is OperationCanceledException && (linked.IsCancellationRequested || _stopping.IsCancellationRequested);
            if (cancelled && !job.Cancellation.IsCancellationRequested)
            {
                // The server is stopping, not the user cancelling: the job says so, as it would after a restart.
                ended = job.End(JobState.Interrupted, Serialize(InterruptedProblem(null)), Now());
            }
            else
            {
                var described = cancelled
                    ? new StepwiseException(ProblemKind.Cancelled, $"{job.Record.Description} was cancelled; nothing was saved.")
                    : ex;
                var problem = ProblemCatalog.Describe(described);
                if (problem.Kind == ProblemKind.Bug)
                {
                    LogFault(_log, ex, job.Record.Description);
                }

                ended = job.End(cancelled ? JobState.Cancelled : JobState.Failed, Serialize(ApiProblem.Of(problem, problem.Status, null)), Now());
            }
        }
        finally
        {
            if (entered && !_disposed)
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

        // Only once its end is in the workspace is the job read from there; until then this server answers from memory.
        if (Write(ended))
        {
            _live.TryRemove(job.Id, out _);
        }

        job.Ended.TrySetResult();
    }

    // Writes a job's state; a failure to write is logged, not thrown, since the job's own work is not affected by it.
    private bool Write(JobRecord record)
    {
        try
        {
            _bench.Jobs.Record(record);
            return true;
        }
        catch (Exception ex) when (ex is DbException or WorkspaceWriteRefusedException or ObjectDisposedException)
        {
            LogNotWritten(_log, ex, record.Id, record.State);
            return false;
        }
    }

    // Progress is written at most once a ProgressInterval, on its own loop: a job reports from inside its import's
    // transaction, and on SQLite a write from there would wait for that very transaction.
    private async Task WriteProgressAsync()
    {
        using var timer = new PeriodicTimer(JobSettings.ProgressInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                foreach (var job in _live.Values)
                {
                    if (job.ProgressToWrite(JobSettings.ProgressStep) is { } record)
                    {
                        Write(record);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The server is stopping.
        }
        catch (ObjectDisposedException)
        {
            // The runner was disposed.
        }
    }

    private JobRecord Find(Actor actor, Guid id)
    {
        var record = _bench.Jobs.Get(actor, id);
        if (!Kept(record))
        {
            throw StepwiseException.NotFound(
                $"Job {id} ended at {Format(record.FinishedAt!.Value)} and jobs are kept for {Describe(Retention)} after they end. The review's data and history keep what it saved.",
                $"job {id}");
        }

        return record;
    }

    // The workspace keeps instants to the microsecond (as PostgreSQL does), so what a job answers now is what it answers after a restart.
    private DateTimeOffset Now()
    {
        var now = _time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % 10));
    }

    private bool Kept(JobRecord record) => record.FinishedAt is not { } finished || finished >= _time.GetUtcNow() - Retention;

    private void ForgetIfDue()
    {
        long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        long due = Interlocked.Read(ref _nextForget);
        if (now < due || Interlocked.CompareExchange(ref _nextForget, now + (long)ForgetEvery.TotalMilliseconds, due) != due)
        {
            return;
        }

        try
        {
            _bench.Jobs.Forget(Retention);
        }
        catch (Exception ex) when (ex is DbException or WorkspaceWriteRefusedException)
        {
            LogNotForgotten(_log, ex);
        }
    }

    // The job as its resource shows it: from this server's memory while it runs here (its progress is fresher than the
    // last write), else as the workspace keeps it.
    private JobStatus Status(JobRecord record)
    {
        if (_live.TryGetValue(record.Id, out var job))
        {
            record = job.Record;
        }

        JsonElement? result = record.ResultJson is { } json ? JsonSerializer.Deserialize<JsonElement>(json) : null;
        var problem = record.ProblemJson is { } p ? JsonSerializer.Deserialize<ApiProblem>(p, _json) : null;
        if (problem is { Instance: null })
        {
            problem = problem with { Instance = Location(record.Id) };
        }

        return new JobStatus(record.Id, record.Kind, record.Description, record.ReviewId, record.State, record.State == JobState.Succeeded ? 1 : record.Progress,
            record.CreatedAt, record.StartedAt, record.FinishedAt, result, record.ResultLocation, problem);
    }

    // Without restartedAt: the server is stopping while the job runs.
    private static ApiProblem InterruptedProblem(DateTimeOffset? restartedAt)
    {
        string when = restartedAt is { } at
            ? $"The server stopped before this job ended (it started again at {Format(at)})."
            : "The server was stopped before this job ended.";
        var problem = ProblemCatalog.Describe(new StepwiseException(ProblemKind.Interrupted,
            when + " The job's work is done in one transaction, which never completed, so it was rolled back: "
            + "the workspace is as it was before the job, and nothing of it was saved. Start the job again."));
        return ApiProblem.Of(problem, problem.Status, null);
    }

    private string Serialize(ApiProblem problem) => JsonSerializer.Serialize(problem, _json);

    private static string Format(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Describe(TimeSpan span) => span switch
    {
        { TotalDays: >= 1 } => Count(span.TotalDays, "day"),
        { TotalHours: >= 1 } => Count(span.TotalHours, "hour"),
        { TotalMinutes: >= 1 } => Count(span.TotalMinutes, "minute"),
        _ => Count(span.TotalSeconds, "second"),
    };

    private static string Count(double value, string unit)
        => $"{value.ToString("0.#", CultureInfo.InvariantCulture)} {unit}{(Math.Round(value, 1) == 1 ? "" : "s")}";

    internal static int StatusOf(JobState state) => state switch
    {
        JobState.Queued or JobState.Running => StatusCodes.Status202Accepted,
        _ => StatusCodes.Status200OK,
    };

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "{Count} jobs left unfinished by the previous server process were marked interrupted")]
    private static partial void LogInterrupted(ILogger logger, int count);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Error, Message = "Jobs cannot be recorded in the workspace (after an upgrade, apply the database grants again); jobs left unfinished by the previous server process were not marked interrupted")]
    private static partial void LogCannotRecord(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Error, Message = "Job '{Description}' failed unexpectedly")]
    private static partial void LogFault(ILogger logger, Exception exception, string description);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "The state of job {JobId} ({State}) could not be written to the workspace")]
    private static partial void LogNotWritten(ILogger logger, Exception exception, Guid jobId, JobState state);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning, Message = "Jobs past their retention could not be deleted")]
    private static partial void LogNotForgotten(ILogger logger, Exception exception);
}
