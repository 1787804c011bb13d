namespace Stepwise.Reports;

/// <summary>What a table column holds, which decides how each format writes it.</summary>
public enum ColumnKind
{
    /// <summary>Short text (names, labels).</summary>
    Text,

    /// <summary>Free text that may hold personal data (comments): redacted unless the document opts in.</summary>
    Comment,

    /// <summary>A number with the column's decimals and unit.</summary>
    Number,

    /// <summary>A whole count.</summary>
    Count,

    /// <summary>A share, held as a fraction 0..1, shown as a percentage.</summary>
    Percent,

    /// <summary>A duration, held in seconds, shown in the column's time unit (stated in the header).</summary>
    Duration,

    /// <summary>A calendar date.</summary>
    Date,

    /// <summary>Money in the column's currency.</summary>
    Money,
}
