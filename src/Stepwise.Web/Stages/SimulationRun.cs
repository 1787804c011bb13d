using Stepwise.Workbench.Options;

namespace Stepwise.Web.Stages;

/// <summary>
/// One simulation of a review's options running on the server: who started it, how far it is, and its outcome. Every
/// page showing the review's options watches it (<see cref="Changed"/>), so a second person sees the run instead of
/// starting another, and anyone with the right to run it may cancel it.
/// </summary>
public sealed class SimulationRun
{
    private readonly CancellationTokenSource _cancel = new();
    private double _progress;

    internal SimulationRun(Guid reviewId, string startedBy, DateTimeOffset startedAt, IReadOnlyList<string> options)
    {
        ReviewId = reviewId;
        StartedBy = startedBy;
        StartedAt = startedAt;
        Options = options;
    }

    /// <summary>The review.</summary>
    public Guid ReviewId { get; }

    /// <summary>Who started it (display name).</summary>
    public string StartedBy { get; }

    /// <summary>When it started.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>The titles of the options simulated.</summary>
    public IReadOnlyList<string> Options { get; }

    /// <summary>The share done, 0 to 1.</summary>
    public double Progress => Volatile.Read(ref _progress);

    /// <summary>Whether cancellation was asked for.</summary>
    public bool Cancelling => _cancel.IsCancellationRequested;

    /// <summary>The run; faults with the layer's exception (a cancelled run with <see cref="OperationCanceledException"/>).</summary>
    public Task<OptionsSimulated> Completion { get; private set; } = default!;

    /// <summary>Raised (on a worker thread) when the progress moves by a percent or more, and when the run ends.</summary>
    public event Action? Changed;

    /// <summary>Asks the run to stop; the layer then saves nothing.</summary>
    public void Cancel()
    {
        _cancel.Cancel();
        Changed?.Invoke();
    }

    internal void Start(Func<IProgress<double>, CancellationToken, OptionsSimulated> work, Action finished)
    {
        var progress = new Reporter(this);
        Completion = Task.Run(() =>
        {
            try
            {
                return work(progress, _cancel.Token);
            }
            finally
            {
                finished();
                Changed?.Invoke();
                _cancel.Dispose();
            }
        });
    }

    private void Report(double value)
    {
        double old = Progress;
        double clamped = Math.Clamp(value, 0, 1);
        Volatile.Write(ref _progress, clamped);
        if (clamped - old >= 0.01 || clamped >= 1)
        {
            Changed?.Invoke();
        }
    }

    // Progress reported straight from the worker (Progress<T> would post to a context the server does not have).
    private sealed class Reporter(SimulationRun run) : IProgress<double>
    {
        public void Report(double value) => run.Report(value);
    }
}
