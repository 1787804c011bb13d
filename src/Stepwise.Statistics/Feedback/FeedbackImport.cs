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
    IReadOnlyList<string> Notes)
{
    /// <summary>The columns of the file, as in its header.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>
    /// Notes that ask for the reader's decision, because the figures depend on it (a 0 among 1-5 items that may mean
    /// "not applicable"); each is also among <see cref="Notes"/>. Shown where the analysis is shown, not only kept.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The encoding the file was read in.</summary>
    public string? Encoding { get; init; }

    /// <summary>
    /// Null when the import found something to analyse (an overall score, item scores, an outcome or comments);
    /// otherwise what was seen and what is needed, for the user.
    /// </summary>
    public string? Shortfall()
    {
        if (Table.Overall is not null || Table.Items.Count > 0 || Table.Outcome is not null || Table.Comments is not null)
        {
            return null;
        }

        return $"nothing to analyse: no score, yes/no outcome or comment column was recognised among the {Columns.Count} columns seen ({string.Join(", ", Columns)}). "
            + "The analysis needs at least one of: an overall score (a column named like Rating, Stars, Score or Overall), item scores (whole numbers on a scale such as 1-5 or 0-10), "
            + "a yes/no outcome (like Recommended or Satisfied), or comments (like Comment, Review or Feedback); name the columns if their headers say otherwise.";
    }
}
