using Stepwise.Review.Data;
using Stepwise.Workbench.Logs;

namespace Stepwise.Workbench.Data;

/// <summary>An imported data source, how it was read, and what the reader warned about (e.g. rows skipped).</summary>
/// <param name="Source">The data source as stored.</param>
/// <param name="Provenance">The options asked for and what was detected.</param>
/// <param name="Warnings">Rows skipped and other warnings, for the user.</param>
public sealed record ImportResult(DataSource Source, ImportProvenance Provenance, IReadOnlyList<string> Warnings);
