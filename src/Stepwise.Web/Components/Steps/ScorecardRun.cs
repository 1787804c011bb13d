using Stepwise.Steps.Scorecard;
using Stepwise.Workbench.Analyses;

namespace Stepwise.Web.Components.Steps;

/// <summary>One computation of a review's scorecard, shared by every page that asks for the same key while it runs and
/// after it has finished.</summary>
public sealed class ScorecardRun : IProgress<double>
{
    private double _progress;

    internal ScorecardRun(ScorecardKey key, Func<IProgress<double>, Analysis<StepScorecard>> work)
    {
        Key = key;
        Task = System.Threading.Tasks.Task.Run(() => work(this));
    }

    /// <summary>What it is computed from.</summary>
    public ScorecardKey Key { get; }

    /// <summary>The scorecard, once computed (faulted with the layer's problem when it cannot be).</summary>
    public Task<Analysis<StepScorecard>> Task { get; }

    /// <summary>The share done, from 0 to 1.</summary>
    public double Progress => Volatile.Read(ref _progress);

    /// <inheritdoc />
    void IProgress<double>.Report(double value) => Volatile.Write(ref _progress, Math.Clamp(value, 0, 1));
}
