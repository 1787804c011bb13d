namespace Stepwise.Cli.Output;

/// <summary>How a command prints its result.</summary>
public enum OutputFormat
{
    /// <summary>Aligned text for people (the default).</summary>
    Table,

    /// <summary>Comma-separated values with a header row (RFC 4180 quoting).</summary>
    Csv,

    /// <summary>JSON with snake_case keys.</summary>
    Json,
}
