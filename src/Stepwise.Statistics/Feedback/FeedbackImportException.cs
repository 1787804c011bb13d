using System.Globalization;
using Stepwise.Statistics.Tabular;

namespace Stepwise.Statistics.Feedback;

/// <summary>
/// A feedback file has rows that cannot be read as mapped, and bad rows are not being skipped: the message names
/// the file, the first bad row's line and column and what was expected, and how many rows are bad.
/// </summary>
public sealed class FeedbackImportException : DelimitedTextException
{
    /// <summary>Creates the exception from the bad rows found (at least one).</summary>
    public FeedbackImportException(string source, IReadOnlyList<BadRow> badRows)
        : this(source, badRows, "--skip-bad-rows")
    {
    }

    /// <summary>Creates the exception from the bad rows found (at least one), naming the option that skips them as
    /// <paramref name="skipBadRowsOption"/>.</summary>
    public FeedbackImportException(string source, IReadOnlyList<BadRow> badRows, string skipBadRowsOption)
        : base(source, badRows[0].Line, badRows[0].Column, Describe(badRows, skipBadRowsOption))
    {
        BadRows = badRows;
    }

    /// <summary>Every bad row found.</summary>
    public IReadOnlyList<BadRow> BadRows { get; }

    private static string Describe(IReadOnlyList<BadRow> badRows, string skipBadRowsOption)
    {
        var first = badRows[0];
        string text = first.Value is null ? first.Problem : $"'{first.Value}': {first.Problem}";
        int rows = badRows.Select(b => b.Line).Distinct().Count();
        if (badRows.Count > 1)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" ({badRows.Count} problems in {rows} rows; nothing was imported; use {skipBadRowsOption} to import the rest and list each)");
        }
        else
        {
            text += $" (nothing was imported; use {skipBadRowsOption} to import the rest)";
        }

        return text;
    }
}
