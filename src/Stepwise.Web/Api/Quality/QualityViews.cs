using Stepwise.Review.Data;
using Stepwise.Review.Quality;
using Stepwise.Statistics.Feedback;
using Stepwise.Web.Api.Concurrency;

namespace Stepwise.Web.Api.Quality;

/// <summary>A sample drawn and kept in a quality review, with the units drawn (the review keeps their file's SHA-256, not the units).</summary>
/// <param name="Sample">The sample as kept: population file and SHA-256, read options, strata, size, allocation, seed, weights.</param>
/// <param name="Units">The id of each unit drawn, as written to the units file (keyed pseudonyms when a key was given).</param>
public sealed record DrawnSampleView(ArtefactBody<QualitySample> Sample, IReadOnlyList<string> Units);

/// <summary>A kept sample checked against its population.</summary>
/// <param name="Sample">The sample with the check added.</param>
/// <param name="Check">The check: per attribute the chi-square test and each group's shares, and the response rate for responses.</param>
/// <param name="Representative">Whether every attribute is representative at the 5% level with no under-represented group.</param>
/// <param name="Weights">Raking weights per unit of the file checked, when asked for.</param>
public sealed record CheckedSampleView(ArtefactBody<QualitySample> Sample, SampleCheck Check, bool Representative, IReadOnlyList<UnitWeight> Weights);

/// <summary>A unit's raking weight.</summary>
/// <param name="Id">The unit id as shown (a keyed pseudonym when a key was given).</param>
/// <param name="Weight">Its weight.</param>
public sealed record UnitWeight(string Id, double Weight);

/// <summary>Feedback imported into a quality review and analysed against its measurement plan.</summary>
/// <param name="Analysis">The analysis kept: results against targets, drivers, themes.</param>
/// <param name="Source">The data source: file, SHA-256, the exact read options (asked and detected).</param>
/// <param name="NewImport">Whether the file was imported now (false when the same file, read the same way, already was).</param>
/// <param name="RowsRead">Rows in the file after the header.</param>
/// <param name="RowsSkipped">Rows skipped as bad (with skip_bad_rows).</param>
/// <param name="Mapping">Which column played which role.</param>
/// <param name="Notes">Decisions the reader made (scales, date formats, outcome values).</param>
public sealed record QualityAnalysisView(ArtefactBody<QualityAnalysis> Analysis, DataSource Source, bool NewImport, int RowsRead, int RowsSkipped, FeedbackColumnMapping Mapping, IReadOnlyList<string> Notes);

/// <summary>An agreed action's progress.</summary>
/// <param name="Status">not-started, in-progress, done or blocked.</param>
/// <param name="Note">What was done or what blocks it.</param>
internal sealed record ActionProgressBody(string Status, string? Note = null);
