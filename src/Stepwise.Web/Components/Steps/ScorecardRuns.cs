using Stepwise.Steps.Scorecard;
using Stepwise.Workbench.Analyses;

namespace Stepwise.Web.Components.Steps;

/// <summary>
/// The Steps page's scorecards, computed in the background and kept per review, data source and scope version: on a
/// large log the scorecard takes seconds, so the page opens at once with a progress bar, later visits (and other users
/// of the same review) get it straight away, and a new import or scope change computes a fresh one. A failed run is
/// dropped so that the next visit tries again. Only the most recent <see cref="Capacity"/> scorecards are kept.
/// </summary>
public sealed class ScorecardRuns
{
    /// <summary>How many scorecards are kept (a scorecard holds figures per step, not the log).</summary>
    public const int Capacity = 32;

    private readonly Lock _gate = new();
    private readonly Dictionary<ScorecardKey, LinkedListNode<ScorecardRun>> _runs = [];
    private readonly LinkedList<ScorecardRun> _recent = new();

    /// <summary>
    /// The run for <paramref name="key"/>: the one kept or running, or a new one that runs <paramref name="work"/> on the
    /// thread pool. The caller has checked that its user may read the review.
    /// </summary>
    public ScorecardRun For(ScorecardKey key, Func<IProgress<double>, Analysis<StepScorecard>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (_gate)
        {
            if (_runs.TryGetValue(key, out var node) && !node.Value.Task.IsFaulted && !node.Value.Task.IsCanceled)
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                return node.Value;
            }

            if (node is not null)
            {
                _recent.Remove(node);
                _runs.Remove(key);
            }

            var run = new ScorecardRun(key, work);
            _runs[key] = _recent.AddFirst(run);
            while (_recent.Count > Capacity)
            {
                _runs.Remove(_recent.Last!.Value.Key);
                _recent.RemoveLast();
            }

            return run;
        }
    }
}
