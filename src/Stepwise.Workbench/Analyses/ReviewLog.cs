using Stepwise.Review.Data;
using Stepwise.Workbench.Logs;

namespace Stepwise.Workbench.Analyses;

/// <summary>A review's stored log opened for analysis: the selection inside the scope and filters, and its basis.</summary>
/// <param name="Source">The data source.</param>
/// <param name="Selection">The cases, measure and origin.</param>
/// <param name="Basis">What it was computed on.</param>
public sealed record ReviewLog(DataSource Source, LogSelection Selection, AnalysisBasis Basis)
{
    /// <summary>Wraps a result with this log's basis.</summary>
    public Analysis<T> With<T>(T result) => new(result, Basis);
}
