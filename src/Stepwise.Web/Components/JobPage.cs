using Microsoft.Extensions.Logging;
using Stepwise.Workbench.Problems;

namespace Stepwise.Web.Components;

/// <summary>
/// A page that runs long work through the layer (an import, an assessment) off the circuit's thread, with a progress
/// bar and a cancel button: the page stays responsive, shows progress as the layer reports it, and shows any failure
/// as the layer describes it. The use cases complete in one transaction or not at all, so a cancelled job leaves nothing.
/// </summary>
public abstract class JobPage : WorkbenchPage
{
    private CancellationTokenSource? _cancel;

    [Microsoft.AspNetCore.Components.Inject]
    private ILogger<JobPage> JobLog { get; set; } = default!;

    /// <summary>What runs now ("Importing tickets.csv"), or null when nothing runs.</summary>
    protected string? Running { get; private set; }

    /// <summary>The share done of what runs, from 0 to 1.</summary>
    protected double Progress { get; private set; }

    /// <summary>Whether a job runs.</summary>
    protected bool Busy => Running is not null;

    /// <summary>
    /// Runs <paramref name="work"/> on the thread pool as the signed-in actor; returns its result, or default when it
    /// failed or was cancelled (the problem is then shown).
    /// </summary>
    protected Task<(bool Done, T? Result)> RunAsync<T>(string what, Func<IProgress<double>, CancellationToken, T> work, string? done = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        return RunAsync(what, (progress, token) => Task.Run(() => work(progress, token), token), done);
    }

    /// <summary>Runs asynchronous <paramref name="work"/> (e.g. a copy from the browser) with the same progress, cancel and problems.</summary>
    protected async Task<(bool Done, T? Result)> RunAsync<T>(string what, Func<IProgress<double>, CancellationToken, Task<T>> work, string? done = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        Problem = null;
        Notice = null;
        Running = what;
        Progress = 0;
        using var cancel = new CancellationTokenSource();
        _cancel = cancel;
        long lastShown = 0;
        var progress = new Progress<double>(value =>
        {
            Progress = Math.Clamp(value, 0, 1);
            long now = Environment.TickCount64;
            if (now - lastShown > 150)
            {
                lastShown = now;
                _ = InvokeAsync(StateHasChanged);
            }
        });
        StateHasChanged();
        try
        {
            var result = await work(progress, cancel.Token);
            Notice = done;
            return (true, result);
        }
        catch (Exception ex)
        {
            var problem = ProblemCatalog.Describe(ex);
            if (problem.Kind == ProblemKind.Bug)
            {
                JobLog.LogError(ex, "A page job failed unexpectedly");
            }

            Problem = problem;
            return (false, default);
        }
        finally
        {
            Running = null;
            _cancel = null;
        }
    }

    /// <summary>Cancels the job that runs.</summary>
    protected void Cancel() => _cancel?.Cancel();
}
