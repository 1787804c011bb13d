using Stepwise.Monitoring;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Monitoring;
using Stepwise.Workbench.Analyses;

namespace Stepwise.Workbench.Monitoring;

/// <summary>A monitoring of a review's change, as stored, with the engine's full result and what each period was taken from.</summary>
/// <param name="Run">The stored run (a new version of the review's monitoring).</param>
/// <param name="Result">The engine's result, for hosts that show more than is stored.</param>
/// <param name="Before">What the before period was computed on (data source, hash, scope version, filter).</param>
/// <param name="After">What the after period was computed on.</param>
public sealed record MonitoredChange(Versioned<MonitoringRun> Run, MonitorResult Result, AnalysisBasis Before, AnalysisBasis After);
