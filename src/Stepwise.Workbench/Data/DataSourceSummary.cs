using Stepwise.Review.Data;
using Stepwise.Workbench.Logs;

namespace Stepwise.Workbench.Data;

/// <summary>A data source with its provenance (null for a data source imported before provenance was recorded).</summary>
/// <param name="Source">The data source.</param>
/// <param name="Provenance">How it was read.</param>
public sealed record DataSourceSummary(DataSource Source, ImportProvenance? Provenance);
