namespace Stepwise.Statistics.Feedback;

/// <summary>What an import produced: the responses, the mapping that was used, and every row skipped.</summary>
/// <param name="Table">The responses read.</param>
/// <param name="Mapping">The mapping used, with detected roles filled in.</param>
/// <param name="RowsRead">Rows in the file after the header.</param>
/// <param name="BadRows">Rows skipped (only when <see cref="FeedbackImportOptions.SkipBadRows"/> is on), with the reason.</param>
/// <param name="Notes">Decisions made while importing (detected scales, date formats, outcome values).</param>
public sealed record FeedbackImport(
    FeedbackTable Table,
    FeedbackColumnMapping Mapping,
    int RowsRead,
    IReadOnlyList<BadRow> BadRows,
    IReadOnlyList<string> Notes);
