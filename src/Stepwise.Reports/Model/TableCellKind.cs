namespace Stepwise.Reports;

/// <summary>What a table cell holds.</summary>
public enum TableCellKind
{
    /// <summary>Nothing (a missing value).</summary>
    Empty,

    /// <summary>Text.</summary>
    Text,

    /// <summary>A number (durations in seconds, shares as fractions).</summary>
    Number,

    /// <summary>A date.</summary>
    Date,
}
