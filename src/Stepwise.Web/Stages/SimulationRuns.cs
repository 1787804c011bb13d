using System.Collections.Concurrent;
using Stepwise.Workbench.Options;

namespace Stepwise.Web.Stages;

/// <summary>
/// The simulations running on this server, at most one per review: a simulation reads the whole log and keeps the
/// cores busy, and two runs of the same options would only race to save the same results.
/// </summary>
public sealed class SimulationRuns(TimeProvider time)
{
    private readonly ConcurrentDictionary<Guid, SimulationRun> _runs = new();

    /// <summary>The run of a review, or null when none is running.</summary>
    public SimulationRun? Current(Guid reviewId) => _runs.GetValueOrDefault(reviewId);

    /// <summary>
    /// Starts <paramref name="work"/> off the caller's thread, or returns null when the review already has a run (the
    /// caller shows that one).
    /// </summary>
    public SimulationRun? TryStart(Guid reviewId, string startedBy, IReadOnlyList<string> options, Func<IProgress<double>, CancellationToken, OptionsSimulated> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var run = new SimulationRun(reviewId, startedBy, time.GetUtcNow(), options);
        if (!_runs.TryAdd(reviewId, run))
        {
            return null;
        }

        run.Start(work, () => _runs.TryRemove(new KeyValuePair<Guid, SimulationRun>(reviewId, run)));
        return run;
    }
}
