namespace Stepwise.Cli.Output;

/// <summary>How CSV is written: the field separator and the decimal mark.</summary>
/// <param name="Delimiter">The field separator: <c>,</c> by default, <c>;</c> for European Excel.</param>
/// <param name="DecimalComma">Whether numbers use a decimal comma (European Excel) instead of a point.</param>
public sealed record CsvDialect(char Delimiter, bool DecimalComma)
{
    /// <summary>RFC 4180: commas between fields, a decimal point.</summary>
    public static CsvDialect Standard { get; } = new(',', false);

    /// <summary>What Excel expects in most of continental Europe: semicolons between fields, a decimal comma.</summary>
    public static CsvDialect European { get; } = new(';', true);
}
