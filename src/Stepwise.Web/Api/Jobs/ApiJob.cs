using Stepwise.Review.Jobs;

namespace Stepwise.Web.Api.Jobs;

/// <summary>
/// A job this server runs now: its work's cancellation, and its state as the work reports it, fresher than the
/// workspace's record between two writes. Thread-safe: the work reports from its own thread.
/// </summary>
internal sealed class ApiJob : IProgress<double>
{
    private readonly Lock _lock = new();
    private JobRecord _record;
    private double _written;

    public ApiJob(JobRecord record) => _record = record;

    public Guid Id => _record.Id;

    public CancellationTokenSource Cancellation { get; } = new();

    /// <summary>Completed when the job has ended, whichever way, and its end was written.</summary>
    public TaskCompletionSource Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The job as it stands.</summary>
    public JobRecord Record
    {
        get
        {
            lock (_lock)
            {
                return _record;
            }
        }
    }

    public void Report(double value)
    {
        lock (_lock)
        {
            if (_record.State == JobState.Running && double.IsFinite(value))
            {
                _record = _record with { Progress = Math.Max(_record.Progress, Math.Clamp(value, 0, 1)) };
            }
        }
    }

    /// <summary>The job to write if its progress moved by at least <paramref name="step"/> since the last write; else null.</summary>
    public JobRecord? ProgressToWrite(double step)
    {
        lock (_lock)
        {
            if (_record.State != JobState.Running || _record.Progress - _written < step)
            {
                return null;
            }

            _written = _record.Progress;
            return _record;
        }
    }

    public JobRecord Start(DateTimeOffset at) => Change(r => r with { State = JobState.Running, StartedAt = at });

    public JobRecord Succeed(string? resultJson, string? location, DateTimeOffset at)
        => Change(r => r with { State = JobState.Succeeded, Progress = 1, ResultJson = resultJson, ResultLocation = location, FinishedAt = at });

    /// <summary>Ends the job without a result: failed, cancelled or interrupted, with the problem that says why.</summary>
    public JobRecord End(JobState state, string problemJson, DateTimeOffset at)
        => Change(r => r with { State = state, ProblemJson = problemJson, FinishedAt = at });

    private JobRecord Change(Func<JobRecord, JobRecord> change)
    {
        lock (_lock)
        {
            _record = change(_record);
            return _record;
        }
    }
}
