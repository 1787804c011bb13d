namespace Stepwise.Cli.Output;

/// <summary>How a column's values are shown in a table; CSV and JSON always carry the raw value.</summary>
public enum CellKind
{
    /// <summary>Text as given.</summary>
    Text,

    /// <summary>A whole number, shown with thousands separators in tables.</summary>
    Integer,

    /// <summary>A number, shown with up to the column's decimals in tables.</summary>
    Number,

    /// <summary>A share between 0 and 1, shown as a percentage in tables.</summary>
    Share,

    /// <summary>A duration in seconds, shown as days/hours/minutes in tables.</summary>
    Duration,

    /// <summary>An instant (<see cref="DateTime"/> UTC or <see cref="DateTimeOffset"/>), ISO-8601 everywhere.</summary>
    Timestamp,

    /// <summary>True or false.</summary>
    Boolean,

    /// <summary>A JSON record (how a file was read), kept exactly in CSV and JSON and summarised in words in tables
    /// (<see cref="ReadOptionsText"/>).</summary>
    Json,
}
