using Stepwise.Web.Api.Problems;

namespace Stepwise.Web.Api.Jobs;

/// <summary>One job: its work, its cancellation, and what it reports. Thread-safe: the work reports from its own thread.</summary>
internal sealed class ApiJob : IProgress<double>
{
    private readonly Lock _lock = new();
    private JobState _state = JobState.Queued;
    private double _progress;
    private DateTimeOffset? _started;
    private DateTimeOffset? _finished;
    private JobOutcome? _outcome;
    private ApiProblem? _problem;

    public ApiJob(Guid id, Guid ownerId, string kind, string description, Guid? reviewId, DateTimeOffset createdAt)
    {
        Id = id;
        OwnerId = ownerId;
        Kind = kind;
        Description = description;
        ReviewId = reviewId;
        CreatedAt = createdAt;
    }

    public Guid Id { get; }

    /// <summary>The account that started it: only they (or an administrator) see and cancel it.</summary>
    public Guid OwnerId { get; }

    public string Kind { get; }

    public string Description { get; }

    public Guid? ReviewId { get; }

    public DateTimeOffset CreatedAt { get; }

    public CancellationTokenSource Cancellation { get; } = new();

    /// <summary>Completed when the job has ended, whichever way.</summary>
    public TaskCompletionSource Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsFinished
    {
        get
        {
            lock (_lock)
            {
                return _state is JobState.Succeeded or JobState.Failed or JobState.Cancelled;
            }
        }
    }

    public DateTimeOffset? FinishedAt
    {
        get
        {
            lock (_lock)
            {
                return _finished;
            }
        }
    }

    public void Report(double value)
    {
        lock (_lock)
        {
            if (_state == JobState.Running && double.IsFinite(value))
            {
                _progress = Math.Max(_progress, Math.Clamp(value, 0, 1));
            }
        }
    }

    public void Start(DateTimeOffset at)
    {
        lock (_lock)
        {
            _state = JobState.Running;
            _started = at;
        }
    }

    public void Succeed(JobOutcome outcome, DateTimeOffset at) => Finish(JobState.Succeeded, outcome, null, at);

    public void Fail(ApiProblem problem, bool cancelled, DateTimeOffset at) => Finish(cancelled ? JobState.Cancelled : JobState.Failed, null, problem, at);

    public JobStatus Status()
    {
        lock (_lock)
        {
            return new JobStatus(Id, Kind, Description, ReviewId, _state, _state == JobState.Succeeded ? 1 : _progress, CreatedAt, _started, _finished, _outcome?.Result, _outcome?.Location, _problem);
        }
    }

    private void Finish(JobState state, JobOutcome? outcome, ApiProblem? problem, DateTimeOffset at)
    {
        lock (_lock)
        {
            _state = state;
            _outcome = outcome;
            _problem = problem;
            _finished = at;
        }

        Ended.TrySetResult();
    }
}
