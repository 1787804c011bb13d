using Stepwise.Statistics.Feedback;
using Stepwise.Workbench.Survey;

namespace Stepwise.Workbench.Quality;

/// <summary>
/// How a feedback file was read, kept with its import: the options asked for and what was detected (the column of
/// each role, the encoding, rows read and skipped), so any figure can be recomputed from the same bytes.
/// </summary>
/// <param name="Asked">The read options as given.</param>
/// <param name="Detected">The columns used for each role, detected ones filled in.</param>
/// <param name="Encoding">The encoding the file was read in.</param>
/// <param name="RowsRead">Rows after the header.</param>
/// <param name="RowsSkipped">Rows skipped as bad (only with skip_bad_rows).</param>
/// <param name="Notes">Decisions made while reading (scales, date formats, outcome values).</param>
public sealed record FeedbackProvenance(FeedbackReadRequest Asked, FeedbackColumnMapping Detected, string? Encoding, int RowsRead, int RowsSkipped, IReadOnlyList<string> Notes)
{
    /// <summary>What the reader must decide because the figures depend on it (also among <see cref="Notes"/>).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
